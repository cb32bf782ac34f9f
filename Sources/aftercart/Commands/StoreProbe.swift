import AftercartConfig
import AftercartConnector
import Foundation
import Logging

/// `check`'s second half: one call per store with its real credentials.
enum StoreProbe {
    /// Prints each store's facts and capabilities; returns whether every store answered.
    static func checkAll(_ stores: [StoreConfiguration], logger: Logger) async throws -> Bool {
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
                for capability in connector.capabilities.summary { print("  \(capability)") }
                for warning in facts.warnings { print("  warning: \(warning)") }
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
