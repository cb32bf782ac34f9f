import AftercartConnector
import ArgumentParser
import AsyncHTTPClient
import Foundation
import MockStores

/// `aftercart-bench`: the throughput and memory benchmarks of BENCHMARKS.md,
/// each figure as a ratio to its own limit measured in the same run.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftercart-bench",
        abstract: "Measure sync throughput and memory against the local decode + upsert floor.",
        discussion: """
            Build in release mode first ('swift build -c release'), then run \
            '.build/release/aftercart-bench'. The emulator runs as an 'aftercart-mock' child process \
            from the same build folder. Prints Markdown tables for BENCHMARKS.md.
            """,
        subcommands: [RunBenchmarks.self, SyncChildCommand.self, WorkersBenchmark.self, DeliveryBenchmark.self],
        defaultSubcommand: RunBenchmarks.self
    )
}

struct RunBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the benchmarks and print the tables.")

    @Option(help: "Store sizes (orders) for the end-to-end sync and memory runs, comma separated.")
    var orders: String = "10000,100000"

    @Option(help: "Orders captured for the decode + upsert floor.")
    var floorOrders: Int = 20_000

    @Option(help: "Platforms, comma separated: woocommerce, shopify.")
    var platforms: String = "woocommerce,shopify"

    @Option(help: "WooCommerce page concurrencies to compare, comma separated.")
    var pageConcurrency: String = "1,4"

    @Flag(help: "Add malloc's peak live and held heap to the sync table (samples every 5 ms; slows the sync a little).")
    var sampleHeap = false

    @Flag(help: "One tiny iteration (500 orders) to check that everything runs.")
    var quick = false

    @Option(help: "Folder for the SQLite files (deleted afterwards).")
    var workDirectory: String = NSTemporaryDirectory()

    @Option(help: "Orders of the WooCommerce store the planner benchmark plans over (0 skips it).")
    var plannerOrders: Int = 100_000

    @Option(help: "The config whose campaigns and templates the planner benchmark uses.")
    var plannerConfig: String = "config/aftercart.example.toml"

    @Option(help: "Keep the planner's SQLite file here: synced when missing, reused when present (for profiling).")
    var plannerDatabase: String?

    @Flag(help: "Run only the planner benchmark (skip the sync tables).")
    var plannerOnly = false

    @Option(help: "Write the planner's actions and per-campaign counts here (to compare two builds).")
    var plannerActions: String?

    @Option(help: "Run only the report benchmark over this many orders, written straight into SQLite.")
    var reportOrders: Int?

    @Option(help: "The report benchmark's SQLite file: seeded when missing, reused when present.")
    var reportDatabase: String = "/tmp/aftercart-report-bench.sqlite"

    func run() async throws {
        if let reportOrders {
            try await ReportBenchmark(orders: reportOrders, configPath: plannerConfig, database: reportDatabase).run()
            return
        }
        let sizes = quick ? [500] : try Self.integers(orders, option: "--orders")
        let floorSize = quick ? 500 : floorOrders
        let concurrencies = try Self.integers(pageConcurrency, option: "--page-concurrency")
        let chosen = try platforms.split(separator: ",").map { name in
            guard let platform = MockPlatform(rawValue: String(name)) else {
                throw ValidationError("unknown platform '\(name)'; use woocommerce or shopify")
            }
            return platform
        }
        let directory = URL(fileURLWithPath: workDirectory).appendingPathComponent("aftercart-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if plannerOnly {
            try await PlannerBenchmark.printTable(
                orders: quick ? 500 : plannerOrders, configPath: plannerConfig, directory: directory,
                keptDatabase: plannerDatabase, actionsFile: plannerActions)
            return
        }

        print("## Decode + upsert floor (\(floorSize) orders per platform, from memory into SQLite)\n")
        let floorTable = BenchmarkTable(columns: [
            "platform", "pages", "MB", "JSONSerialization parse only, records/s", "decode only, records/s",
            "decode + upsert, records/s",
        ])
        floorTable.header()
        var floors: [MockPlatform: Double] = [:]
        let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(60))
        for platform in chosen {
            let pages = try await CapturedPages.capture(platform: platform, orders: floorSize, client: client)
            let result = try await DecodeUpsertFloor(pages: pages, directory: directory).run()
            let parsed = try JSONParserComparison.serializationOnly(pages)
            floors[platform] = result.recordsPerSecond
            floorTable.row([
                platform.rawValue, "\(pages.pages.count)", (Double(pages.bytes) / 1e6).twoDecimals,
                (Double(parsed.records) / parsed.serializationSeconds).grouped, result.decodeOnlyPerSecond.grouped,
                result.recordsPerSecond.grouped,
            ])
        }
        try await client.shutdown()

        print("\n## End-to-end sync from aftercart-mock over loopback\n")
        let syncTable = BenchmarkTable(
            columns: [
                "platform", "orders", "page concurrency", "seconds", "records/s", "ratio to floor", "peak RSS MB",
                "CPU µs per order", "Python loop records/s", "ratio to Python", "Python CPU µs per order",
            ]
                + (sampleHeap
                    ? ["live heap MB: peak", "median", "at the end", "peak malloc-held heap MB"] : []))
        syncTable.header()
        for platform in chosen {
            // Shopify's cursor chain allows one page ahead at most: any concurrency above 1 is 2.
            let platformConcurrencies =
                platform == .shopify ? Array(Set(concurrencies.map { min($0, 2) })).sorted() : concurrencies
            for size in sizes {
                for concurrency in platformConcurrencies {
                    let result = try SyncBenchmark(
                        platform: platform, orders: size, pageConcurrency: concurrency, directory: directory,
                        sampleHeap: sampleHeap, pythonLoop: concurrency == platformConcurrencies.first
                    ).run()
                    let ratio = floors[platform].map { result.recordsPerSecond / $0 } ?? 0
                    syncTable.row(
                        [
                            platform.rawValue, "\(size)", "\(concurrency)", result.seconds.twoDecimals,
                            result.recordsPerSecond.grouped, ratio.twoDecimals,
                            (Double(result.peakRSSKilobytes) / 1024).twoDecimals,
                            (result.cpuSeconds * 1e6 / Double(result.records)).oneDecimal,
                            result.python.map { $0.recordsPerSecond.grouped } ?? "—",
                            result.python.map { (result.recordsPerSecond / $0.recordsPerSecond).twoDecimals } ?? "—",
                            result.python.map { ($0.cpuSeconds * 1e6 / Double($0.records)).oneDecimal } ?? "—",
                        ] + heapColumns(result))
                }
            }
        }
        if plannerOrders > 0 || quick {
            print("")
            try await PlannerBenchmark.printTable(
                orders: quick ? 500 : plannerOrders, configPath: plannerConfig, directory: directory,
                keptDatabase: plannerDatabase, actionsFile: plannerActions)
        }
    }

    private func heapColumns(_ result: SyncBenchmark.Result) -> [String] {
        guard sampleHeap else { return [] }
        return [
            result.peakLiveHeapKilobytes, result.medianLiveHeapKilobytes, result.lastLiveHeapKilobytes,
            result.peakHeldHeapKilobytes,
        ].map { kilobytes in
            kilobytes.map { (Double($0) / 1024).twoDecimals } ?? "–"
        }
    }

    static func integers(_ list: String, option: String) throws -> [Int] {
        try list.split(separator: ",").map { item in
            guard let value = Int(item.trimmingCharacters(in: .whitespaces)), value > 0 else {
                throw ValidationError("\(option): '\(item)' is not a positive whole number")
            }
            return value
        }
    }
}
