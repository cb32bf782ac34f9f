import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import Testing

/// A batch that takes longer than one lease (a slow SMTP relay): the
/// executor renews the leases of the rows it has yet to reach, so another
/// worker cannot take them over while this one is alive.
@Suite struct ExecutorLeaseRenewalTests {
    /// A channel whose every send takes `secondsPerMessage` of the test clock,
    /// and which lets another worker try to claim halfway through.
    final class SlowChannel: MessageChannel, @unchecked Sendable {
        let name = "slow"
        let clock: TestClock
        let secondsPerMessage: TimeInterval
        let halfway: @Sendable () async -> Void
        private let lock = NSLock()
        private var sent: [String] = []

        init(clock: TestClock, secondsPerMessage: TimeInterval, halfway: @escaping @Sendable () async -> Void) {
            self.clock = clock
            self.secondsPerMessage = secondsPerMessage
            self.halfway = halfway
        }

        var recipients: [String] { lock.withLock { sent } }

        func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure)
            -> String
        {
            clock.advance(secondsPerMessage)
            let count = lock.withLock {
                sent.append(message.to.address)
                return sent.count
            }
            if count == 10 { await halfway() }
            return "ok"
        }
    }

    @Test func aBatchLongerThanItsLeaseKeepsItsRowsAndSendsEachOnce() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(DeliveryFixtures.emails("slow", count: 20), now: clock.now)
            let persistence = scratch.persistence
            let rival = RivalClaims()
            // 20 sends × 40 s = 800 s, the lease is 300 s: halfway through, the
            // first rows' original leases have long run out.
            let channel = SlowChannel(clock: clock, secondsPerMessage: 40) {
                let taken =
                    (try? await persistence.claimDue(owner: "worker-b", limit: 50, leaseFor: 300, now: clock.now))
                await rival.record(taken?.count ?? -1)
            }
            let executor = DeliveryExecutor(
                outbox: persistence, channel: channel, options: DeliveryFixtures.options(owner: "worker-a"),
                now: clock.closure, logger: DeliveryFixtures.quietLogger)
            let report = try await executor.run(connectors: [:])

            #expect(await rival.counts == [0], "worker-b took rows worker-a was still working through")
            #expect(report.count(.sendEmail, .done) == 20)
            #expect(report.count(.lostLease) == 0)
            #expect(Set(channel.recipients).count == 20)
            #expect(channel.recipients.count == 20)
            #expect(try await persistence.outboxCounts()[.done] == 20)
        }
    }
}

/// What the rival worker's claims returned.
actor RivalClaims {
    private(set) var counts: [Int] = []
    func record(_ count: Int) { counts.append(count) }
}
