import Foundation
import MockStores

/// End-to-end sync: an `aftercart-mock` child serves the store over loopback,
/// a `sync-child` process syncs it through the real adapter and engine into
/// a fresh SQLite file. Records/s, and peak RSS of the syncing process.
struct SyncBenchmark {
    var platform: MockPlatform
    var orders: Int
    var pageConcurrency: Int
    var directory: URL
    var sampleHeap = false
    /// Also time the plain Python loop on the same emulator (issue 23's baseline).
    var pythonLoop = false

    struct Result {
        var records: Int
        var seconds: Double
        /// The syncing process's user + system time during the sync.
        var cpuSeconds: Double
        var peakRSSKilobytes: Int
        /// malloc's peak live and held heap, with `sampleHeap`.
        var peakLiveHeapKilobytes: Int?
        var medianLiveHeapKilobytes: Int?
        var lastLiveHeapKilobytes: Int?
        var peakHeldHeapKilobytes: Int?
        /// The plain Python loop over the same emulator's pages, right after the sync.
        var python: PythonPageLoop.Result?
        var recordsPerSecond: Double { Double(records) / seconds }
    }

    func run() throws -> Result {
        let mock = try MockProcess(
            platform: platform, orders: orders, extraArguments: platform == .shopify ? ["--rate-limit", "0"] : [])
        defer { mock.stop() }
        let database = directory.appendingPathComponent(
            "sync-\(platform.rawValue)-\(orders)-\(UUID().uuidString).sqlite")
        let object = try ChildJSON.run(
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
            [
                "sync-child", "--platform", platform.rawValue, "--base-url", mock.baseURL, "--database", database.path,
                "--page-concurrency", String(pageConcurrency),
            ] + (sampleHeap ? ["--sample-heap"] : []), name: "sync-child")
        guard let records = object["records"] as? Int, let seconds = object["seconds"] as? Double else {
            throw BenchmarkError("sync-child printed no records and seconds")
        }
        let python = pythonLoop ? try PythonPageLoop(platform: platform, baseURL: mock.baseURL).run() : nil
        return Result(
            records: records, seconds: seconds, cpuSeconds: object["cpu_seconds"] as? Double ?? 0,
            peakRSSKilobytes: object["peak_rss_kb"] as? Int ?? 0,
            peakLiveHeapKilobytes: object["peak_live_heap_kb"] as? Int,
            medianLiveHeapKilobytes: object["median_live_heap_kb"] as? Int,
            lastLiveHeapKilobytes: object["last_live_heap_kb"] as? Int,
            peakHeldHeapKilobytes: object["peak_held_heap_kb"] as? Int, python: python)
    }
}
