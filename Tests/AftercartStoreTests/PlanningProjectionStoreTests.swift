import AftercartModel
import Foundation
import Testing

@testable import AftercartStore

/// The orders' planning projection (`orders.planning`, migration
/// v8-planning-projection) is written with the record on every path, and
/// read in its place by the planner, on both backends.
@Suite struct PlanningProjectionStoreTests {
    /// The planning texts of tokyo's orders, by id.
    static func planningTexts(_ persistence: any Persistence) async throws -> [String: String] {
        let planning = try #require(persistence as? any PlanningStore)
        var texts: [String: String] = [:]
        for try await row in planning.allOrderPlanningRows(store: Fixtures.tokyo, pageSize: 2) {
            texts[row.key.platformID] = row.json
        }
        return texts
    }

    /// Runs `sql` as it stands, as an older binary (or a hand edit) would have.
    static func execute(_ sql: String, on persistence: any Persistence) async throws {
        if let sqlite = persistence as? SQLitePersistence {
            try await sqlite.executor.transaction("test") { try await $0.execute(sql) }
        } else {
            let postgres = try #require(persistence as? PostgresPersistence)
            try await postgres.executor.transaction("test") { try await $0.execute(sql) }
        }
    }

    @Test func aSyncPageWritesEachOrdersProjectionAndThePlannerReadsItInKeyOrder() async throws {
        try await withStore { persistence in
            let orders = ["3", "1", "2", "4", "5"].map { Fixtures.order($0) }
            _ = try await persistence.commitPage(orders, checkpoint: Fixtures.checkpoint(cursor: "c"))
            try await persistence.markVanished(.orders, store: Fixtures.tokyo, platformIDs: ["5"], at: Fixtures.t0)
            let texts = try await Self.planningTexts(persistence)
            #expect(texts.keys.sorted() == ["1", "2", "3", "4"])
            for order in orders.dropLast() {
                #expect(texts[order.id] == OrderPlanningProjection.json(of: order))
            }
        }
    }

    @Test func aWebhookUpdateOfAnOrderRewritesItsProjection() async throws {
        try await withStore { persistence in
            let inbox = try #require(persistence as? any WebhookInbox)
            _ = try await persistence.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "c"))
            var refunded = Fixtures.order("1", status: .refunded)
            refunded.updatedAt = Fixtures.at(60)
            refunded.refundedTotal = Money(12_800, .jpy)
            let receipt = WebhookReceipt(
                store: Fixtures.tokyo, platform: "woocommerce", deliveryKey: "d1", topic: "order.updated",
                receivedAt: Fixtures.at(60))
            _ = try await inbox.applyWebhook(receipt, records: [refunded], deleted: [:])
            let text = try #require(try await Self.planningTexts(persistence)["1"])
            #expect(text == OrderPlanningProjection.json(of: refunded))
            #expect(text.contains(#""status":"refunded""#) && text.contains(#""refunded_total":"12800""#))
        }
    }

    @Test func aRowWrittenBeforeTheProjectionIsReadFromItsPayload() async throws {
        try await withStore { persistence in
            _ = try await persistence.commitPage(
                [Fixtures.order("1"), Fixtures.order("2")], checkpoint: Fixtures.checkpoint(cursor: "c"))
            try await Self.execute("UPDATE orders SET planning = NULL WHERE platform_id = '1'", on: persistence)
            let texts = try await Self.planningTexts(persistence)
            let payload = try await persistence.payloadPage(
                .orders, store: Fixtures.tokyo, after: nil, limit: 1, includeVanished: false
            ).items.first?.json
            #expect(texts["1"] == payload)
            #expect(texts["2"] == OrderPlanningProjection.json(of: Fixtures.order("2")))
            // The full JSON of the orders a message is rendered for, whichever way they were written.
            let planning = try #require(persistence as? any PlanningStore)
            let full = try await planning.orderPayloads(store: Fixtures.tokyo, ids: ["1", "2", "9"])
            #expect(full.keys.sorted() == ["1", "2"] && full["1"] == payload)
        }
    }

    @Test func erasingACustomerLeavesNoPersonalDataInProjections() async throws {
        try await withStore { persistence in
            let erasure = PersonalDataErasureTests()
            try await erasure.fill(persistence)
            let before = try await Self.planningTexts(persistence).values.joined().lowercased()
            #expect(PersonalDataErasureTests.personal.allSatisfy { before.contains($0) })
            let store = try #require(persistence as? any PersonalDataStore)
            let erased = try await store.erasePersonalData(
                of: PersonalDataErasureTests.address, store: Fixtures.tokyo, now: Fixtures.t0)
            let after = try await Self.planningTexts(persistence).values.joined().lowercased()
            #expect(PersonalDataErasureTests.personal.allSatisfy { !after.contains($0) }, "\(after)")
            #expect(after.contains(erased.pseudonym) && after.contains("hana@example.com"))
            // A page arriving after the erasure is redacted before its projection is made.
            _ = try await persistence.commitPage(
                [PersonalDataErasureTests.zeldaOrder("9010", customerID: "501")],
                checkpoint: Fixtures.checkpoint(cursor: "d"))
            let again = try await Self.planningTexts(persistence)
            let late = try #require(again["9010"]).lowercased()
            #expect(PersonalDataErasureTests.personal.allSatisfy { !late.contains($0) }, "\(late)")
        }
    }

    @Test func aBackfillGivesOlderRowsTheirProjectionAndLeavesAnUndecodableOneAlone() async throws {
        try await withStore { persistence in
            let planning = try #require(persistence as? any PlanningStore)
            let orders = (1...7).map { Fixtures.order("\($0)") }
            _ = try await persistence.commitPage(orders, checkpoint: Fixtures.checkpoint(cursor: "c"))
            try await Self.execute("UPDATE orders SET planning = NULL WHERE platform_id <> '3'", on: persistence)
            try await Self.execute(
                "UPDATE orders SET payload = '{\"id\":\"7\"}' WHERE platform_id = '7'", on: persistence)
            #expect(try await planning.backfillOrderPlanning(store: Fixtures.tokyo) == 5)
            let texts = try await Self.planningTexts(persistence)
            for order in orders.dropLast() {
                #expect(texts[order.id] == OrderPlanningProjection.json(of: order), "order \(order.id)")
            }
            #expect(texts["7"] == #"{"id":"7"}"#)
            #expect(try await planning.backfillOrderPlanning(store: Fixtures.tokyo) == 0)
        }
    }
}
