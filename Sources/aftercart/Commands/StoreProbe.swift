import AftercartConfig
import AftercartConnector
import AftercartServer
import Foundation
import Logging

/// `check`'s second half: one call per store with its real credentials.
enum StoreProbe {
    /// Prints each store's facts and capabilities; returns whether every store answered.
    ///
    /// - Parameter publicURL: `[server] public_url`, where the stores' webhook
    ///   subscriptions should point.
    static func checkAll(_ stores: [StoreConfiguration], publicURL: URL? = nil, logger: Logger) async throws -> Bool {
        let client = HTTPClientFactory.makeClient()
        let environment = ConnectorEnvironment(client: client, logger: logger)
        var allGood = true
        for entry in stores {
            do {
                let settings = try ConnectorSettings(entry, environment: ProcessInfo.processInfo.environment)
                let connector = try Platforms.registry.connector(for: settings, environment: environment)
                let facts = try await connector.check()
                var line = "\(entry.name): ok — \(entry.platform) store \"\(facts.name)\""
                if let currency = facts.currency { line += ", \(currency)" }
                if let zone = facts.timeZoneIdentifier { line += ", \(zone)" }
                if let version = facts.platformVersion { line += ", version \(version)" }
                print(line)
                if let permission = StoreFactsLines.permission(facts) {
                    print("  \(permission)")
                }
                let address = publicURL.map {
                    WebhookRegistration.address(publicURL: $0, platform: connector.platform, store: connector.store)
                }
                let (capabilities, webhookWarnings) = StoreFactsLines.capabilities(
                    connector, facts: facts, address: address)
                for capability in capabilities { print("  \(capability)") }
                for warning in facts.warnings + webhookWarnings { print("  warning: \(warning)") }
            } catch let error as ConnectorError {
                allGood = false
                ConsoleReport.error(error.description)
            } catch let error as ConnectorSetupError {
                allGood = false
                ConsoleReport.error(error.description)
            } catch let error as ConfigurationError {
                allGood = false
                ConsoleReport.problems(error.problems, warnings: [])
            }
        }
        try? await client.shutdown()
        return allGood
    }
}
