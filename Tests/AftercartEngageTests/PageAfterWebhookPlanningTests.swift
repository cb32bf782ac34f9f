import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// Issue 18 item 5: newest wins for sync pages as for webhooks, so a page
/// read before a refund webhook and committed after it cannot bring the
/// unrefunded order back for the planner to act on.
@Suite struct PageAfterWebhookPlanningTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    @Test func aPageReadBeforeARefundWebhookAndCommittedAfterItPlansNothing() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([F.customer("2")])
        // What the page read: delivered eight days ago, nothing refunded.
        let read = F.order("11", customer: "2", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day)
        try await fixture.save([read])
        // Control: as read, the order is due a review request.
        #expect(try await fixture.plan(dryRun: true).actions("review-request").map(\.entry.subjectID) == ["11"])

        // Meanwhile the refund arrives by webhook, changed a day ago.
        var refunded = F.order(
            "11", customer: "2", created: now - 12 * day, status: .refunded, shipment: .delivered,
            delivered: now - 8 * day, refunded: 1200)
        refunded.updatedAt = now - day
        let receipt = WebhookReceipt(
            store: F.store, platform: "woocommerce", deliveryKey: "refund-1", topic: "order.updated",
            receivedAt: now - 60)
        _ = try await fixture.database.applyWebhook(receipt, records: [refunded], deleted: [:])

        // Then the page read before the webhook commits.
        try await fixture.save([read])
        let stored = try await fixture.database.record(Order.self, store: F.store, platformID: "11")
        #expect(stored?.record.status == .refunded)
        #expect(stored?.record.refundedTotal.amount == 1200)
        let report = try await fixture.plan()
        #expect(report.actions("review-request").isEmpty)
    }
}
