import Foundation

/// Runs the built `aftercart` binary as a user would, in a scratch folder.
struct CLIProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `aftercart` executable next to this test bundle (`.build/debug/`).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["AFTERCART_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var folder = Bundle.main.bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("aftercart")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/aftercart")
    }

    let directory: URL

    /// A fresh folder under the temporary directory.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs to completion on a dispatch thread: blocking a Swift concurrency
    /// thread would starve an emulator running in this test process.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(arguments, environment: environment) })
            }
        }
    }

    private func runBlocking(_ arguments: [String], environment: [String: String]) throws -> Outcome {
        let process = try start(arguments, environment: environment, capture: true)
        // Read before waiting: a full pipe would block the child forever.
        let out = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let err = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts the CLI without waiting; output goes to pipes when `capture`,
    /// else to /dev/null (for runs a test kills).
    func start(_ arguments: [String], environment: [String: String] = [:], capture: Bool) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged["AFTERCART_CONFIG"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if capture {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
