import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import ShopifyConnector
import WooCommerceConnector

#if canImport(Glibc)
    import Glibc
#endif

/// One end-to-end sync of a store's orders, run as a child process so its
/// peak RSS is its own. Prints one JSON line: records, seconds, peak RSS
/// (and, with `--sample-heap`, malloc's peak live and held heap).
struct SyncChildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-child", abstract: "Sync one emulator's orders into a fresh SQLite file (internal).")

    @Option(help: "woocommerce or shopify.") var platform: String
    @Option(help: "The emulator's base URL.") var baseURL: String
    @Option(help: "The SQLite file to create.") var database: String
    @Option(help: "Pages of one resource in flight at once.") var pageConcurrency: Int = 1
    @Flag(help: "Sample malloc's live and held heap every 5 ms (glibc mallinfo2).") var sampleHeap = false

    func run() async throws {
        let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(60))
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let connector = try makeConnector(client: client, logger: logger)
        let persistence = try await SQLitePersistence.open(path: database)
        let engine = SyncEngine(persistence: persistence, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = ProcessCPU.seconds()
        let heap = sampleHeap ? HeapSampler() : nil
        let report = await engine.sync(
            connector, options: SyncOptions(resources: [.orders], pageConcurrency: pageConcurrency))
        let seconds = (clock.now - start).seconds
        let cpuSeconds = ProcessCPU.seconds() - cpuStart
        let heapSummary = heap?.stop()
        let records = report.resources.reduce(0) { $0 + $1.records }
        try await persistence.close()
        try await client.shutdown()
        guard report.isComplete else { throw BenchmarkError("sync failed: \(report)") }
        let heapFields =
            heapSummary.map {
                #","peak_live_heap_kb":\#($0.peakLive / 1024),"median_live_heap_kb":\#($0.medianLive / 1024)"#
                    + #","last_live_heap_kb":\#($0.lastLive / 1024),"peak_held_heap_kb":\#($0.peakHeld / 1024)"#
            } ?? ""
        print(
            #"{"records":\#(records),"seconds":\#(seconds),"cpu_seconds":\#(cpuSeconds),"peak_rss_kb":\#(PeakMemory.selfKilobytes())\#(heapFields)}"#
        )
    }

    private func makeConnector(client: HTTPClient, logger: Logger) throws -> any StoreConnector {
        let environment = ConnectorEnvironment(client: client, logger: logger)
        if platform == "shopify" {
            let settings = ConnectorSettings(
                store: "bench-shopify", platform: "shopify",
                // REST pages, the same ones the Python loop reads (the bulk backfill has its own benchmark).
                values: [
                    "base_url": baseURL, "api_version": "2025-10", "bucket_size": "1000", "leak_rate": "1000",
                    "bulk_backfill": "false",
                ],
                secrets: ["access_token": Secret(MockProcess.accessToken)])
            return try ShopifyConnector.registration.makeConnector(settings, environment)
        }
        let settings = ConnectorSettings(
            store: "bench-woo", platform: "woocommerce", values: ["base_url": baseURL],
            secrets: [
                "consumer_key": Secret(MockProcess.consumerKey), "consumer_secret": Secret(MockProcess.consumerSecret),
            ])
        return try WooCommerceConnector.registration.makeConnector(settings, environment)
    }
}

/// This process's CPU time, user + system, from `getrusage`.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Peak resident memory, from the kernel's own accounting.
enum PeakMemory {
    /// `VmHWM` of this process in KiB (0 where /proc is missing).
    static func selfKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
