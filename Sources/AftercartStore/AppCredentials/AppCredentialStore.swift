public import AftercartModel
public import Foundation

/// The tokens platforms issued to the app, one pair per store, kept so a
/// worker that starts (or another worker on the same database) uses the
/// live one instead of asking for another.
///
/// The tokens are secrets: nothing that lists the database (`status`,
/// `export`) reads this table.
public protocol AppCredentialStore: Sendable {
    /// `store`'s credential; `nil` before the first.
    func appCredential(store: StoreID) async throws -> IssuedCredential?
    /// Replaces `store`'s credential whole (access and refresh token together).
    func saveAppCredential(_ credential: IssuedCredential, store: StoreID) async throws
}

/// The `state` values of installs under way: each names the store it was
/// issued for, works once and expires.
public protocol InstallStateStore: Sendable {
    /// Records `state` for `store` until `expiresAt`, dropping states that
    /// expired before `now`.
    func issueInstallState(_ state: String, store: StoreID, expiresAt: Date, now: Date) async throws
    /// Deletes `state` and returns its store when it was issued and has not
    /// expired at `now`; `nil` when unknown, used or expired.
    func consumeInstallState(_ state: String, now: Date) async throws -> StoreID?
}
