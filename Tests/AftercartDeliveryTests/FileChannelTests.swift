import AftercartDelivery
import AftercartModel
import Foundation
import Testing

/// The file channel: one `.eml` per message and an `index.html` listing them.
@Suite struct FileChannelTests {
    @Test func writesOneParsableEmlPerMessageAndAnEscapedIndex() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(
                [
                    DeliveryFixtures.entry(
                        "review/e/1", .sendEmail,
                        payload: DeliveryFixtures.json(
                            DeliveryFixtures.email(name: "佐藤 花", subject: "マグカップはいかがですか？ <Review>"))),
                    DeliveryFixtures.entry(
                        "review/e/2", .sendEmail,
                        payload: DeliveryFixtures.json(DeliveryFixtures.email(to: "ken@example.test", name: "Ken"))),
                ], now: clock.now)
            let executor = DeliveryExecutor(
                outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
            let report = try await executor.run(connectors: [:])
            #expect(report.count(.done) == 2)
            let files = try FileManager.default.contentsOfDirectory(atPath: scratch.outboxFolder.path)
                .filter { $0.hasSuffix(".eml") }.sorted()
            #expect(files.count == 2)
            let raw = try Data(contentsOf: scratch.outboxFolder.appendingPathComponent(files[0]))
            #expect(raw.allSatisfy { $0 < 0x80 })
            let parsed = try await PythonEmail.parse(raw)
            #expect(parsed["subject"] as? String == "マグカップはいかがですか？ <Review>")
            #expect(parsed["to"] as? String == "佐藤 花 <hana@example.test>")
            #expect(parsed["from"] as? String == "Tokyo Mugs <hello@mugs.example>")
            let parts = try #require(parsed["parts"] as? [[String: String]])
            #expect(parts.map { $0["type"] } == ["text/plain", "text/html"])
            let index = try String(
                contentsOf: scratch.outboxFolder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.contains("2 messages"))
            for file in files { #expect(index.contains("href=\"\(file)\"")) }
            #expect(index.contains("マグカップはいかがですか？ &lt;Review&gt;"))
            #expect(!index.contains("<Review>"))
            // The row records where the message is.
            let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "review/e/1"))
            #expect(row.result?.contains(".eml") == true)
        }
    }

    @Test func theIndexKeepsMessagesFromEarlierRuns() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            let executor = DeliveryExecutor(
                outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
            for index in 1...3 {
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "run/\(index)", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email()),
                        notBefore: clock.now),
                    now: clock.now)
                _ = try await executor.run(connectors: [:])
                clock.advance(60)
            }
            let index = try String(
                contentsOf: scratch.outboxFolder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.contains("3 messages"))
        }
    }

    @Test func anUnwritableFolderIsATransientFailureAndNothingIsLost() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            // A file where the folder should be: the channel cannot create it.
            try Data("x".utf8).write(to: scratch.outboxFolder)
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry(
                    "e/blocked", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                now: clock.now)
            let executor = DeliveryExecutor(
                outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
            let report = try await executor.run(connectors: [:])
            #expect(report.count(.retrying) == 1)
            let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/blocked"))
            #expect(row.state == .pending)
            #expect(row.lastError?.contains("could not write") == true)
        }
    }
}
