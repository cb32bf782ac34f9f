import Foundation

/// Debian's `chromium`, headless, as a person's browser: it loads a page,
/// runs its scripts and follows its form posts; `dumpDOM` returns the
/// document it ended on. `scripts/install-deps.sh` installs it.
enum HeadlessBrowser {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed; run scripts/install-deps.sh" }
    }

    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The DOM after `url` loaded and, within `budget`, whatever it navigated
    /// to; `language` is the browser's UI language (its `Accept-Language`).
    static func dumpDOM(_ url: String, language: String = "en-US", budget: Duration = .seconds(5)) async throws
        -> String
    {
        guard let executable else { throw Missing() }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-browser-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let milliseconds = Int(budget.components.seconds * 1000)
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--lang=\(language)", "--accept-lang=\(language)",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--virtual-time-budget=\(milliseconds)", "--dump-dom", url,
        ]
        let output = folder.appendingPathComponent("dom.html").path
        let errors = folder.appendingPathComponent("stderr").path
        // Blocking waitpid on a dispatch thread: a concurrency thread would starve the server under test.
        let status = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try ChildProcess.run(
                            executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                            directory: folder.path, stdout: output, stderr: errors)
                    })
            }
        }
        let dom = try String(contentsOfFile: output, encoding: .utf8)
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw ChildProcess.SpawnError(description: "chromium exited \(status): \(stderr.suffix(400))")
        }
        return dom
    }
}
