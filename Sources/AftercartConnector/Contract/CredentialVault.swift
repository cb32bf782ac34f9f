public import AftercartModel
import NIOConcurrencyHelpers

/// Where an adapter keeps the tokens a platform issued to the app, so a
/// process that starts finds a live token instead of asking for another,
/// and several workers sharing one database use the same one.
///
/// The CLI hands the database's vault to every adapter it makes with a
/// database open (``ConnectorEnvironment/vault``); without one, tokens
/// live in memory only. Adapters know this protocol, never the database.
public protocol CredentialVault: Sendable {
    /// The credential kept for `store`; `nil` before the first.
    func credential(store: StoreID) async throws -> IssuedCredential?
    /// Replaces `store`'s credential whole, in one write.
    func save(_ credential: IssuedCredential, store: StoreID) async throws
}

/// A vault in memory, shared by the adapters that hold it (tests, and
/// processes without a database).
public final class MemoryCredentialVault: CredentialVault {
    private let kept = NIOLockedValueBox<[StoreID: IssuedCredential]>([:])

    public init() {}

    public func credential(store: StoreID) async throws -> IssuedCredential? {
        kept.withLockedValue { $0[store] }
    }

    public func save(_ credential: IssuedCredential, store: StoreID) async throws {
        kept.withLockedValue { $0[store] = credential }
    }
}
