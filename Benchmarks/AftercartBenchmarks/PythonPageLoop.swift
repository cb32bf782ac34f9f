import Foundation
import MockStores

/// Issue 23's baseline on the emulator a sync benchmark just read: a plain
/// Python loop (standard library only) that fetches and parses the same
/// order pages and stores nothing (`Benchmarks/python-page-loop.py`).
struct PythonPageLoop {
    struct Result {
        var records: Int
        var seconds: Double
        var recordsPerSecond: Double { Double(records) / seconds }
    }

    /// The script beside this source file's folder.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("python-page-loop.py")

    let platform: MockPlatform
    let baseURL: String

    func run() throws -> Result {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let credentials =
            platform == .woocommerce
            ? [MockProcess.consumerKey, MockProcess.consumerSecret] : [MockProcess.accessToken]
        child.arguments = ["python3", Self.script.path, platform.rawValue, baseURL] + credentials
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0,
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let records = object["records"] as? Int, let seconds = object["seconds"] as? Double
        else {
            throw BenchmarkError("python-page-loop.py failed (exit \(child.terminationStatus))")
        }
        return Result(records: records, seconds: seconds)
    }
}
