import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation

/// One store's kept facts as `status` shows them, with warnings: a
/// read-only key, a webhook the store disabled, a config that disagrees
/// with the store.
struct StatusStoreFacts: Encodable {
    var store: StoreID
    var checkedAt: Date
    var timeZone: String?
    var language: String?
    var pricesIncludeTax: Bool?
    var writePermission: String?
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case store
        case checkedAt = "checked_at"
        case timeZone = "time_zone"
        case language
        case pricesIncludeTax = "prices_include_tax"
        case writePermission = "write_permission"
        case warnings
    }

    static func gather(
        from persistence: any Persistence, configuration: AftercartConfiguration
    ) async throws -> [StatusStoreFacts] {
        guard let database = persistence as? any StoreFactsStore else { return [] }
        var lines: [StatusStoreFacts] = []
        for store in configuration.stores {
            guard let kept = try await StoreFactsBook.load(store: store.id, from: database) else { continue }
            let facts = kept.facts
            lines.append(
                StatusStoreFacts(
                    store: store.id, checkedAt: kept.checkedAt, timeZone: facts.timeZoneIdentifier,
                    language: facts.language, pricesIncludeTax: facts.pricesIncludeTax,
                    writePermission: facts.writePermission?.rawValue,
                    warnings: StoreFactsBook.disagreements(store, facts: facts)
                        + StoreFactsBook.alerts(facts, publicURL: configuration.server.publicURL)))
        }
        return lines
    }

    static func text(_ lines: [StatusStoreFacts]) -> String {
        guard !lines.isEmpty else { return "" }
        var output = "\nstores (as they last reported):"
        for line in lines {
            var parts = ["checked \(Timestamp.format(line.checkedAt))"]
            if let zone = line.timeZone { parts.append(zone) }
            if let language = line.language { parts.append("language \(language)") }
            if let included = line.pricesIncludeTax {
                parts.append(included ? "prices include tax" : "prices exclude tax")
            }
            if let permission = line.writePermission { parts.append("key \(permission)") }
            output += "\n  \(line.store): " + parts.joined(separator: ", ")
            for warning in line.warnings { output += "\n    warning: \(warning)" }
        }
        return output
    }
}
