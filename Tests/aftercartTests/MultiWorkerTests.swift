import AftercartStore
import Foundation
import MockStores
import Testing

/// Three `aftercart run` workers on one PostgreSQL database and fifty
/// emulated WooCommerce stores: each store is synced once per tick, and the
/// stores of a SIGKILLed worker are taken over. Runs only with
/// `AFTERCART_TEST_POSTGRES_URL` (`make test`).
@Suite(.enabled(if: FreshDatabase.serverURL != nil, "needs AFTERCART_TEST_POSTGRES_URL"))
struct MultiWorkerTests {
    static let storeCount = 50
    /// Long enough that a loaded 2-core machine finishes a tick's 50 runs well within it.
    static let interval: TimeInterval = 3

    @Test func threeWorkersSyncEachStoreOncePerTickAndTakeOverAKilledWorkersStores() async throws {
        let database = try await FreshDatabase.create()
        let stores = try await WorkerStores.start(count: Self.storeCount, orders: 150)
        var workers: [RunCommandTests.Daemon] = []
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try cli.write(stores.config(database: database.url), to: "config/aftercart.toml")
            let persistence = try await PostgresPersistence.open(url: database.url)
            defer { Task { try? await persistence.close() } }
            for _ in 0..<3 {
                workers.append(
                    try RunCommandTests.Daemon.start(
                        cli,
                        [
                            "--sync-every", "3s", "--resources", "orders", "--lease-ttl", "3s", "--no-engage",
                        ]))
            }

            // 1. Every store's orders arrive.
            #expect(
                try await eventually(600) { try await stores.allStored(persistence) },
                "\(workers.map(\.output).joined())")

            // 2. Over twelve seconds (four ticks) each store syncs once per tick: about four times, and
            //    never twice within one tick, although all three workers schedule every store.
            let window: TimeInterval = 12
            let completions = try await SyncCompletionLog.watch(workers, for: window)
            for index in 0..<Self.storeCount {
                let times = completions["store-\(index)"] ?? []
                #expect(
                    times.count >= Int(window / Self.interval) - 1,
                    "store-\(index) synced \(times.count) times in \(window) s")
                #expect(
                    times.count <= Int(window / Self.interval) + 1,
                    "store-\(index) synced \(times.count) times in \(window) s at one sync per \(Self.interval) s tick")
                // Missed ticks show in the count above; an upper bound on the gaps
                // would measure the machine's load rather than the scheduler.
                let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
                #expect(
                    gaps.allSatisfy { $0 >= Self.interval / 2 },
                    "store-\(index) synced twice in one tick: gaps \(gaps.map { String(format: "%.2f", $0) }) s\n\(log(of: "store-\(index)", in: workers))"
                )
            }
            #expect(workers.map(\.output).joined().contains("skipping a sync another worker just completed"))

            // 3. SIGKILL a worker while it holds a store; new orders of every store still arrive.
            let victim = workers[0]
            let victimOwner = ":\(victim.process.processIdentifier)"
            var held: [String] = []
            for _ in 0..<400 where held.isEmpty {
                held = try await persistence.leases().filter { $0.owner.hasSuffix(victimOwner) }.map(\.name)
                if held.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            }
            try #require(!held.isEmpty, "the worker to kill never held a store")
            _ = try await victim.stop(SIGKILL)
            for mock in stores.mocks { _ = mock.advance(orders: 12, seconds: 600) }
            let recovered = try await eventually(600) {
                let leases = try await persistence.leases()
                return try await stores.allStored(persistence)
                    && !leases.contains { $0.owner.hasSuffix(victimOwner) }
            }
            #expect(recovered, "stores held by the killed worker (\(held)) were not taken over")
            for worker in workers.dropFirst() {
                #expect(try await worker.stop(SIGTERM) == 0, "\(worker.output)")
            }
        } catch {
            for worker in workers { worker.forceKill() }
            await stores.stop()
            try? await database.drop()
            throw error
        }
        for worker in workers { worker.forceKill() }
        await stores.stop()
        try await database.drop()
    }
}

/// The lines of every worker's log about `store`, worker by worker: only
/// built for a failure message (an expectation's comment is evaluated lazily).
private func log(of store: String, in workers: [RunCommandTests.Daemon]) -> String {
    workers.map { worker in
        worker.output.split(separator: "\n").filter { $0.contains("\(store) ") || $0.contains("\(store)\"") }
            .joined(separator: "\n")
    }.joined(separator: "\n---\n")
}

/// When each store's sync summaries appear in the workers' logs, polled
/// every 50 ms: a summary is printed as a run ends, so the times are the
/// ends of the runs, within the polling step.
enum SyncCompletionLog {
    static func watch(_ workers: [RunCommandTests.Daemon], for window: TimeInterval) async throws -> [String: [Date]] {
        var read = workers.map { complete($0.output).count }
        var times: [String: [Date]] = [:]
        let end = Date().addingTimeInterval(window)
        while Date() < end {
            try await Task.sleep(for: .milliseconds(50))
            let now = Date()
            for (index, worker) in workers.enumerated() {
                let text = complete(worker.output)
                for line in text.dropFirst(read[index]).split(separator: "\n") {
                    guard let range = line.range(of: " orders:") else { continue }
                    let store = line[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                    times[store, default: []].append(now)
                }
                read[index] = text.count
            }
        }
        return times.mapValues { $0.sorted() }
    }

    /// The text up to its last line break: a line still being written is read next time.
    private static func complete(_ text: String) -> Substring {
        guard let last = text.lastIndex(of: "\n") else { return "" }
        return text[...last]
    }
}

/// `aftercart run --lease-ttl` refuses what is not a duration before anything starts.
@Suite struct LeaseTTLOptionTests {
    @Test func aLeaseTTLThatIsNotADurationOfAtLeastASecondIsRefused() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        for value in ["soon", "0s"] {
            let outcome = try await cli.run(["run", "--lease-ttl", value])
            #expect(outcome.status == 64)
            #expect(
                outcome.stderr.contains("--lease-ttl '\(value)' is not a duration of at least 1s"), "\(outcome.stderr)")
        }
    }
}
