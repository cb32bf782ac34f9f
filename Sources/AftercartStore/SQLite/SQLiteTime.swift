import AftercartModel
import Foundation

/// How the SQLite backend stores a `Date`: UTC ISO 8601 text with exactly
/// three fractional digits, `2026-11-02T03:04:05.000Z`.
///
/// Fixed width makes text order equal time order, so `not_before <= ?` and
/// `ORDER BY created_at` are correct, and a `sqlite3` shell stays readable.
/// ``Timestamp/format(_:)`` drops `.000`, which would break that order
/// (`05.500Z` sorts before `05Z`), hence the padding. Milliseconds are the
/// stored precision.
enum SQLiteTime {
    static func text(_ date: Date) -> String {
        let compact = Timestamp.format(date)
        guard !compact.contains(".") else { return compact }
        return String(compact.dropLast()) + ".000Z"
    }

    static func text(ifPresent date: Date?) -> String? {
        date.map { text($0) }
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap { Timestamp.parse($0) }
    }
}
