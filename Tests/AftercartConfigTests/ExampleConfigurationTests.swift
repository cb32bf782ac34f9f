import Foundation
import Testing

@testable import AftercartConfig

@Suite struct ExampleConfigurationTests {
    /// The example as `aftercart init` builds it, from the shipped adapters.
    let example = ExampleConfiguration(platforms: .shipped)

    @Test func embeddedExampleMatchesTheRepositoryFilesByteForByte() throws {
        let toml = try Data(contentsOf: repositoryRoot.appendingPathComponent("config/aftercart.example.toml"))
        let env = try Data(contentsOf: repositoryRoot.appendingPathComponent("config/env.example"))
        #expect(Data(example.toml.utf8) == toml)
        #expect(Data(example.environmentExample.utf8) == env)
    }

    @Test func exampleValidatesWithoutWarningsWhileItsVariablesAreUnset() throws {
        let folder = try TemporaryFolder()
        let installation = try example.install(into: folder.url)
        let configuration = try AftercartConfiguration.load(
            path: installation.configFile.path, environment: [:], platforms: .shipped)
        #expect(configuration.warnings == [])
        #expect(configuration.stores.map(\.name) == ["tokyo-woo", "osaka-shopify"])
        #expect(configuration.stores.map(\.platform) == ["woocommerce", "shopify"])
        // The two review campaigns of the example, then the shipped campaign files by name.
        #expect(
            configuration.campaigns.map(\.name) == [
                "review-request", "review-thank-you", "order-confirmation", "points-expiring", "shipping-updates",
                "tier-changed", "win-back",
            ])
        let reviewRequest = configuration.campaigns[0]
        #expect(reviewRequest.trigger == .delivered)
        #expect(reviewRequest.pushBack == [.orderNote])
        #expect(!reviewRequest.conditions.usesRatings)
        #expect(configuration.campaigns[1].isReviewReward)
        #expect(!configuration.campaigns[1].conditions.usesRatings)
        #expect(configuration.stores[0].loyalty?.pointsKey == "points")
        #expect(configuration.stores[1].loyalty?.namespace == "loyalty")
        // The WooCommerce store takes its zone from the store; the Shopify one names it.
        #expect(!configuration.stores[0].timeZoneIsConfigured)
        #expect(configuration.stores[1].timeZone.identifier == "Asia/Tokyo")

        // Unset variables surface at resolution, each with its line.
        let problems = configuration.secretProblems(environment: [:])
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.line != nil && $0.message.contains("is not set") })
        #expect(configuration.secretProblems(environment: [:], store: "osaka-shopify").count == 1)

        // Every variable the example names is in .env.example.
        for case .environment(let name) in configuration.secretReferences().map(\.source) {
            #expect(example.environmentExample.contains("\n\(name)="))
        }
        let environment = Dictionary(
            uniqueKeysWithValues: example.environmentExample
                .split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }
                .map { line in
                    let parts = line.split(separator: "=", maxSplits: 1)
                    return (String(parts[0]), String(parts[1]))
                })
        _ = try AftercartConfiguration.load(
            path: installation.configFile.path, environment: environment, platforms: .shipped, secrets: .required)
    }

    @Test func installWritesWhatIsMissingAndKeepsWhatWasEdited() throws {
        let folder = try TemporaryFolder()
        let first = try example.install(into: folder.url)
        #expect(first.files.count == 2 + ShippedFiles.editable.count)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("config/locales").path))
        #expect(first.files.allSatisfy { $0.outcome == .written })
        let template = folder.url.appendingPathComponent("config/templates/win-back.text.mustache")
        let campaign = folder.url.appendingPathComponent("config/campaigns/win-back.toml")
        try Data("Come back, {{customer.first_name}}!\n".utf8).write(to: template)
        try Data("# edited\n".utf8).write(to: first.configFile)
        try FileManager.default.removeItem(at: campaign)

        let second = try example.install(into: folder.url)
        let outcomes = Dictionary(uniqueKeysWithValues: second.files.map { ($0.url.path, $0.outcome) })
        #expect(outcomes[template.path] == .kept)
        #expect(outcomes[first.configFile.path] == .kept)
        #expect(outcomes[campaign.path] == .written)
        #expect(outcomes[first.environmentFile.path] == .unchanged)
        #expect(second.files.filter { $0.outcome == .unchanged }.count == second.files.count - 3)
        #expect(try String(contentsOf: template, encoding: .utf8) == "Come back, {{customer.first_name}}!\n")
        #expect(try String(contentsOf: first.configFile, encoding: .utf8) == "# edited\n")

        let forced = try example.install(into: folder.url, overwrite: true)
        #expect(
            forced.files.filter { $0.outcome == .written }.map(\.url.path).sorted()
                == [first.configFile.path, template.path].sorted())
        #expect(try String(contentsOf: first.configFile, encoding: .utf8) == example.toml)
    }

    @Test func theRepositoryConfigFolderValidates() throws {
        let path = repositoryRoot.appendingPathComponent("config/aftercart.example.toml").path
        let configuration = try AftercartConfiguration.load(path: path, environment: [:], platforms: .shipped)
        // The two review campaigns of the example plus the five shipped in config/campaigns/.
        #expect(
            Set(configuration.campaigns.map(\.name)) == [
                "review-request", "review-thank-you", "order-confirmation", "shipping-updates", "points-expiring",
                "tier-changed", "win-back",
            ])
    }
}
