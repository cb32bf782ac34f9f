import AftercartModel
import Foundation
import Testing

@testable import AftercartConfig

@Suite struct SecretTests {
    @Test func secretNeverPrintsItsValue() {
        let secret = Secret("ck_live_value")
        #expect("\(secret)" == "<redacted>")
        #expect(secret.description == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("ck_live_value"))
        let reference = ConfiguredSecret(source: .inline(secret), file: "f", line: 1, keyPath: "k")
        #expect(!"\(reference)".contains("ck_live_value"))
        var dumpedReference = ""
        dump(reference, to: &dumpedReference)
        #expect(!dumpedReference.contains("ck_live_value"))
        #expect(secret.revealed() == "ck_live_value")
    }

    @Test func environmentSecretsResolveFromTheInjectedEnvironment() throws {
        let folder = try TemporaryFolder()
        try folder.write("config/aftercart.toml", wooStore)
        let configuration = try AftercartConfiguration.load(
            path: folder.path("config/aftercart.toml"), platforms: .shipped)
        let store = try #require(configuration.store(named: "tokyo-woo"))
        let key = try #require(store.secret("consumer_key"))
        #expect(try key.resolve(environment: ["TOKYO_WOO_KEY": "ck_1"]).revealed() == "ck_1")

        let problems = configuration.secretProblems(environment: ["TOKYO_WOO_KEY": "ck_1"])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6)
        #expect(problems.first?.message.contains("TOKYO_WOO_SECRET is not set") == true)
        #expect(
            problems.first?.description.hasSuffix("Example: export TOKYO_WOO_SECRET='…'  (see .env.example)") == true)
    }

    @Test func requiredResolutionFailsTheLoadWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("config/aftercart.toml", wooStore)
        let path = folder.path("config/aftercart.toml")
        #expect(throws: ConfigurationError.self) {
            try AftercartConfiguration.load(path: path, environment: [:], platforms: .shipped, secrets: .required)
        }
        do {
            _ = try AftercartConfiguration.load(
                path: path, environment: ["TOKYO_WOO_KEY": "a"], platforms: .shipped, secrets: .required)
        } catch {
            #expect(error.problems.map(\.line) == [6])
            #expect(error.problems.first?.file == path)
        }
        let ok = try AftercartConfiguration.load(
            path: path, environment: ["TOKYO_WOO_KEY": "a", "TOKYO_WOO_SECRET": "b"], platforms: .shipped,
            secrets: .required)
        #expect(ok.stores.count == 1)
    }

    @Test func groupReadableSecretFileIsRefusedAndPrivateOneAccepted() throws {
        let folder = try TemporaryFolder()
        let config = wooStore.replacingOccurrences(
            of: "consumer_secret = { env = \"TOKYO_WOO_SECRET\" }",
            with: "consumer_secret = { file = \"secrets/woo-secret\" }")
        try folder.write("config/aftercart.toml", config)
        try folder.write("config/secrets/woo-secret", "cs_value\n", mode: 0o644)
        let path = folder.path("config/aftercart.toml")

        do {
            _ = try AftercartConfiguration.load(path: path, platforms: .shipped)
            Issue.record("a 0644 secret file was accepted")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1)
            #expect(problem.line == 6)
            #expect(problem.message.contains("chmod 600"))
            #expect(problem.message.contains("secrets/woo-secret"))
            #expect(problem.message.contains("0644") || problem.message.contains("644"))
        }

        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: folder.path("config/secrets/woo-secret"))
        let configuration = try AftercartConfiguration.load(path: path, platforms: .shipped)
        let secret = try #require(configuration.stores.first?.secret("consumer_secret"))
        // The final newline an editor adds is not part of the secret.
        #expect(try secret.resolve(environment: [:]).revealed() == "cs_value")
    }

    @Test func missingSecretFileIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config/aftercart.toml",
            wooStore.replacingOccurrences(
                of: "{ env = \"TOKYO_WOO_SECRET\" }", with: "{ file = \"nope\" }"))
        #expect(throws: ConfigurationError.self) {
            try AftercartConfiguration.load(path: folder.path("config/aftercart.toml"), platforms: .shipped)
        }
    }

    @Test func inlineSecretLoadsWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config/aftercart.toml",
            wooStore.replacingOccurrences(
                of: "{ env = \"TOKYO_WOO_KEY\" }", with: "\"ck_inline_value\""))
        let configuration = try AftercartConfiguration.load(
            path: folder.path("config/aftercart.toml"), platforms: .shipped)
        #expect(configuration.warnings.count == 1)
        let warning = try #require(configuration.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 5)
        #expect(warning.message.contains("stores[0].consumer_key is written inline"))
        #expect(!warning.description.contains("ck_inline_value"))
        let key = try #require(configuration.stores.first?.secret("consumer_key"))
        #expect(try key.resolve(environment: [:]).revealed() == "ck_inline_value")
    }

    @Test func malformedSecretTablesAreErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config/aftercart.toml",
            wooStore.replacingOccurrences(
                of: "{ env = \"TOKYO_WOO_KEY\" }", with: "{ evn = \"X\" }"))
        do {
            _ = try AftercartConfiguration.load(path: folder.path("config/aftercart.toml"), platforms: .shipped)
            Issue.record("accepted { evn = … }")
        } catch {
            #expect(error.problems.contains { $0.message.contains("did you mean \"env\"") && $0.line == 5 })
        }
    }
}
