import AftercartConfig
import AftercartConnector
import AftercartServer
import AftercartStore
import Foundation
import Logging

/// `check`'s second half: one call per store with its real credentials.
enum StoreProbe {
    /// Prints each store's facts and capabilities; returns whether every store answered.
    ///
    /// - Parameters:
    ///   - publicURL: `[server] public_url`, where the stores' webhook
    ///     subscriptions should point.
    ///   - database: where the facts each store reports are kept, for
    ///     planning (``StoreFactsBook``); `nil` keeps nothing.
    ///   - vault: where tokens issued to apps are kept (the database's).
    static func checkAll(
        _ stores: [StoreConfiguration], publicURL: URL? = nil, database: (any StoreFactsStore)? = nil,
        vault: (any CredentialVault)? = nil, logger: Logger
    ) async throws -> Bool {
        let client = HTTPClientFactory.makeClient()
        let environment = ConnectorEnvironment(
            client: client, logger: logger, vault: vault, publicURL: publicURL?.absoluteString)
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
                if let credential = facts.credential { print("  credential: \(credential)") }
                if let permission = StoreFactsLines.permission(facts) {
                    print("  \(permission)")
                }
                let address = publicURL.map {
                    WebhookRegistration.address(publicURL: $0, platform: connector.platform, store: connector.store)
                }
                let (capabilities, webhookWarnings) = StoreFactsLines.capabilities(
                    connector, facts: facts, address: address)
                for capability in capabilities { print("  \(capability)") }
                print("  " + describe(facts, configured: entry))
                // The key's permission and the webhooks are on the lines above.
                for warning in facts.warnings + webhookWarnings + StoreFactsBook.disagreements(entry, facts: facts) {
                    print("  warning: \(warning)")
                }
                if let database {
                    do {
                        try await StoreFactsBook.save(facts, store: entry.id, at: Date(), in: database)
                    } catch {
                        logger.warning("could not keep the store's facts", metadata: ["error": "\(error)"])
                    }
                }
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

    /// `language ja, prices include tax, time zone Asia/Tokyo (from the store)`.
    static func describe(_ facts: StoreFacts, configured entry: StoreConfiguration) -> String {
        var parts: [String] = []
        parts.append("language \(facts.language ?? "unknown")")
        switch facts.pricesIncludeTax {
        case true?: parts.append("prices include tax")
        case false?: parts.append("prices exclude tax")
        case nil: break
        }
        if !entry.timeZoneIsConfigured {
            parts.append(
                "time zone \(facts.timeZoneIdentifier ?? "unknown, so UTC") (from the store; timezone is not set)")
        }
        return parts.joined(separator: ", ")
    }
}
