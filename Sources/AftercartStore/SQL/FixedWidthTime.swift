import AftercartModel
import Foundation

/// How SQLite stores a `Date`, and how both databases show one in a text:
/// UTC ISO 8601 with exactly three fractional digits,
/// `2026-11-02T03:04:05.000Z`.
///
/// Fixed width makes text order equal time order, so `not_before <= ?` and
/// `ORDER BY created_at` are correct on SQLite's text columns, and a
/// `sqlite3` shell stays readable. ``Timestamp/format(_:)`` drops `.000`,
/// which would break that order (`05.500Z` sorts before `05Z`), hence the
/// padding. Milliseconds are SQLite's stored precision.
enum FixedWidthTime {
    static func text(_ date: Date) -> String {
        let compact = Timestamp.format(date)
        guard !compact.contains(".") else { return compact }
        return String(compact.dropLast()) + ".000Z"
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap { Timestamp.parse($0) }
    }
}
