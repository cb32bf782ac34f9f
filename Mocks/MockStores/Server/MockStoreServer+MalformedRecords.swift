/// Planting a record no adapter can map, to test that one bad record does
/// not block a sync. Real stores send such records when a plugin writes
/// a field of the wrong type.
extension MockStoreServer {
    /// Makes order `index` (0-based, in creation order) render its first
    /// line item's quantity as the string `"two"` on WooCommerce, in lists
    /// and single reads, without changing its modification time. Returns
    /// the order's platform id.
    @discardableResult
    public func plantMalformedOrder(index: Int) -> Int64 {
        core.state.mutate {
            $0.malformedOrders.insert(index)
            $0.version += 1
        }
        return core.platformOrderID(index)
    }

    /// Undoes ``plantMalformedOrder(index:)``: the order renders
    /// well-formed again, its modification time unchanged (as a repair
    /// straight in the database would leave it).
    public func repairOrder(index: Int) {
        core.state.mutate {
            $0.malformedOrders.remove(index)
            $0.version += 1
        }
    }
}
