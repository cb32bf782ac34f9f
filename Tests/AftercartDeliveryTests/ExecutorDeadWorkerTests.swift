import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import Testing

/// A `send` killed while holding rows (SIGKILL, OOM) does not strand them
/// for the whole lease: the next run on its host takes them over at once,
/// while a live worker's rows stay its own (issue 18).
@Suite struct ExecutorDeadWorkerTests {
    @Test func aDeadWorkersRowsAreSentAtOnceAndALiveWorkersWait() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(DeliveryFixtures.emails("dead", count: 3), now: clock.now)
            let gone = try await scratch.persistence.claimDue(
                owner: "gone-worker", limit: 2, leaseFor: 300, now: clock.now)
            let busy = try await scratch.persistence.claimDue(
                owner: "busy-worker", limit: 1, leaseFor: 300, now: clock.now)
            clock.advance(5)

            var options = DeliveryFixtures.options()
            options.isOwnerAlive = { $0 != "gone-worker" }
            let executor = DeliveryExecutor(
                outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                options: options, now: clock.closure, logger: DeliveryFixtures.quietLogger)
            let report = try await executor.run(connectors: [:])

            #expect(report.count(.done) == 2)
            #expect(Set(report.lines.map(\.id)) == Set(gone.map(\.entry.id)))
            let waiting = try #require(try await scratch.persistence.outboxEntry(id: busy[0].entry.id))
            #expect(waiting.state == .leased && waiting.leaseOwner == "busy-worker")
        }
    }
}
