import AftercartModel
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

    /// Whether `text` is a real calendar day written `yyyy-MM-dd` (not `2026-02-30`).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard year >= 1970, let date = calendar.date(from: components) else { return false }
        return calendar.dateComponents([.year, .month, .day], from: date) == components
    }
}
