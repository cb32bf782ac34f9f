public import AftercartModel

/// Erasing everything a database holds about one store, when the platform
/// asks (Shopify's `shop/redact`, 48 hours after the app was uninstalled).
public protocol StoreDataErasing: Sendable {
    /// Deletes `store`'s records, checkpoints, rejected records, outbox
    /// rows, planner state, webhook receipts and the app's kept tokens, and
    /// returns how many rows went. The keyed hashes of forgotten customers
    /// stay (they hold no address) so a reinstalled shop's records of
    /// those customers are still stored redacted. Running it again deletes nothing.
    func eraseStoreData(_ store: StoreID) async throws -> Int
}
