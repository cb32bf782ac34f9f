public import AftercartConnector
public import AftercartModel
public import AftercartStore

/// The database's ``AppCredentialStore`` as the ``CredentialVault`` adapters
/// keep their issued tokens in, so every worker on the database shares them.
public struct DatabaseCredentialVault: CredentialVault {
    public let store: any AppCredentialStore

    public init(_ store: any AppCredentialStore) {
        self.store = store
    }

    public func credential(store id: StoreID) async throws -> IssuedCredential? {
        try await store.appCredential(store: id)
    }

    public func save(_ credential: IssuedCredential, store id: StoreID) async throws {
        try await store.saveAppCredential(credential, store: id)
    }
}
