import Foundation

/// Days, weeks and months as a store counts them: in its time zone, weeks
/// starting on Monday.
struct StoreCalendar: Sendable {
    let timeZone: TimeZone
    let calendar: Calendar
    private let dayFormatter: DateFormatter

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        self.calendar = calendar
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        dayFormatter = formatter
    }

    /// The first instant of the day `text` (`yyyy-MM-dd`), or `nil` when it is no such date.
    func startOfDay(_ text: String) -> Date? {
        guard text.utf8.count == 10, let date = dayFormatter.date(from: text), day(date) == text else { return nil }
        return calendar.startOfDay(for: date)
    }

    /// `yyyy-MM-dd` of the day holding `date`.
    func day(_ date: Date) -> String { dayFormatter.string(from: date) }

    /// The first instant of the day after the one holding `date`.
    func startOfNextDay(_ date: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date)) ?? date.addingTimeInterval(86_400)
    }

    /// `date` moved by `days` calendar days (a DST day is 23 or 25 hours).
    func adding(days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: date) ?? date.addingTimeInterval(Double(days) * 86_400)
    }

    /// The Monday starting the week that holds `date`, as its first instant.
    func weekStart(_ date: Date) -> Date {
        let start = calendar.startOfDay(for: date)
        let weekday = calendar.component(.weekday, from: start)  // 1 = Sunday
        return adding(days: -((weekday + 5) % 7), to: start)
    }

    /// A month as one number (`year * 12 + month - 1`), to count months between.
    func monthIndex(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return (parts.year ?? 0) * 12 + (parts.month ?? 1) - 1
    }

    /// `yyyy-MM` of a ``monthIndex(_:)``.
    static func monthText(_ index: Int) -> String {
        let year = index / 12
        let month = index % 12 + 1
        return String(format: "%04d-%02d", year, month)
    }
}
