import Foundation
import MockStores

/// An `aftercart-mock` child process: the emulator runs in its own process,
/// as it does for an operator's load test, so its CPU is not the client's.
final class MockProcess {
    let process = Process()
    let baseURL: String
    static let consumerKey = "ck_bench_0123456789abcdef0123456789abcdef01234567"
    static let consumerSecret = "cs_bench_0123456789abcdef0123456789abcdef01234567"
    static let accessToken = "shpat_bench_0123456789abcdef0123456789abcdef"

    /// Starts `aftercart-mock` from the same build folder as this binary and
    /// waits for its "listening on" line.
    init(platform: MockPlatform, orders: Int, extraArguments: [String] = []) throws {
        let executable = Self.sibling("aftercart-mock")
        process.executableURL = executable
        process.arguments =
            [
                "--platform", platform.rawValue, "--orders", String(orders), "--port", "0",
                "--consumer-key", Self.consumerKey, "--consumer-secret", Self.consumerSecret,
                "--access-token", Self.accessToken,
            ] + extraArguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        var found: String?
        let handle = output.fileHandleForReading
        while found == nil {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                found = String(line.dropFirst("listening on ".count))
            }
        }
        guard let url = found else {
            process.terminate()
            throw BenchmarkError("\(executable.path) did not start; build it first (swift build -c release)")
        }
        baseURL = url
        // Keep draining stdout so the child never blocks on a full pipe.
        handle.readabilityHandler = { handle in _ = handle.availableData }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// An executable built beside this one (same `.build/<configuration>`).
    static func sibling(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name)
    }
}
