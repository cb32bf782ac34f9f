/// Why a report could not be made; the text says what to change.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store is not configured.
    case unknownStore(String, known: [String])
    /// `--from`/`--to` is not a `yyyy-MM-dd` date.
    case badDate(option: String, value: String)
    /// The period ends before it starts.
    case periodReversed(from: String, to: String)

    public var description: String {
        switch self {
        case .unknownStore(let name, let known):
            "store \"\(name)\" is not configured (configured: \(known.joined(separator: ", "))); check --store"
        case .badDate(let option, let value):
            "\(option) \"\(value)\" is not a date like 2026-11-01 (yyyy-MM-dd, in the store's time zone)"
        case .periodReversed(let from, let to):
            "--from \(from) is after --to \(to); the period must start on or before its last day"
        }
    }
}
