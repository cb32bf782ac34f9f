/// The daily window in which marketing messages wait, in the store's time
/// zone: `"21:00-09:00"` (the default) wraps past midnight.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after midnight when quiet starts (inclusive).
    public var startMinute: Int
    /// Minutes after midnight when quiet ends (exclusive).
    public var endMinute: Int

    /// A window from `startMinute` to `endMinute`.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// 21:00 to 09:00.
    public static let `default` = QuietHours(startMinute: 21 * 60, endMinute: 9 * 60)

    /// Parses `"HH:MM-HH:MM"` (24-hour clock); `nil` otherwise or when both
    /// ends are equal (an empty or a full-day window is never what was meant;
    /// write `quiet_hours = "off"` to disable).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let start = QuietHours.minute(of: parts[0].trimmingSpaces),
            let end = QuietHours.minute(of: parts[1].trimmingSpaces),
            start != end
        else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    /// Whether a time of day (minutes after midnight) falls inside the window.
    public func contains(minuteOfDay minute: Int) -> Bool {
        if startMinute < endMinute { return minute >= startMinute && minute < endMinute }
        return minute >= startMinute || minute < endMinute
    }

    /// `"21:00-09:00"`.
    public var description: String {
        "\(QuietHours.clock(startMinute))-\(QuietHours.clock(endMinute))"
    }

    private static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    private static func minute(of text: Substring) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count <= 2, pieces[1].count == 2,
            let hours = Int(pieces[0]), let minutes = Int(pieces[1]),
            (0...23).contains(hours), (0...59).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
