import AftercartConfig
import AftercartConnector
import AftercartEngage
import AftercartModel
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import WooCommerceConnector

/// The engagement planner over a synced WooCommerce emulator store, with
/// every example campaign, in dry-run: load (read + decode) and evaluation
/// timed apart, so the table shows which of the two limits the rate.
struct PlannerBenchmark {
    var orders: Int
    var configPath: String
    var directory: URL
    /// A SQLite file to keep: synced when missing, reused when present (for profiling).
    var keptDatabase: String?
    /// Where to write the planned actions and per-campaign counts, to compare two builds' plans.
    var actionsFile: String?

    struct Result {
        var customers: Int
        var orders: Int
        var actions: Int
        var syncSeconds: Double
        var loadSeconds: Double
        var evaluateSeconds: Double
        var totalSeconds: Double
    }

    func run() async throws -> Result {
        let configuration = try AftercartConfiguration.load(path: configPath, platforms: .shipped)
        guard let store = configuration.stores.first(where: { $0.platform == "woocommerce" }) else {
            throw BenchmarkError("\(configPath) has no woocommerce store to plan")
        }
        let path = keptDatabase ?? directory.appendingPathComponent("planner-\(orders).sqlite").path
        let reuse = keptDatabase != nil && FileManager.default.fileExists(atPath: path)
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: orders, seed: 7)))
        let clock = ContinuousClock()
        let syncStart = clock.now
        do {
            if !reuse { try await sync(mock: mock, store: store.id, path: path) }
        } catch {
            await mock.stop()
            throw error
        }
        let syncSeconds = (clock.now - syncStart).seconds
        let now = mock.clock
        await mock.stop()

        let database = try await SQLitePersistence.open(path: path)
        let planner = try await Planner.make(configuration: configuration, database: database)
        let start = clock.now
        let report = try await planner.plan(store: store.id, at: now, dryRun: true)
        let total = (clock.now - start).seconds
        try await database.close()
        if let actionsFile { try Self.write(report, to: actionsFile) }
        return Result(
            customers: report.customersEvaluated, orders: report.ordersRead, actions: report.actions.count,
            syncSeconds: syncSeconds, loadSeconds: report.loadDuration.seconds,
            evaluateSeconds: report.evaluateDuration.seconds, totalSeconds: total)
    }

    private func sync(mock: MockStoreServer, store: StoreID, path: String) async throws {
        let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(60))
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let settings = ConnectorSettings(
            store: store, platform: "woocommerce", values: ["base_url": mock.baseURL],
            secrets: [
                "consumer_key": Secret(mock.credentials.consumerKey ?? ""),
                "consumer_secret": Secret(mock.credentials.consumerSecret ?? ""),
            ])
        let connector = try WooCommerceConnector.registration.makeConnector(
            settings, ConnectorEnvironment(client: client, logger: logger))
        let persistence = try await SQLitePersistence.open(path: path)
        let report = await SyncEngine(persistence: persistence, logger: logger).sync(
            connector, options: SyncOptions(pageConcurrency: 4))
        try await persistence.close()
        try await client.shutdown()
        guard report.isComplete else { throw BenchmarkError("planner store sync failed: \(report)") }
    }
}

extension PlannerBenchmark {
    /// One line per action (`plan --json`'s form), then one per campaign with its counts.
    static func write(_ report: PlanReport, to path: String) throws {
        var lines = report.actions.map { $0.json() }
        for campaign in report.campaigns {
            let suppressed = campaign.suppressed.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            lines.append(
                "campaign \(campaign.name) planned=\(campaign.planned) actions=\(campaign.actions) "
                    + "already=\(campaign.alreadyPlanned) \(suppressed.joined(separator: " "))")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Runs once and prints the planner's table.
    static func printTable(
        orders: Int, configPath: String, directory: URL, keptDatabase: String?, actionsFile: String? = nil
    ) async throws {
        print("## Planner (WooCommerce emulator store, all example campaigns, dry run)\n")
        let table = BenchmarkTable(columns: [
            "orders", "customers", "actions", "load s", "evaluate s", "plan total s",
            "customers/s (evaluate)", "customers/s (total)",
        ])
        table.header()
        let result = try await PlannerBenchmark(
            orders: orders, configPath: configPath, directory: directory, keptDatabase: keptDatabase,
            actionsFile: actionsFile
        ).run()
        table.row([
            "\(result.orders)", "\(result.customers)", "\(result.actions)", result.loadSeconds.twoDecimals,
            result.evaluateSeconds.twoDecimals, result.totalSeconds.twoDecimals,
            (Double(result.customers) / result.evaluateSeconds).grouped,
            (Double(result.customers) / result.totalSeconds).grouped,
        ])
    }
}
