public import Foundation

/// A span of time written the way merchants write it: `"30s"`, `"15m"`,
/// `"1h"`, `"7d"`, `"2w"`, or combined, largest unit first: `"1h30m"`.
///
/// Whole seconds only: schedules and delays never need less, and integers
/// compare and hash exactly.
public struct ConfigDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Int

    /// A duration of `seconds` seconds.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Parses `"1h30m"`-style text; `nil` for anything else (no unit, unknown
    /// unit, negative numbers, spaces, repeated or out-of-order units).
    public init?(_ text: String) {
        guard case .success(let duration) = ConfigDuration.parse(text) else { return nil }
        self = duration
    }

    /// `seconds` as a `TimeInterval`.
    public var timeInterval: TimeInterval { TimeInterval(seconds) }

    /// `Duration` for clocks and `Task.sleep`.
    public var duration: Duration { .seconds(seconds) }

    /// Shorthand constructors.
    public static func minutes(_ minutes: Int) -> ConfigDuration { ConfigDuration(seconds: minutes * 60) }
    /// Shorthand constructors.
    public static func hours(_ hours: Int) -> ConfigDuration { ConfigDuration(seconds: hours * 3600) }
    /// Shorthand constructors.
    public static func days(_ days: Int) -> ConfigDuration { ConfigDuration(seconds: days * 86_400) }

    /// The canonical text, the inverse of parsing: `5400` seconds is `"1h30m"`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var text = ""
        for unit in Self.units {
            let count = rest / unit.seconds
            if count > 0 {
                text += "\(count)\(unit.symbol)"
                rest -= count * unit.seconds
            }
        }
        return text
    }

    public static func < (lhs: ConfigDuration, rhs: ConfigDuration) -> Bool { lhs.seconds < rhs.seconds }

    /// Decodes from the text form, so JSON and config agree.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = ConfigDuration(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a duration like \"15m\": \(text)"))
        }
        self = parsed
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static let units: [(symbol: Character, seconds: Int)] = [
        ("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
    ]

    /// The parse with a reason on failure, for messages.
    static func parse(_ text: String) -> Result<ConfigDuration, DurationParseFailure> {
        guard !text.isEmpty else { return .failure(.empty) }
        var total = 0
        var digits = ""
        var lastUnitIndex = -1
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if character.isWhitespace { return .failure(.space) }
            guard let unitIndex = units.firstIndex(where: { $0.symbol == character }) else {
                return .failure(.unknownUnit(character))
            }
            guard let count = Int(digits) else { return .failure(.missingNumber) }
            guard unitIndex > lastUnitIndex else { return .failure(.unitOrder) }
            let (product, overflow1) = count.multipliedReportingOverflow(by: units[unitIndex].seconds)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { return .failure(.tooLong) }
            total = sum
            lastUnitIndex = unitIndex
            digits = ""
        }
        guard digits.isEmpty else { return .failure(.missingUnit) }
        return .success(ConfigDuration(seconds: total))
    }
}

/// Why a duration did not parse; phrased for a merchant.
enum DurationParseFailure: Error, Sendable, CustomStringConvertible {
    case empty
    case missingUnit
    case missingNumber
    case unknownUnit(Character)
    case unitOrder
    case tooLong
    case space

    var description: String {
        switch self {
        case .empty: "is empty"
        case .missingUnit: "needs a unit (s, m, h, d or w) after the number"
        case .missingNumber: "needs a number before each unit"
        case .unknownUnit(let unit): "has \"\(unit)\", which is not a unit (use s, m, h, d or w)"
        case .unitOrder: "repeats a unit or puts a smaller unit first"
        case .tooLong: "is too long"
        case .space: "contains a space; write it without one, like \"7d\" or \"1h30m\""
        }
    }
}
