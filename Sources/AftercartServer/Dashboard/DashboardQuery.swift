import AftercartModel
import AftercartOutcomes
import Foundation

/// What `GET /dashboard?store=NAME&from=yyyy-MM-dd&to=yyyy-MM-dd` asks for,
/// checked before any report is computed.
struct DashboardQuery: Equatable {
    var store: DashboardStore
    var from: String?
    var to: String?

    /// Why a query was refused.
    enum Refusal: Error, Equatable {
        /// No configured store has that name (404).
        case unknownStore
        /// A date that is not `yyyy-MM-dd`, or a first day after the last (400).
        case badDate(DashboardStore)
    }

    /// The query of `fields` for one of `stores` (the first when none is named).
    static func parse(_ fields: [String: String], stores: [DashboardStore]) -> Result<DashboardQuery, Refusal> {
        let store: DashboardStore?
        if let name = fields["store"], !name.isEmpty {
            store = stores.first { $0.id.rawValue == name }
        } else {
            store = stores.first
        }
        guard let store else { return .failure(.unknownStore) }
        let from = fields["from"].flatMap { $0.isEmpty ? nil : $0 }
        let to = fields["to"].flatMap { $0.isEmpty ? nil : $0 }
        for date in [from, to].compactMap({ $0 }) where !isDate(date) { return .failure(.badDate(store)) }
        // Same-length ISO dates order as text.
        if let from, let to, from > to { return .failure(.badDate(store)) }
        return .success(DashboardQuery(store: store, from: from, to: to))
    }

    /// Whether `text` is a real calendar day written `yyyy-MM-dd` (not
    /// `2026-02-30`), as the report reads it, and not before 1970.
    static func isDate(_ text: String) -> Bool {
        ReportPeriod.isDay(text) && text >= "1970-01-01"
    }
}
