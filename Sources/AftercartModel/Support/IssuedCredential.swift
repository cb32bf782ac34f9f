public import Foundation

/// A token a platform issued to the app for one store through an OAuth
/// grant, as kept between runs: the access token, its refresh token when
/// the grant gave one, their expiries and the granted scopes.
///
/// Both tokens are ``Secret``s: printing the value shows `<redacted>`.
/// A pair is replaced whole, never one token at a time, because a refresh
/// answer revokes the refresh token that asked for it.
public struct IssuedCredential: Sendable, Hashable {
    public var accessToken: Secret
    /// When the access token stops working; `nil`: the answer gave no lifetime.
    public var accessExpiresAt: Date?
    /// What asks for the next access token; `nil` for grants without one.
    public var refreshToken: Secret?
    /// When the refresh token stops working; `nil`: unknown or none.
    public var refreshExpiresAt: Date?
    /// The granted scopes, as the platform listed them.
    public var scopes: [String]
    /// When the platform issued it.
    public var issuedAt: Date
    /// Which app credential it was issued to (a keyed hash the adapter
    /// makes, never the secret): a kept token of another app or of a
    /// replaced secret is not used.
    public var issuedTo: String?

    public init(
        accessToken: Secret, accessExpiresAt: Date?, refreshToken: Secret? = nil, refreshExpiresAt: Date? = nil,
        scopes: [String], issuedAt: Date, issuedTo: String? = nil
    ) {
        self.issuedTo = issuedTo
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshExpiresAt = refreshExpiresAt
        self.scopes = scopes
        self.issuedAt = issuedAt
    }
}
