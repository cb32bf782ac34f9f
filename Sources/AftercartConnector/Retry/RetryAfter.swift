public import Foundation

/// Reads a `Retry-After` header: delay-seconds (`"2"`, and the float
/// `"2.0"` Shopify sends) or an HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`).
public enum RetryAfter {
    /// The wait the header asks for, measured from `now`; `nil` when the
    /// header is absent or unreadable. A date in the past means zero.
    public static func parse(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite {
            return .seconds(double: seconds)
        }
        guard let date = httpDate(value) else { return nil }
        return .seconds(double: date.timeIntervalSince(now))
    }

    /// The wait a 429 without `Retry-After` implies through
    /// `X-RateLimit-Reset`: a Unix time in seconds (AfterShip, GitHub) or,
    /// for a small number, the seconds left (some APIs send the delay).
    /// `nil` when absent or unreadable; a time in the past means zero.
    public static func rateLimitReset(_ value: String?, now: Date) -> Duration? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), let number = Double(text), number.isFinite,
            number >= 0
        else { return nil }
        // A delay is seconds; anything past 2001 is a time.
        let seconds = number > 1_000_000_000 ? number - now.timeIntervalSince1970 : number
        return .seconds(double: max(0, seconds))
    }

    /// Parses the three date forms RFC 9110 requires recipients to accept:
    /// IMF-fixdate, obsolete RFC 850 and asctime.
    public static func httpDate(_ text: String) -> Date? {
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
