import ChildProcessTesting
import Foundation
import MockStores
import Testing

/// `aftercart run` as an operator runs it: a real daemon process, a
/// WooCommerce emulator on loopback, a real SQLite file.
@Suite struct RunCommandTests {
    static let secrets = SyncCommandTests.secrets

    /// The daemon as a child process, its stderr in a file (a pipe nobody
    /// reads would fill up and block it).
    struct Daemon {
        let process: SpawnedChild
        let log: URL

        static func start(
            _ cli: CLIProcess, _ arguments: [String], environment extra: [String: String] = RunCommandTests.secrets
        ) throws -> Daemon {
            let log = cli.directory.appendingPathComponent("run-\(UUID().uuidString).log")
            var environment = ProcessInfo.processInfo.environment
            environment["AFTERCART_CONFIG"] = nil
            for (key, value) in extra { environment[key] = value }
            let process = try ChildProcess.spawn(
                CLIProcess.executable.path, arguments: ["run"] + arguments, environment: environment,
                directory: cli.directory.path, stdout: .discarded, stderr: .file(log.path))
            return Daemon(process: process, log: log)
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// Sends `signal` and waits for the exit without blocking a concurrency thread.
        func stop(_ signal: Int32 = SIGTERM) async throws -> Int32 {
            kill(process.processIdentifier, signal)
            return try await exit()
        }

        func exit() async throws -> Int32 {
            try await process.exitStatus()
        }

        func forceKill() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

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

    private func status(_ cli: CLIProcess) async throws -> [String: Any] {
        try await cli.resourceStatus()
    }

    private func exportedOrders(_ cli: CLIProcess) async throws -> [String: String] {
        let outcome = try await cli.run(["export", "orders"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var byID: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? String { byID[id] = String(line) }
        }
        return byID
    }

    @Test func theDaemonSyncsOnScheduleAndStopsCleanlyOnSIGTERM() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 250, seed: 31)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        var daemon: Daemon?
        do {
            try writeConfig(cli, mock: mock)
            daemon = try Daemon.start(cli, ["--sync-every", "1s", "--resources", "orders"])
            #expect(try await eventually { try await exportedOrders(cli).count == 250 })

            // Changes upstream reach the database on the following ticks, twice over.
            for round in 1...2 {
                let before = try await exportedOrders(cli)
                let changed = mock.advance(orders: 15, seconds: 600).changedOrderIDs.map(String.init)
                #expect(!changed.isEmpty)
                let arrived = try await eventually {
                    let now = try await exportedOrders(cli)
                    return changed.allSatisfy { now[$0] != nil && now[$0] != before[$0] }
                }
                #expect(arrived, "round \(round): changed orders did not arrive\n\(daemon?.output ?? "")")
            }
            // Ticks go on while nothing changes: three more list requests.
            let requests = mock.stats().count(path: "/wp-json/wc/v3/orders")
            #expect(try await eventually { mock.stats().count(path: "/wp-json/wc/v3/orders") >= requests + 3 })

            let exit = try await daemon?.stop(SIGTERM)
            #expect(exit == 0, "\(daemon?.output ?? "")")
            #expect(daemon?.output.contains("aftercart run stopped") == true)
            let line = try await status(cli)
            #expect(line["last_error"] is NSNull)
            #expect(line["cursor"] is String)
            #expect(try await exportedOrders(cli).count == 250)
        } catch {
            daemon?.forceKill()
            await mock.stop()
            throw error
        }
        daemon?.forceKill()
        await mock.stop()
    }

    @Test func sigtermMidSyncCommitsThePageInFlightAndASecondSyncSaysAlreadyRunning() async throws {
        // Every answer takes 500 ms, so a full read of 40 pages (20 s) is still running when the
        // test acts, even on a loaded machine where each CLI process takes a while to start.
        let mock = try await MockStoreServer.start(
            .woocommerce(
                WooCommerceMockOptions(orders: 4000, seed: 8, faults: try MockFaultPlan(spec: "slow:1@500ms"))))
        let cli = try CLIProcess()
        defer { cli.remove() }
        var daemon: Daemon?
        do {
            try writeConfig(cli, mock: mock)
            daemon = try Daemon.start(cli, ["--sync-every", "1h", "--resources", "orders", "--page-concurrency", "1"])
            #expect(try await eventually { !(try await exportedOrders(cli).isEmpty) })

            let second = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("tokyo-woo: already being synced by"), "\(second.stdout)")

            let exit = try await daemon?.stop(SIGTERM)
            #expect(exit == 0, "\(daemon?.output ?? "")")
            // Whole pages only, with the cursor right after the last of them.
            let stored = try await exportedOrders(cli).count
            #expect(stored > 0 && stored < 4000 && stored % 100 == 0)
            let cursor = try #require(try await status(cli)["cursor"] as? String)
            let object = try JSONSerialization.jsonObject(with: Data(cursor.utf8)) as? [String: Any]
            #expect(object?["next_page"] as? Int == stored / 100 + 1, "\(cursor)")

            // Nothing lost: a plain run resumes there and completes the store.
            mock.setFaults(.none)
            let resumed = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
            #expect(try await exportedOrders(cli).count == 4000)
        } catch {
            daemon?.forceKill()
            await mock.stop()
            throw error
        }
        daemon?.forceKill()
        await mock.stop()
    }

    /// An operator starts the daemon and, at the same moment, asks for an
    /// export: both processes create and migrate the new database file.
    /// CI once saw the daemon lose that race and exit.
    @Test func processesStartedTogetherOnANewDatabaseAllOpenIt() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 4)))
        var failure: (any Error)?
        for _ in 0..<4 where failure == nil {
            do { try await startTogether(mock) } catch { failure = error }
        }
        await mock.stop()
        if let failure { throw failure }
    }

    private func startTogether(_ mock: MockStoreServer) async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try writeConfig(cli, mock: mock)
        let outcomes = try await withThrowingTaskGroup(of: CLIProcess.Outcome.self) { group in
            for index in 0..<5 {
                group.addTask { try await cli.run(index % 2 == 0 ? ["export", "orders"] : ["status", "--json"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
    }

    @Test func optionsOutOfRangeAreRefusedBeforeAnythingStarts() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let outcome = try await cli.run(["run", "--sync-every", "soon"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--sync-every 'soon' is not a duration"))
        for command in ["run", "sync"] {
            let zero = try await cli.run([command, "--page-concurrency", "0"])
            #expect(zero.status == 64)
            #expect(zero.stderr.contains("--page-concurrency must be at least 1"), "\(zero.stderr)")
        }
    }
}
