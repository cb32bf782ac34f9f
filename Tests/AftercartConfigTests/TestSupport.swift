import Foundation

@testable import AftercartConfig

/// A fresh folder under the temporary directory, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-config-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `relative` (creating folders) with POSIX `mode`.
    @discardableResult
    func write(_ relative: String, _ text: String, mode: Int = 0o644) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file
    }

    /// The path of `relative` inside the folder.
    func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }
}

/// The repository root, found from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A minimal valid WooCommerce store block.
let wooStore = """
    [[stores]]
    name = "tokyo-woo"
    platform = "woocommerce"
    base_url = "https://shop.example.com"
    consumer_key = { env = "TOKYO_WOO_KEY" }
    consumer_secret = { env = "TOKYO_WOO_SECRET" }
    consent_meta_key = "opt_in"
    """

/// ``wooStore`` with `extra` lines added to its table, parsed with its secrets set.
func parseWooStore(_ extra: String) throws -> AftercartConfiguration {
    try AftercartConfiguration.parse(
        wooStore + "\n" + extra, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"),
        environment: ["TOKYO_WOO_KEY": "ck", "TOKYO_WOO_SECRET": "cs"], platforms: .shipped,
        loadCampaignFiles: false)
}
