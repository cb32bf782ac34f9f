import Foundation
import Testing

/// `aftercart init` writes one `[[stores]]` entry per registered platform
/// that declares an example (`StorePlatformSchema.initExample`). The repo's
/// copy must follow, so an adapter that adds an example and forgets
/// `config/aftercart.example.toml` or `config/env.example` fails here.
@Suite struct InitExampleTests {
    @Test func initWritesTheRepositoryExampleByteForByte() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        #expect(try await cli.run(["init"]).status == 0)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for (written, shipped) in [
            ("config/aftercart.toml", "config/aftercart.example.toml"), (".env.example", "config/env.example"),
        ] {
            let actual = try String(contentsOf: cli.directory.appendingPathComponent(written), encoding: .utf8)
            let expected = try String(contentsOf: repository.appendingPathComponent(shipped), encoding: .utf8)
            #expect(actual == expected, "aftercart init writes a \(written) that differs from \(shipped)")
        }
    }
}
