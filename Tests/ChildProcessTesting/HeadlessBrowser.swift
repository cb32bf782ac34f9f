import Foundation

/// Debian's `chromium`, headless, as a person's browser: it loads a page,
/// runs its scripts and follows its form posts; `dumpDOM` returns the
/// document it ended on. `scripts/install-deps.sh` installs it. Shared by
/// the CLI's and the server's browser tests.
public enum HeadlessBrowser {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "chromium is not installed; run scripts/install-deps.sh" }
    }

    public static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A phone-sized screenshot of `url` as a PNG at `path` (absolute).
    public static func screenshot(_ url: String, to path: String, width: Int = 390, height: Int = 1600) async throws {
        _ = try await run(
            url, output: nil, extra: ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(path)"])
    }

    /// The DOM after `url` loaded and, within `budget`, whatever it navigated
    /// to; `language` is the browser's UI language (its `Accept-Language`).
    public static func dumpDOM(_ url: String, language: String = "en-US", budget: Duration = .seconds(5)) async throws
        -> String
    {
        try await run(
            url, output: "dom",
            extra: ["--virtual-time-budget=\(Int(budget.components.seconds * 1000))", "--dump-dom"], language: language)
    }

    /// Runs chromium on `url` with `extra` flags; returns what it printed
    /// when `output` names a capture, else "".
    private static func run(_ url: String, output: String?, extra: [String], language: String = "en-US") async throws
        -> String
    {
        guard let executable else { throw Missing() }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-browser-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--lang=\(language)", "--accept-lang=\(language)",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            ] + extra + [url]
        let printed = folder.appendingPathComponent("stdout").path
        let errors = folder.appendingPathComponent("stderr").path
        // Chromium can stall on a machine without a desktop session; two
        // minutes is far past a page load and short of stalling the run.
        let status = try await ChildProcess.run(
            executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            directory: folder.path, stdout: printed, stderr: errors, limit: .seconds(120))
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw ChildProcess.SpawnError(description: "chromium exited \(status): \(stderr.suffix(400))")
        }
        return output == nil ? "" : try String(contentsOfFile: printed, encoding: .utf8)
    }
}
