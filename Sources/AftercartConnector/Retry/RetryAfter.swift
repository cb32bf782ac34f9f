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
