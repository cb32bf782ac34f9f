import Foundation

/// Finds the shared fixtures: `AFTERCART_FIXTURES`, or `shared/fixtures`
/// beside the repository, where CI and developers have it.
enum FixtureFiles {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["AFTERCART_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // AftercartModelTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .deletingLastPathComponent()  // its parent
            .appendingPathComponent("shared/fixtures")
    }

    /// Every `.json` file below the fixtures folder.
    static func allJSON() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
