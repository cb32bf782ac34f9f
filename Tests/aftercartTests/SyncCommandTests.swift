import Foundation
import MockStores
import Testing

/// `aftercart sync` as an operator runs it: a real process, a WooCommerce
/// emulator on loopback, a real SQLite file.
@Suite struct SyncCommandTests {
    static let secrets = [
        "WOO_KEY": "ck_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_SECRET": "cs_mock_0123456789abcdef0123456789abcdef01234567",
    ]

    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer, database: String = "data/aftercart.sqlite")
        throws
    {
        try cli.write(
            """
            [database]
            url = "sqlite:\(database)"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
    }

    private func exportedOrders(_ cli: CLIProcess, config: String = "config/aftercart.toml") async throws -> [String] {
        let outcome = try await cli.run(["export", "orders", "--config", config])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").map(String.init)
    }

    @Test func fullThenIncrementalSyncMatchesTheStore() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 230, seed: 11)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let first = try await cli.run(["sync", "--resources", "orders,customers"], environment: Self.secrets)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("tokyo-woo orders: synced 3 pages, 230 records"))
            let orders = try await exportedOrders(cli)
            #expect(orders.count == 230)
            let ids = try orders.map { line in
                try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            }
            #expect(Set(ids.compactMap { $0 }).count == 230)

            _ = mock.advance(orders: 12, seconds: 3600)
            let second = try await cli.run(["sync", "--resources", "orders", "--json"], environment: Self.secrets)
            #expect(second.status == 0, "\(second.stderr)")
            let summary = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
            let store = (summary?["stores"] as? [[String: Any]])?.first
            let resource = (store?["resources"] as? [[String: Any]])?.first
            // Exactly the changed orders, plus what sits inside the 5-minute lookback.
            let changed = resource?["changed"] as? Int ?? -1
            let read = resource?["records"] as? Int ?? -1
            #expect(changed >= 1 && changed <= 12)
            #expect(read >= changed && read < 230)
            #expect(try await exportedOrders(cli).count == 230)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func checkProvesTheCredentialsAndListsCapabilities() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let good = try await cli.run(["check"], environment: Self.secrets)
            #expect(good.status == 0, "\(good.stderr)")
            #expect(good.stdout.contains("tokyo-woo: ok — woocommerce store"))
            #expect(good.stdout.contains("reads: orders, customers, coupons"))
            var wrong = Self.secrets
            wrong["WOO_SECRET"] = "cs_wrong"
            let refused = try await cli.run(["check"], environment: wrong)
            #expect(refused.status == 3)
            #expect(refused.stderr.contains("tokyo-woo"))
            #expect(refused.stderr.contains("401"))
            #expect(!refused.stderr.contains("cs_wrong"))
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func faultsAreRetriedAndTheResultIsIdentical() async throws {
        let clean = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 300, seed: 5)))
        let faulty = try await MockStoreServer.start(
            .woocommerce(
                WooCommerceMockOptions(
                    orders: 300, seed: 5,
                    faults: try MockFaultPlan(spec: "429:0.1,500:0.05,truncate:0.02,badjson:0.02", seed: 3))))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: clean)
            #expect(try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets).status == 0)
            let expected = try await exportedOrders(cli)

            try writeConfig(cli, mock: faulty, database: "data/faulty.sqlite")
            // Bad JSON is not retried by the transport; the engine keeps the
            // committed pages and the next run resumes, as cron would.
            var attempts = 0
            var outcome = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            while outcome.status != 0 && attempts < 10 {
                #expect(outcome.stdout.contains("tokyo-woo orders: FAILED"))
                attempts += 1
                outcome = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            }
            #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
            #expect(try await exportedOrders(cli) == expected)
        } catch {
            await clean.stop()
            await faulty.stop()
            throw error
        }
        await clean.stop()
        await faulty.stop()
    }

    @Test func rejectedCredentialsFailFastAndLeaveTheCursor() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 20, seed: 2)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            var wrong = Self.secrets
            wrong["WOO_SECRET"] = "cs_wrong"
            let outcome = try await cli.run(["sync", "--resources", "orders"], environment: wrong)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.contains("tokyo-woo orders: FAILED"))
            #expect(outcome.stdout.contains("401 from http://127.0.0.1:\(mock.port)"))
            #expect(outcome.stdout.contains("aftercart check --store tokyo-woo"))
            #expect(!outcome.stdout.contains("cs_wrong") && !outcome.stderr.contains("cs_wrong"))
            let line = try await cli.resourceStatus()
            #expect(line["cursor"] is NSNull)
            #expect((line["last_error"] as? String)?.contains("401") == true)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    /// Kills `aftercart sync` with SIGKILL at varying instants; after a
    /// resume the database must hold exactly what an uninterrupted run holds.
    @Test func aSyncKilledAtAnyInstantResumesWithoutGapsOrDuplicates() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 900, seed: 9)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock, database: "data/reference.sqlite")
            #expect(try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets).status == 0)
            let expected = try await exportedOrders(cli)
            #expect(expected.count == 900)

            try writeConfig(cli, mock: mock, database: "data/killed.sqlite")
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<20 {
                let process = try cli.start(
                    ["sync", "--resources", "orders"], environment: Self.secrets, capture: false)
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...700, using: &generator)))
                kill(process.processIdentifier, SIGKILL)
                // Poll instead of waitUntilExit: blocking a concurrency thread would starve the emulator.
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            }
            // Each killed run left its lease behind; the next run sees the holder is dead and takes over.
            let resumed = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
            #expect(try await exportedOrders(cli) == expected)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
