public import Foundation

extension ReportPeriod {
    /// The days `from` to `to` (both included) in `calendar`'s time zone;
    /// without `to`, today at `now`; without `from`, the 30 days ending on `to`.
    static func resolve(from: String?, to: String?, now: Date, calendar: StoreCalendar) throws(ReportError)
        -> ReportPeriod
    {
        let lastDay: Date
        if let to {
            guard let day = calendar.startOfDay(to) else { throw .badDate(option: "--to", value: to) }
            lastDay = day
        } else {
            lastDay = calendar.calendar.startOfDay(for: now)
        }
        let firstDay: Date
        if let from {
            guard let day = calendar.startOfDay(from) else { throw .badDate(option: "--from", value: from) }
            firstDay = day
        } else {
            firstDay = calendar.adding(days: -29, to: lastDay)
        }
        let fromText = calendar.day(firstDay)
        let toText = calendar.day(lastDay)
        guard firstDay <= lastDay else { throw .periodReversed(from: fromText, to: toText) }
        return ReportPeriod(from: fromText, to: toText, start: firstDay, end: calendar.startOfNextDay(lastDay))
    }

    /// Whether `text` is a real calendar day written `yyyy-MM-dd` (not
    /// `2026-02-30`), as `from` and `to` must be; which day it is does not
    /// depend on the time zone.
    public static func isDay(_ text: String) -> Bool {
        StoreCalendar(timeZone: TimeZone(identifier: "UTC")!).startOfDay(text) != nil
    }

    /// `yyyy-MM-dd` of the day holding `date` in `timeZone`, as `from` and `to` are written.
    public static func day(of date: Date, in timeZone: TimeZone) -> String {
        StoreCalendar(timeZone: timeZone).day(date)
    }
}
