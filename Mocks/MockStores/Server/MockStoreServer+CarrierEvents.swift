/// Carrier scans staged on parcels still on their way, for a demo or a
/// test that needs a stage the generated timelines rarely put near "now"
/// (a failed delivery attempt, a parcel out for delivery).
extension MockStoreServer {
    /// What the carrier reports about a parcel.
    public enum CarrierEvent: Sendable {
        /// On the van: delivered a few hours later.
        case outForDelivery
        /// A delivery attempt failed: the parcel is not delivered.
        case deliveryFailed
    }

    /// Makes the `count` most recent orders whose parcel is in transit at
    /// the store clock reach `event` `ago` seconds before it (their
    /// modification time moves with it, as the tracking plugin's write
    /// does), skipping orders ``reportCarrierEvent(_:orders:ago:)`` changed
    /// before. Returns the changed orders' platform ids, newest first.
    @discardableResult
    public func reportCarrierEvent(_ event: CarrierEvent, orders count: Int = 1, ago: Int64 = 3_600) -> [Int64] {
        let state = core.state
        let changed: [Int] = state.mutate { o in
            var picked: [Int] = []
            var index = state.profile.orderCount - 1
            while picked.count < count, index >= 0 {
                defer { index -= 1 }
                guard o.orders[index] == nil else { continue }
                var order = state.order(index, o)
                guard order.outcome == .shipped, order.shipmentStage(o.now) == .inTransit else { continue }
                let at = o.now - max(ago, 0)
                guard let inTransit = order.schedule.inTransitAt, inTransit < at else { continue }
                switch event {
                case .outForDelivery:
                    order.schedule.outForDeliveryAt = at
                    order.schedule.deliveredAt = at + 4 * 3_600
                    order.schedule.deliveryFailedAt = nil
                case .deliveryFailed:
                    order.schedule.outForDeliveryAt = at - 3 * 3_600
                    order.schedule.deliveryFailedAt = at
                    order.schedule.deliveredAt = nil
                }
                o.orders[index] = order
                picked.append(index)
            }
            if !picked.isEmpty { o.version += 1 }
            return picked
        }
        for index in changed { core.events.record(.init(kind: .order, index: index, event: .updated)) }
        return changed.map(core.platformOrderID)
    }
}
