public import Foundation

/// Reads and writes the ISO 8601 timestamps that stores send and that the
/// normalized JSON carries.
///
/// Platforms disagree: WooCommerce's `*_gmt` fields are UTC but carry no
/// `Z` (`2026-11-23T01:33:11`), Shopify sends an offset
/// (`2008-01-10T11:00:00-05:00`), others add fractional seconds. One small
/// parser handles all of them without `DateFormatter`, which is slow and
/// locale-dependent on a sync of a million orders.
public enum Timestamp {
    /// Parses an ISO 8601 date-time. Text without a zone designator is read
    /// in `zoneless` (UTC unless told otherwise). Returns `nil` when the text
    /// is not a complete date-time: a bare date is rejected, as WooCommerce
    /// itself does.
    public static func parse(_ text: some StringProtocol, zoneless: TimeZone = .gmt) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.consume("-"),
            let month = scanner.number(digits: 2), scanner.consume("-"),
            let day = scanner.number(digits: 2),
            scanner.consume("T") || scanner.consume("t") || scanner.consume(" "),
            let hour = scanner.number(digits: 2), scanner.consume(":"),
            let minute = scanner.number(digits: 2), scanner.consume(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        var fraction = 0.0
        if scanner.consume(".") || scanner.consume(",") {
            guard let digits = scanner.fractionDigits() else { return nil }
            fraction = digits
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let wallSeconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
        if scanner.atEnd {
            let guess = Date(timeIntervalSince1970: wallSeconds)
            let offset = zoneless.secondsFromGMT(for: guess)
            let adjusted = Date(timeIntervalSince1970: wallSeconds - Double(offset))
            return Date(timeIntervalSince1970: wallSeconds - Double(zoneless.secondsFromGMT(for: adjusted)))
        }
        if scanner.consume("Z") || scanner.consume("z") {
            return scanner.atEnd ? Date(timeIntervalSince1970: wallSeconds) : nil
        }
        let sign: Int
        if scanner.consume("+") {
            sign = 1
        } else if scanner.consume("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = scanner.number(digits: 2) else { return nil }
        _ = scanner.consume(":")
        let offsetMinutes = scanner.atEnd ? 0 : scanner.number(digits: 2)
        guard let offsetMinutes, scanner.atEnd, offsetHours < 24, offsetMinutes < 60 else { return nil }
        let offset = sign * (offsetHours * 3_600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: wallSeconds - Double(offset))
    }

    /// Formats `date` as UTC with `Z`; milliseconds appear only when non-zero.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendUTF8(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``format(_:)`` written as ASCII bytes onto `bytes`: the stored JSON
    /// carries several times per order, and building each through `String`
    /// showed in a sync's profile.
    public static func appendUTF8(_ date: Date, to bytes: inout [UInt8]) {
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(seconds)) * 1000).rounded())
        if millis == 1000 {
            seconds += 1
            millis = 0
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        append(abs(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        append(secondOfDay / 3_600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 3_600 / 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, width: 2, to: &bytes)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            append(millis, width: 3, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `value` (not negative) in decimal, zero-padded to at least `width` digits.
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(count, width)))
        var position = bytes.count - 1
        rest = value
        repeat {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            position -= 1
        } while rest > 0
    }

    // Howard Hinnant's days-from-civil algorithm: exact for the proleptic
    // Gregorian calendar, no Calendar object needed.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A cursor over ASCII bytes for the timestamp grammar.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func fractionDigits() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            value += Double(bytes[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }
}
