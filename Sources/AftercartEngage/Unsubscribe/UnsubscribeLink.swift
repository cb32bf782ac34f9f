public import AftercartConfig
public import AftercartModel
public import AftercartStore
public import Foundation

/// The one-click unsubscribe link of a marketing email: the server's public
/// address, `/unsubscribe/`, and a token that holds the store and the
/// customer's address as a ``SealedToken`` under a per-install key, so a
/// link shows nobody whose it is and nobody can make or alter one for
/// another address (a forged token is answered 404 and changes nothing).
///
/// The key is derived from `[server] link_secret` when set, else it is the
/// install's own, kept in the database beside the coupon secret, so every
/// worker and the server sign and check alike without a setting a merchant
/// could forget (and then send marketing mail without a way out); see
/// ``LinkSecret``.
public struct UnsubscribeLink: Sendable {
    /// Where links point: `[server] public_url`.
    public var publicURL: URL
    private let sealer: SealedToken

    /// The path prefix of links on the server.
    public static let path = "/unsubscribe/"

    public init(publicURL: URL, secret: String) {
        self.publicURL = publicURL
        self.sealer = SealedToken(secret: secret)
    }

    /// The links of this install, under `[server] link_secret` when set,
    /// else the install's key read from (or, on first use, created in) `database`.
    public static func load(publicURL: URL, linkSecret: ConfiguredSecret?, from database: any PlanningStore)
        async throws -> UnsubscribeLink
    {
        let secret = try await LinkSecret.key(for: "unsubscribe", configured: linkSecret, database: database)
        return UnsubscribeLink(publicURL: publicURL, secret: secret)
    }

    /// The token for `email` of `store` (the address lowercased).
    public func token(store: StoreID, email: String) -> String {
        sealer.seal([store.rawValue, email.lowercased()])
    }

    /// The whole link for `email` of `store`.
    public func url(store: StoreID, email: String) -> String {
        SealedToken.link(publicURL, path: Self.path, token: token(store: store, email: email))
    }

    /// The store and address a token names, or `nil` when it is not one this
    /// install signed (forged, altered, cut, or another install's).
    public func verify(_ token: String) -> (store: StoreID, email: String)? {
        guard let fields = sealer.open(token, fields: 2) else { return nil }
        return (StoreID(fields[0]), fields[1])
    }
}
