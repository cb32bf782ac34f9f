import AftercartModel
import AftercartStore
import Foundation
import Testing

@Suite("Sync checkpoints")
struct CheckpointTests {
    @Test("a checkpoint round-trips with its opaque cursor, counts and times")
    func roundTrip() async throws {
        try await withStore { store in
            let cursor = #"{"kind":"page","after":"2026-11-02T03:04:05Z","ids":["7","8"]}"#
            let result = try await store.commitPage(
                [Fixtures.order("1"), Fixtures.order("2")], checkpoint: Fixtures.checkpoint(cursor: cursor))
            let expected = SyncCheckpoint(
                store: Fixtures.tokyo, resource: .orders, cursor: cursor, recordsSynced: 2, lastSuccessAt: Fixtures.t0,
                lastCompletedAt: nil, lastError: nil, lastErrorAt: nil)
            #expect(result.checkpoint == expected)
            #expect(try await store.checkpoint(store: Fixtures.tokyo, resource: .orders) == expected)

            let done = try await store.commitPage(
                [Fixtures.order("3")],
                checkpoint: Fixtures.checkpoint(cursor: nil, at: Fixtures.at(30), completesRun: true))
            #expect(done.checkpoint.cursor == nil)
            #expect(done.checkpoint.recordsSynced == 3)
            #expect(done.checkpoint.lastSuccessAt == Fixtures.at(30))
            #expect(done.checkpoint.lastCompletedAt == Fixtures.at(30))

            let next = try await store.commitPage(
                [Fixtures.order("4")], checkpoint: Fixtures.checkpoint(cursor: "p2", at: Fixtures.at(90)))
            #expect(next.checkpoint.lastCompletedAt == Fixtures.at(30))
        }
    }

    @Test("a sync failure is recorded without touching the cursor, and kept after a success")
    func failureThenSuccess() async throws {
        try await withStore { store in
            _ = try await store.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "c1"))
            let message = "tokyo-woo orders: 401 from https://shop.example.com — consumer key rejected"
            try await store.recordSyncFailure(
                store: Fixtures.tokyo, resource: .orders, error: message, at: Fixtures.at(60))
            let failed = try #require(try await store.checkpoint(store: Fixtures.tokyo, resource: .orders))
            #expect(failed.cursor == "c1")
            #expect(failed.lastError == message)
            #expect(failed.lastErrorAt == Fixtures.at(60))
            #expect(failed.isFailing)

            let recovered = try await store.commitPage(
                [Order](), checkpoint: Fixtures.checkpoint(cursor: "c2", at: Fixtures.at(120)))
            #expect(recovered.checkpoint.lastError == message)
            #expect(!recovered.checkpoint.isFailing)
            #expect(recovered.checkpoint.recordsSynced == 1)
        }
    }

    @Test("a failure before any success creates the checkpoint; long texts are cut")
    func failureFirst() async throws {
        try await withStore { store in
            let long = String(repeating: "x", count: 5_000)
            try await store.recordSyncFailure(store: Fixtures.osaka, resource: .reviews, error: long, at: Fixtures.t0)
            try await store.recordSyncFailure(store: Fixtures.tokyo, resource: .coupons, error: "boom", at: Fixtures.t0)
            let all = try await store.checkpoints()
            #expect(all.map(\.store) == [Fixtures.osaka, Fixtures.tokyo])
            #expect(all[0].cursor == nil)
            #expect(all[0].lastError?.count == 2_000)
            #expect(all[0].isFailing)
            #expect(all[0].recordsSynced == 0)
        }
    }
}
