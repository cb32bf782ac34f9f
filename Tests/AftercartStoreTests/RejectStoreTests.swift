import AftercartModel
import AftercartStore
import Foundation
import Testing

/// The rejects table, on both backends: written with the page and its
/// checkpoint, cleared by a well-formed record, settled by a re-read.
@Suite("Rejected records")
struct RejectStoreTests {
    static let bad = RejectedRecord(
        id: "3", reason: "line_items[0].quantity: \"two\" is not a number", rawJSON: #"{"id":3}"#)

    @Test("a page's rejects commit with its records and checkpoint, and a later sighting bumps them")
    func rejectsCommitWithThePage() async throws {
        try await withStore { persistence in
            let first = try await persistence.commitPage(
                [Fixtures.order("1"), Fixtures.order("2")], rejects: [Self.bad],
                checkpoint: Fixtures.checkpoint(cursor: "page-1", at: Fixtures.at(10)))
            #expect(first.inserted == 2)
            #expect(first.checkpoint.cursor == "page-1")
            let recorded = try await persistence.rejects(store: Fixtures.tokyo, resource: .orders)
            #expect(recorded.map(\.platformID) == ["3"])
            #expect(recorded.first?.record.reason == Self.bad.reason)
            #expect(recorded.first?.record.rawJSON == Self.bad.rawJSON)
            #expect(recorded.first?.attempts == 1)
            #expect(recorded.first?.firstSeenAt == Fixtures.at(10))

            var again = Self.bad
            again.reason = "line_items[0].quantity: \"three\" is not a number"
            _ = try await persistence.commitPage(
                [Order](), rejects: [again], checkpoint: Fixtures.checkpoint(cursor: "page-2", at: Fixtures.at(20)))
            let bumped = try #require(try await persistence.rejects(store: nil, resource: nil).first)
            #expect(bumped.attempts == 2)
            #expect(bumped.record.reason == again.reason)
            #expect(bumped.firstSeenAt == Fixtures.at(10))
            #expect(bumped.lastSeenAt == Fixtures.at(20))
            // Another store's or resource's rejects are apart.
            #expect(try await persistence.rejects(store: Fixtures.osaka, resource: nil).isEmpty)
            #expect(try await persistence.rejects(store: Fixtures.tokyo, resource: .customers).isEmpty)
        }
    }

    @Test("a record that comes back well-formed in a page clears its reject")
    func aWellFormedRecordClearsItsReject() async throws {
        try await withStore { persistence in
            _ = try await persistence.commitPage(
                [Order](), rejects: [Self.bad], checkpoint: Fixtures.checkpoint(cursor: "a"))
            _ = try await persistence.commitPage([Fixtures.order("3")], checkpoint: Fixtures.checkpoint(cursor: "b"))
            #expect(try await persistence.rejects(store: nil, resource: nil).isEmpty)
            #expect(try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "3") != nil)
        }
    }

    @Test("a failed page commit records neither its rejects nor its checkpoint")
    func aFailedCommitLosesNothingAndRecordsNothing() async throws {
        try await withStore { persistence in
            _ = try await persistence.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "a"))
            // An empty platform id breaks a constraint inside the transaction.
            await #expect(throws: PersistenceError.self) {
                _ = try await persistence.commitPage(
                    [Fixtures.order("")], rejects: [Self.bad], checkpoint: Fixtures.checkpoint(cursor: "b"))
            }
            #expect(try await persistence.rejects(store: nil, resource: nil).isEmpty)
            #expect(try await persistence.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "a")
        }
    }

    @Test("a re-read stores what maps, bumps what does not and clears what is gone, checkpoint untouched")
    func settlingAReRead() async throws {
        try await withStore { persistence in
            let others = ["4", "5"].map { RejectedRecord(id: $0, reason: "bad", rawJSON: "{}") }
            _ = try await persistence.commitPage(
                [Order](), rejects: [Self.bad] + others, checkpoint: Fixtures.checkpoint(cursor: "c"))
            let cleared = try await persistence.settleRejects(
                [Fixtures.order("3")], of: .orders, rejects: [others[0]], cleared: ["5"], store: Fixtures.tokyo,
                at: Fixtures.at(60))
            #expect(cleared == 2)
            let left = try await persistence.rejects(store: Fixtures.tokyo, resource: .orders)
            #expect(left.map(\.platformID) == ["4"])
            #expect(left.first?.attempts == 2)
            #expect(try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "3") != nil)
            #expect(try await persistence.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "c")
        }
    }
}

/// Newest wins for pages as for webhooks (issue 18 item 5): a page read
/// before a webhook and committed after it must not put the older record back.
@Suite("Page after webhook")
struct PageAfterWebhookTests {
    @Test("a page read before a webhook and committed after it keeps the webhook's newer order")
    func anOlderPageCommittedAfterANewerWebhookChangesNothing() async throws {
        try await withStore { persistence in
            let inbox = try #require(persistence as? any WebhookInbox)
            // What the page read: processing, changed an hour ago.
            var read = Fixtures.order("1", status: .processing)
            read.updatedAt = Fixtures.at(-3_600)
            // What the webhook said meanwhile: refunded, a minute ago.
            var refunded = Fixtures.order("1", status: .refunded)
            refunded.refundedTotal = refunded.total
            refunded.updatedAt = Fixtures.at(-60)
            let receipt = WebhookReceipt(
                store: Fixtures.tokyo, platform: "woocommerce", deliveryKey: "w1", topic: "order.updated",
                receivedAt: Fixtures.at(0))
            _ = try await inbox.applyWebhook(receipt, records: [refunded], deleted: [:])

            let result = try await persistence.commitPage([read], checkpoint: Fixtures.checkpoint(cursor: "after"))
            #expect(result.updated == 0 && result.inserted == 0)
            let stored = try #require(try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(stored.record.status == .refunded)
            #expect(stored.record.updatedAt == Fixtures.at(-60))
            // The page still moved the checkpoint: its older record was seen, not lost.
            #expect(try await persistence.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "after")
        }
    }
}
