import ChildProcessTesting
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

    /// Runs to completion; output goes to files, read after the exit.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let outputs = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-cli-output-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let outURL = outputs.appendingPathComponent("stdout")
        let errURL = outputs.appendingPathComponent("stderr")
        let status = try await ChildProcess.run(
            Self.executable.path, arguments: arguments, environment: mergedEnvironment(environment),
            directory: directory.path, stdout: outURL.path, stderr: errURL.path)
        return Outcome(
            status: status, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    private func mergedEnvironment(_ environment: [String: String]) -> [String: String] {
        var merged = ProcessInfo.processInfo.environment
        merged["AFTERCART_CONFIG"] = nil
        for (key, value) in environment { merged[key] = value }
        return merged
    }

    /// Starts the CLI without waiting; stdout goes to a pipe when `capture`
    /// (``SpawnedChild/firstLine()``), else to /dev/null (for runs a test
    /// kills); stderr to `stderr.log` in the folder when `capture`, so a
    /// chatty child never blocks on a pipe nobody reads.
    func start(_ arguments: [String], environment: [String: String] = [:], capture: Bool) throws -> SpawnedChild {
        try ChildProcess.spawn(
            Self.executable.path, arguments: arguments, environment: mergedEnvironment(environment),
            directory: directory.path, stdout: capture ? .pipe : .discarded,
            stderr: capture ? .file(directory.appendingPathComponent("stderr.log").path) : .discarded)
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
