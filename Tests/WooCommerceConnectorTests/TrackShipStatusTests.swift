import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// Carrier stages from TrackShip's `shipment_status` order meta, one entry
/// per `_wc_shipment_tracking_items` item, on the documented order.
@Suite struct TrackShipStatusTests {
    let mapper = WooCommerceOrderMapper(store: "test-woo")

    /// Two tracked parcels (USPS and Yamato), then TrackShip's entries for them.
    func order(status: String = "completed", _ entries: [Any]) throws -> Order {
        var meta = OrderRulesTests.trackingMeta
        meta.append(["id": 9, "key": "shipment_status", "value": entries])
        return try #require(
            try mapper.mapOrder(WooFixtures.order(["status": status, "meta_data": meta])).record)
    }

    func entry(_ status: String, _ date: String? = nil) -> [String: Any] {
        var entry: [String: Any] = ["status": status, "tracking_events": [Any](), "est_delivery_date": "2023-11-20"]
        if let date { entry["status_date"] = date }
        return entry
    }

    @Test(arguments: [
        ("pre_transit", ShipmentStatus.labelPrinted), ("in_transit", .inTransit), ("on_hold", .inTransit),
        ("out_for_delivery", .outForDelivery), ("available_for_pickup", .outForDelivery), ("failure", .failure),
        ("exception", .failure), ("return_to_sender", .failure), ("unknown", .inTransit),
        ("carrier_unsupported", .inTransit),
    ])
    func eachStatusNameIsAStage(name: String, stage: ShipmentStatus) throws {
        let order = try order([entry(name, "2023-11-16 08:00:00"), entry(name, "2023-11-16 09:00:00")])
        #expect(order.shipmentStatus == stage)
        #expect(order.deliveredAt == nil)
    }

    @Test func theOrderIsDeliveredWhenItsLastParcelIs() throws {
        let both = try order([entry("delivered", "2023-11-17 03:10:00"), entry("delivered", "2023-11-18 05:20:00")])
        #expect(both.shipmentStatus == .delivered)
        #expect(both.deliveredAt == WooFixtures.date("2023-11-18T05:20:00Z"))
        let one = try order([entry("delivered", "2023-11-17 03:10:00"), entry("out_for_delivery", "2023-11-18 01:00")])
        #expect(one.shipmentStatus == .outForDelivery, "one parcel is still on its way")
        #expect(one.deliveredAt == nil)
        let unreported = try order([entry("delivered", "2023-11-17 03:10:00")])
        #expect(unreported.shipmentStatus == .inTransit, "the second parcel has no entry yet")
    }

    @Test func aProblemWithEitherParcelIsTheOrdersProblem() throws {
        let order = try order([entry("delivered", "2023-11-17 03:10:00"), entry("failure", "2023-11-18 10:00:00")])
        #expect(order.shipmentStatus == .failure)
        #expect(order.deliveredAt == nil)
    }

    @Test func pluginDataThatCannotBeReadFailsNothing() throws {
        let order = try order(["not an entry", ["status": 42], entry("in_transit", "yesterday")])
        #expect(order.shipmentStatus == .inTransit)
        let empty = try self.order([])
        #expect(empty.shipmentStatus == .inTransit)
    }

    @Test func aMerchantsDeliveredStatusHasTheLastWord() throws {
        let order = try order(status: "delivered", [entry("out_for_delivery"), entry("in_transit")])
        #expect(order.shipmentStatus == .delivered)
    }

    @Test func anUntrackedOrWithdrawnOrderSaysNothingWhateverTrackShipKept() throws {
        let cancelled = try order(status: "cancelled", [entry("in_transit"), entry("in_transit")])
        #expect(cancelled.shipmentStatus == ShipmentStatus.none)
    }
}
