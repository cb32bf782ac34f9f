import Foundation
import MockStores
import Testing

/// Issue 18 item 2: one malformed record is quarantined, never a block.
/// `aftercart sync` against a WooCommerce emulator with one order whose
/// line item says `"quantity": "two"`, on SQLite and on PostgreSQL.
@Suite struct RejectedRecordSyncTests {
    /// 450 orders in pages of 100 by id: order index 420 sits on page 5.
    static let orders = 450
    static let malformedIndex = 420

    enum Backend: String, CaseIterable {
        case sqlite, postgres
    }

    @Test(arguments: Backend.allCases)
    func oneMalformedOrderIsRejectedListedAndRecoveredWhileEveryOtherOrderIsStored(_ backend: Backend)
        async throws
    {
        guard backend == .sqlite || FreshDatabase.serverURL != nil else { return }
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: Self.orders, seed: 21)))
        let cli = try CLIProcess()
        let database = backend == .postgres ? try await FreshDatabase.create() : nil
        defer { cli.remove() }
        do {
            let id = String(mock.plantMalformedOrder(index: Self.malformedIndex))
            try writeConfig(cli, mock: mock, database: database?.url.absoluteString ?? "sqlite:data/a.sqlite")

            let first = try await sync(cli)
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            #expect(first.stdout.contains("tokyo-woo orders: synced 5 pages, 449 records"), "\(first.stdout)")
            #expect(first.stdout.contains("rejected 1"), "\(first.stdout)")
            var ids = try await exportedIDs(cli)
            #expect(ids.count == Self.orders - 1)
            #expect(!ids.contains(id))

            let status = try await statusJSON(cli)
            let rejects = status["rejects"] as? [[String: Any]] ?? []
            #expect(rejects.count == 1)
            #expect(rejects.first?["store"] as? String == "tokyo-woo")
            #expect(rejects.first?["resource"] as? String == "orders")
            #expect(rejects.first?["id"] as? String == id)
            #expect((rejects.first?["reason"] as? String)?.contains("line_items[0].quantity") == true)
            #expect(rejects.first?["since"] is String)
            // The walk finished: the checkpoint is past the last page, not stuck before page 5.
            let orders = (status["resources"] as? [[String: Any]])?.first { $0["resource"] as? String == "orders" }
            let cursor = try #require(orders?["cursor"] as? String)
            #expect(!cursor.contains("nextPage"), "\(cursor)")
            let text = try await cli.run(["status"])
            #expect(text.stdout.contains("rejected records"))
            #expect(text.stdout.contains(id) && text.stdout.contains("quantity"), "\(text.stdout)")

            // Still malformed: read again by id, one more attempt, still listed.
            let second = try await sync(cli)
            #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
            #expect(second.stdout.contains("rejected 1"), "\(second.stdout)")
            let attempts = ((try await statusJSON(cli))["rejects"] as? [[String: Any]])?.first?["attempts"] as? Int
            #expect(attempts == 2)

            // Fixed in the store (its modification time unchanged, so only the re-read by id finds it).
            mock.repairOrder(index: Self.malformedIndex)
            let third = try await sync(cli)
            #expect(third.status == 0, "\(third.stdout)\(third.stderr)")
            #expect(third.stdout.contains("1 earlier rejects recovered"), "\(third.stdout)")
            ids = try await exportedIDs(cli)
            #expect(ids.count == Self.orders)
            #expect(ids.contains(id))
            #expect(((try await statusJSON(cli))["rejects"] as? [[String: Any]])?.isEmpty == true)
        } catch {
            await mock.stop()
            try? await database?.drop()
            throw error
        }
        await mock.stop()
        try? await database?.drop()
    }

    /// A full pass marks vanished what the store no longer returns; a
    /// stored order that turned malformed is still returned, so it stays.
    @Test func aStoredOrderThatTurnsMalformedIsNotMarkedVanishedByAFullPass() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 120, seed: 23)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock, database: "sqlite:data/a.sqlite")
            #expect(try await sync(cli).status == 0)
            let id = String(mock.plantMalformedOrder(index: 7))
            let full = try await cli.run(
                ["sync", "--resources", "orders", "--full"], environment: SyncCommandTests.secrets)
            #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
            #expect(full.stdout.contains("rejected 1") && !full.stdout.contains("vanished"), "\(full.stdout)")
            #expect(try await exportedIDs(cli).contains(id))
            let resources = (try await statusJSON(cli))["resources"] as? [[String: Any]]
            #expect(resources?.first { $0["resource"] as? String == "orders" }?["vanished"] as? Int == 0)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    /// SIGKILL at random instants while the malformed page commits: the
    /// reject is written with its page and checkpoint or not at all, so
    /// after a resume the database holds what an uninterrupted run holds.
    @Test func aSyncKilledAtAnyInstantLosesNeitherRecordsNorTheReject() async throws {
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: Self.orders, seed: 22)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            let id = String(mock.plantMalformedOrder(index: Self.malformedIndex))
            try writeConfig(cli, mock: mock, database: "sqlite:data/reference.sqlite")
            #expect(try await sync(cli).status == 0)
            let expected = try await exportedIDs(cli)

            try writeConfig(cli, mock: mock, database: "sqlite:data/killed.sqlite")
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<8 {
                let process = try cli.start(
                    ["sync", "--resources", "orders"], environment: SyncCommandTests.secrets, capture: false)
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...900, using: &generator)))
                kill(process.processIdentifier, SIGKILL)
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            }
            let resumed = try await sync(cli)
            #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
            #expect(try await exportedIDs(cli) == expected)
            let rejects = (try await statusJSON(cli))["rejects"] as? [[String: Any]] ?? []
            #expect(rejects.map { $0["id"] as? String } == [id])
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer, database url: String) throws {
        try cli.write(
            "[database]\nurl = \"\(url)\"\n" + mock.aftercartStoreTable(name: "tokyo-woo", timeZone: "Asia/Tokyo"),
            to: "config/aftercart.toml")
    }

    private func sync(_ cli: CLIProcess) async throws -> CLIProcess.Outcome {
        try await cli.run(["sync", "--resources", "orders"], environment: SyncCommandTests.secrets)
    }

    private func exportedIDs(_ cli: CLIProcess) async throws -> [String] {
        let outcome = try await cli.run(["export", "orders"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try outcome.stdout.split(separator: "\n").compactMap { line in
            try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }.sorted()
    }

    private func statusJSON(_ cli: CLIProcess) async throws -> [String: Any] {
        let outcome = try await cli.run(["status", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
