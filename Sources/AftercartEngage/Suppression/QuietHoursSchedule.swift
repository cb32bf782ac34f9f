import AftercartConfig
import Foundation

/// Moves a marketing message out of the store's quiet hours: a time inside
/// the window becomes the window's end, local time, in the store's zone.
/// Messages wait; they are never dropped.
struct QuietHoursSchedule: Sendable {
    var quietHours: QuietHours?
    var calendar: Calendar

    init(quietHours: QuietHours?, timeZone: TimeZone) {
        self.quietHours = quietHours
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `date`, or the end of the quiet window it falls in.
    func adjust(_ date: Date) -> Date {
        guard let quietHours else { return date }
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        guard quietHours.contains(minuteOfDay: minute) else { return date }
        let day = calendar.startOfDay(for: date)
        guard
            var end = calendar.date(
                bySettingHour: quietHours.endMinute / 60, minute: quietHours.endMinute % 60, second: 0, of: day,
                matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward)
        else { return date }
        if end <= date {
            end = calendar.date(byAdding: .day, value: 1, to: end) ?? end.addingTimeInterval(86_400)
        }
        return end
    }
}
