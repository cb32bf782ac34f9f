import Foundation

/// Epoch-second timestamps rendered and parsed by hand.
///
/// Formatting millions of dates through `DateFormatter` would dominate response time,
/// and the emulator needs byte-stable output, so this uses the days-from-civil algorithm.
struct CivilTime {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    init(epochSeconds: Int64) {
        let days = Int(epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400)
        let secs = Int(epochSeconds - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = secs / 3600
        minute = secs % 3600 / 60
        second = secs % 60
    }

    var epochSeconds: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// `YYYY-MM-DDTHH:MM:SS` with no zone designator (WooCommerce style).
    var isoLocal: String {
        var s = ""
        s.reserveCapacity(25)
        CivilTime.pad(&s, year, 4)
        s.append("-")
        CivilTime.pad(&s, month, 2)
        s.append("-")
        CivilTime.pad(&s, day, 2)
        s.append("T")
        CivilTime.pad(&s, hour, 2)
        s.append(":")
        CivilTime.pad(&s, minute, 2)
        s.append(":")
        CivilTime.pad(&s, second, 2)
        return s
    }

    private static func pad(_ s: inout String, _ value: Int, _ width: Int) {
        let digits = String(value)
        if digits.count < width { s.append(String(repeating: "0", count: width - digits.count)) }
        s.append(digits)
    }

    /// Formats an offset like `-05:00`.
    static func offsetString(_ offsetSeconds: Int) -> String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let a = abs(offsetSeconds)
        var s = sign
        pad(&s, a / 3600, 2)
        s.append(":")
        pad(&s, a % 3600 / 60, 2)
        return s
    }
}

/// A parsed ISO 8601 input: the wall-clock seconds and, if the text carried one, its offset.
struct ParsedTimestamp {
    /// Seconds as if the wall-clock reading were UTC.
    var wallSeconds: Int64
    /// Offset from UTC in seconds when the text had `Z` or `±HH:MM`.
    var offsetSeconds: Int?

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`; a bare date is rejected, as WordPress does.
    static func parse(_ text: String) -> ParsedTimestamp? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":")
        else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2),
            let mi = num(14, 2), let s = num(17, 2),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        var offset: Int?
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                offset = 0
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let negative = b[i] == UInt8(ascii: "-")
                guard i + 3 <= b.count, let oh = num(i + 1, 2) else { return nil }
                var om = 0
                var j = i + 3
                if j < b.count, b[j] == UInt8(ascii: ":") { j += 1 }
                if j + 2 <= b.count, let m = num(j, 2) {
                    om = m
                    j += 2
                }
                offset = (negative ? -1 : 1) * (oh * 3600 + om * 60)
                i = j
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let wall = CivilTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s).epochSeconds
        return ParsedTimestamp(wallSeconds: wall, offsetSeconds: offset)
    }
}
