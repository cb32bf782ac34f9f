import AftercartModel
import AftercartStore
import Foundation
import Testing

/// `export` marks every record with `vanished_at` and leaves vanished ones
/// out unless asked, so it agrees with `status`'s counts.
@Suite struct ExportVanishedTests {
    @Test func vanishedRecordsAreMarkedAndOnlyPrintedOnRequest() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let gone = try #require(Timestamp.parse("2026-11-20T10:00:00Z"))
        let orders = try await CLIFixtures.exportableStore(in: cli, vanished: ["1042"], vanishedAt: gone)

        let live = try await cli.run(["export", "orders"])
        #expect(live.status == 0, "\(live.stderr)")
        let liveRows = try rows(live.stdout)
        #expect(liveRows.compactMap { $0["id"] as? String } == ["1041", "1043"])
        #expect(liveRows.allSatisfy { $0["vanished_at"] is NSNull })

        let all = try await cli.run(["export", "orders", "--include-vanished"])
        #expect(all.status == 0, "\(all.stderr)")
        let allRows = try rows(all.stdout)
        #expect(allRows.count == 3)
        let vanished = try #require(allRows.first { $0["id"] as? String == "1042" })
        #expect(vanished["vanished_at"] as? String == "2026-11-20T10:00:00Z")
        // The marker does not disturb the normalized record.
        let decoded = try ModelJSON.decoder().decode(Order.self, from: Data(all.stdout.split(separator: "\n")[1].utf8))
        #expect(decoded == orders[1])

        let csv = try await cli.run(["export", "orders", "--format", "csv", "--include-vanished"])
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "vanished_at"))
        #expect(lines.count == 4)
        #expect(lines.filter { $0.contains("2026-11-20T10:00:00Z") }.count == 1)
        #expect(lines[2].contains("2026-11-20T10:00:00Z") && column > 1)

        let actions = try await cli.run(["export", "actions", "--include-vanished"])
        #expect(actions.status == 64 && actions.stderr.contains("--include-vanished"), "\(actions.stderr)")
    }

    private func rows(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}
