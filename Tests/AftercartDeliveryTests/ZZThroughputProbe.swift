import AftercartDelivery
import AftercartStore
import Foundation
import Testing

@Suite struct ZZThroughputProbe {
    func measure(_ count: Int, channel: any MessageChannel, scratch: Scratch) async throws -> Double {
        let clock = TestClock()
        let rows = (0..<count).map { index in
            DeliveryFixtures.entry(
                "probe/\(index)", .sendEmail,
                payload: DeliveryFixtures.json(DeliveryFixtures.email(to: "buyer\(index)@example.test")))
        }
        try await scratch.persistence.enqueue(rows, now: clock.now)
        var options = DeliveryFixtures.options()
        options.batchSize = 100
        let executor = DeliveryExecutor(
            outbox: scratch.persistence, channel: channel, options: options, now: clock.closure,
            logger: DeliveryFixtures.quietLogger)
        let start = ContinuousClock.now
        let report = try await executor.run(connectors: [:])
        let elapsed = ContinuousClock.now - start
        #expect(report.count(.done) == count)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(count) / seconds
    }

    @Test func probe() async throws {
        try await withScratch { scratch in
            let rate = try await measure(1000, channel: FileChannel(directory: scratch.outboxFolder), scratch: scratch)
            print("PROBE file channel: \(Int(rate)) messages/s")
        }
        let server = try await SMTPTestServer.start()
        try await withScratch { scratch in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            let rate = try await measure(500, channel: channel, scratch: scratch)
            await channel.shutdown()
            print("PROBE smtp channel: \(Int(rate)) messages/s, sessions \(server.sessions)")
        }
        await server.stop()
    }
}
