import AftercartJSON
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage
@testable import AftercartStore

/// The planner reads each order's planning projection instead of its
/// payload, and plans exactly as it did from payloads; rows written before
/// the projection existed are read from their payload.
@Suite struct PlanningProjectionTests {
    typealias F = EngageFixture
    typealias S = ScanSources
    let now = F.now
    let day = F.day

    @Test func aProjectionScansAsItsOrderDecodesWithEscapesAndTaxIncludedPrices() throws {
        var order = F.order("1", customer: nil, email: "q\"uote@example.test", created: now - day)
        order.customer.firstName = "H\u{e4}na \"Q\" \\ / \u{1F600}\n\t\u{01}"
        order.customer.lastName = nil
        order.customer.acceptsMarketing = false
        order.lineItems[0].name = "マグ\r\u{1F}"
        order.lineItems[0].subtotalTax = Money(120, .jpy)
        order.taxes = OrderTaxes(pricesIncludeTax: true, discountTax: .zero(.jpy), shippingTax: .zero(.jpy))
        order.refundedTotal = Money(Decimal(string: "300.5")!, .jpy)
        let projection = OrderPlanningProjection.json(of: order)
        #expect(try JSONSerialization.jsonObject(with: Data(projection.utf8)) is [String: Any])
        let scanned = try S.scanOrder(projection)
        #expect(scanned == PlanningOrder(order))
        #expect(scanned.lineItems.first?.unitPrice == 1_320)
        #expect(projection.utf8.count < (try S.stored(order)).utf8.count)
    }

    @Test func aProjectionOfAnotherVersionOrWithoutARequiredMemberIsRefused() throws {
        let projection = OrderPlanningProjection.json(of: F.order("1", customer: "7", created: now))
        #expect(throws: JSONScanError.self) {
            try S.scanOrder(projection.replacingOccurrences(of: #""planning":1"#, with: #""planning":2"#))
        }
        #expect(throws: JSONScanError.self) {
            try S.scanOrder(projection.replacingOccurrences(of: #""currency":"JPY","#, with: ""))
        }
    }

    /// Customers, guests, every shipment stage, a delivered order due for a
    /// review request, a refunded one, reviews and loyalty: every shipped
    /// campaign fires on some of it.
    static func fill(_ fixture: EngageFixture) async throws {
        let now = F.now
        let day = F.day
        try await fixture.save((1...6).map { F.customer("\($0)", consent: $0 % 3 != 0) })
        var orders: [Order] = []
        let stages: [ShipmentStatus] = [.none, .labelPrinted, .inTransit, .outForDelivery, .failure, .delivered]
        for index in 1...40 {
            let customer: String? = index % 5 == 0 ? nil : "\(index % 6 + 1)"
            let stage = stages[index % stages.count]
            // Most within three weeks (confirmations, shipments, review requests), a few for win-back.
            let created = now - (index % 8 == 0 ? 46 + Double(index) / 8 : Double(index) / 2) * day
            orders.append(
                F.order(
                    "\(1000 + index)", customer: customer, email: customer == nil ? "guest\(index)@example.test" : nil,
                    created: created, shipment: stage, delivered: stage == .delivered ? created + day / 2 : nil,
                    shipped: stage == .none ? nil : created + day / 4,
                    products: ["P\(index % 4)", "P\(index % 7 + 4)"],
                    refunded: index % 9 == 0 ? 1_200 : 0, consent: index % 4 == 0 ? true : nil))
        }
        // A review request's firing, and an old guest order.
        orders.append(
            F.order(
                "2001", customer: "1", created: now - 10 * day, shipment: .delivered, delivered: now - 9 * day,
                shipped: now - 9.5 * day, products: ["P20", "P21"]))
        orders.append(
            F.order(
                "2002", customer: nil, email: "old-guest@example.test", created: now - 50 * day, products: ["P22"],
                consent: true))
        try await fixture.save(orders)
        try await fixture.save([
            F.review("r1", product: "P1", email: "c2@example.test", rating: 5, created: now - 3600),
            F.review("r2", product: "P2", email: "c3@example.test", rating: 2, created: now - 7200),
        ])
        try await fixture.save([
            F.loyalty("2", points: 800, tier: "gold", expiring: 100, expires: now + 5 * day),
            F.loyalty("4", points: 0, tier: nil),
        ])
    }

    static func clearProjections(_ fixture: EngageFixture, where condition: String = "1 = 1") async throws {
        try await fixture.database.executor.transaction("clearing projections") {
            try await $0.execute("UPDATE orders SET planning = NULL WHERE \(condition)")
        }
    }

    @Test func thePlanFromProjectionsEqualsThePlanFromPayloadsActionByAction() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        try await Self.fill(fixture)
        let fromProjections = try await fixture.plan(dryRun: true)
        #expect(fromProjections.actions.count >= 10)
        #expect(
            Set(fromProjections.actions.map(\.entry.campaign)).isSuperset(of: [
                "order-confirmation", "shipping-updates", "review-request", "review-thank-you", "points-expiring",
            ]))
        #expect(fromProjections.actions.contains { $0.entry.action == .supportAlert })

        // Half the rows as an older binary left them, then all of them.
        try await Self.clearProjections(fixture, where: "CAST(platform_id AS INTEGER) % 2 = 0")
        let mixed = try await fixture.plan(dryRun: true)
        try await Self.clearProjections(fixture)
        let fromPayloads = try await fixture.plan(dryRun: true)
        for report in [mixed, fromPayloads] {
            #expect(report.actions == fromProjections.actions)
            #expect(report.campaigns == fromProjections.campaigns)
            #expect(report.customersEvaluated == fromProjections.customersEvaluated)
            #expect(report.ordersRead == fromProjections.ordersRead)
        }
    }

    @Test func aNewerSyncOfAnOrderIsWhatThePlannerSees() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([F.order("1", customer: "7", created: now - 2 * day, shipment: .labelPrinted)])
        #expect(try await fixture.plan(dryRun: true).actions.isEmpty)
        try await fixture.save([
            F.order("1", customer: "7", created: now - 2 * day, shipment: .inTransit, shipped: now - day)
        ])
        let report = try await fixture.plan(dryRun: true)
        #expect(try report.emails("shipping-updates").map(\.orderID) == ["1"])
    }

    @Test func aPlanThatWritesGivesOrdersWithoutAProjectionTheirs() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        try await Self.fill(fixture)
        try await Self.clearProjections(fixture)
        #expect(try await StoreSnapshot.load(store: F.store, from: fixture.database).ordersWithoutProjection == 42)
        _ = try await fixture.plan(dryRun: true)
        #expect(try await StoreSnapshot.load(store: F.store, from: fixture.database).ordersWithoutProjection == 42)
        let written = try await fixture.plan()
        #expect(written.written > 0)
        #expect(try await StoreSnapshot.load(store: F.store, from: fixture.database).ordersWithoutProjection == 0)
    }
}
