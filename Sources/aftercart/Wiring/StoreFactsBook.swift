import AftercartConfig
import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation
import Logging

/// The facts each store reported (``StoreFacts``), kept in the database:
/// `check` saves them, `sync` and `run` refresh them when they are older
/// than ``maximumAge``, and every command that plans applies them to the
/// config, so a store's own time zone and language are used where the
/// config names none.
enum StoreFactsBook {
    /// Facts change rarely (a store moves zone or language once in years);
    /// a day keeps a refresh to one `check` per store per day.
    static let maximumAge: TimeInterval = 86_400

    static func save(_ facts: StoreFacts, store: StoreID, at now: Date, in database: any StoreFactsStore) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(facts), as: UTF8.self)
        try await database.saveStoreFacts(json, store: store, checkedAt: now)
    }

    /// The kept facts of `store`; `nil` before the first check, or when
    /// what is kept no longer decodes (it is then learned again).
    static func load(store: StoreID, from database: any StoreFactsStore) async throws -> (
        facts: StoreFacts, checkedAt: Date
    )? {
        guard let kept = try await database.storeFacts(store: store),
            let facts = try? JSONDecoder().decode(StoreFacts.self, from: Data(kept.json.utf8))
        else { return nil }
        return (facts, kept.checkedAt)
    }

    /// Asks each store whose facts are missing or stale and keeps the
    /// answer. A store that cannot answer keeps its old facts; its sync
    /// reports the failure.
    static func refresh(
        _ connectors: [any StoreConnector], in persistence: any Persistence, now: Date, logger: Logger
    ) async {
        guard let database = persistence as? any StoreFactsStore else { return }
        for connector in connectors {
            do {
                if let kept = try await load(store: connector.store, from: database),
                    now.timeIntervalSince(kept.checkedAt) < maximumAge
                {
                    continue
                }
                let facts = try await connector.check()
                try await save(facts, store: connector.store, at: now, in: database)
                logger.info(
                    "store facts refreshed",
                    metadata: [
                        "store": "\(connector.store)", "timezone": "\(facts.timeZoneIdentifier ?? "-")",
                        "language": "\(facts.language ?? "-")",
                    ])
            } catch {
                logger.warning(
                    "could not refresh the store's facts; keeping the last ones",
                    metadata: ["store": "\(connector.store)", "error": "\(error)"])
            }
        }
    }

    /// `configuration` with each store's own time zone where the config
    /// sets none, and its language.
    static func applied(
        to configuration: AftercartConfiguration, from persistence: any Persistence
    ) async -> AftercartConfiguration {
        guard let database = persistence as? any StoreFactsStore else { return configuration }
        var configuration = configuration
        for index in configuration.stores.indices {
            let store = configuration.stores[index]
            guard let kept = try? await load(store: store.id, from: database) else { continue }
            configuration.stores[index] = applying(kept.facts, to: store)
        }
        return configuration
    }

    static func applying(_ facts: StoreFacts, to store: StoreConfiguration) -> StoreConfiguration {
        var store = store
        if !store.timeZoneIsConfigured, let zone = facts.timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) {
            store.timeZone = zone
        }
        store.siteLanguage = facts.language
        // A WooCommerce site without a title reports the config's name; that is no shop name.
        if !facts.name.isEmpty, facts.name != store.name { store.shopName = facts.name }
        return store
    }

    /// Where the config and the store disagree, for `check` and `status`.
    static func disagreements(_ store: StoreConfiguration, facts: StoreFacts) -> [String] {
        var found: [String] = []
        if store.timeZoneIsConfigured, let zone = facts.timeZoneIdentifier,
            let storeZone = TimeZone(identifier: zone),
            storeZone.identifier != store.timeZone.identifier,
            storeZone.secondsFromGMT() != store.timeZone.secondsFromGMT()
        {
            found.append(
                "timezone is set to \(store.timeZone.identifier) but the store says \(zone); quiet hours follow the config"
            )
        }
        return found
    }

    /// What a kept fact says that needs the merchant: a read-only key, a
    /// webhook the store disabled or paused. With `publicURL`, only the
    /// webhooks that deliver to this server count.
    static func alerts(_ facts: StoreFacts, publicURL: URL? = nil) -> [String] {
        var found: [String] = []
        // The same words `check` prints.
        if facts.writePermission == .readOnly, let line = StoreFactsLines.permission(facts) { found.append(line) }
        let prefix = publicURL.map { url in
            var text = url.absoluteString
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        for webhook in facts.webhooks ?? [] {
            if let prefix, !webhook.address.hasPrefix(prefix) { continue }
            if let warning = StoreFactsLines.inactive(webhook) { found.append(warning) }
        }
        return found
    }
}
