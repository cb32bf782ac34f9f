import AftercartConnector
import AftercartModel

extension ShopifyConnector {
    /// A bulk backfill of `resource` when it is read from the beginning (no
    /// ``SyncCursor/updatedAfter``: a store's first sync, or `sync --full`, which hands the
    /// adapter no cursor) or when a stopped backfill left its checkpoint; `nil` otherwise
    /// (incremental reads stay on REST pages), when `bulk_backfill` is off, and for
    /// resources a bulk query does not serve (coupons, store credit).
    func bulkBackfill(_ resource: ResourceKind, from start: SyncCursor) -> ResourcePages? {
        guard settings.bulkBackfill else { return nil }
        switch resource {
        case .orders, .customers: break
        case .loyalty:
            guard case .metafield = settings.loyalty else { return nil }
        case .coupons, .reviews: return nil
        }
        let resuming = ShopifyBulkCheckpoint(start) != nil
        guard resuming || (start.updatedAfter == nil && !start.isWalkInProgress) else { return nil }
        let rest = ShopifyBulkCheckpoint.removed(from: start)
        return ShopifyBulkBackfill(connector: self, resource: resource, start: start) { [self] in
            restPages(resource, from: rest)
        }.pages()
    }
}
