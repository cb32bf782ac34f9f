import Foundation
import Testing

/// Every command that takes `--store` refuses a name the config does not
/// have, lists the configured ones, and exits 2 before touching anything.
@Suite struct StoreSelectionTests {
    @Test func anUnknownStoreIsAConfigErrorInEveryCommand() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            CLIFixtures.offlineWooStore() + "\n\n" + CLIFixtures.offlineWooStore("osaka-woo"),
            to: "config/aftercart.toml")
        let commands = [
            ["check", "--offline"], ["sync"], ["plan", "--dry-run"], ["send", "--dry-run"], ["run"],
            ["export", "orders"], ["export", "actions"], ["unsubscribe", "--email", "ann@example.com"],
            ["forget", "--email", "ann@example.com"],
        ]
        for command in commands {
            let outcome = try await cli.run(command + ["--store", "tokio-woo"])
            #expect(outcome.status == 2, "\(command): \(outcome.status) \(outcome.stderr)")
            #expect(
                outcome.stderr.contains("--store tokio-woo: no store of that name"), "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("configured: tokyo-woo, osaka-woo"), "\(command): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty || command[0] == "run", "\(command): \(outcome.stdout)")
        }
    }
}
