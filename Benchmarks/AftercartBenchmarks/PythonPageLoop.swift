import Foundation
import MockStores

/// Issue 23's baseline on the emulator a sync benchmark just read: a plain
/// Python loop (standard library only) that fetches and parses the same
/// order pages and stores nothing (`Benchmarks/python-page-loop.py`).
struct PythonPageLoop {
    struct Result {
        var records: Int
        var seconds: Double
        /// The loop's own user + system time.
        var cpuSeconds: Double
        var recordsPerSecond: Double { Double(records) / seconds }
    }

    /// The script beside this source file's folder.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("python-page-loop.py")

    let platform: MockPlatform
    let baseURL: String

    func run() throws -> Result {
        let credentials =
            platform == .woocommerce
            ? [MockProcess.consumerKey, MockProcess.consumerSecret] : [MockProcess.accessToken]
        let object = try ChildJSON.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.script.path, platform.rawValue, baseURL] + credentials,
            name: "python-page-loop.py")
        guard let records = object["records"] as? Int, let seconds = object["seconds"] as? Double else {
            throw BenchmarkError("python-page-loop.py printed no records and seconds")
        }
        return Result(records: records, seconds: seconds, cpuSeconds: object["cpu_seconds"] as? Double ?? 0)
    }
}
