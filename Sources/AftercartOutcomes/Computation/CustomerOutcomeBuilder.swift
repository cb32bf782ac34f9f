import AftercartModel
import AftercartStore
import Foundation

/// Folds a store's orders, one customer at a time, into repeat-purchase
/// figures of the customers whose first order falls in the period. Only a
/// customer's order dates are held, never the whole store.
struct CustomerOutcomeBuilder {
    /// A second order within this long of the first makes a repeat customer.
    static let repeatWindow: TimeInterval = 90 * 86_400

    let period: ReportPeriod
    let calendar: StoreCalendar
    private let firstMonth: Int
    private let lastMonth: Int
    private var newCustomers = 0
    private var repeatCustomers = 0
    private var gapSeconds: Double = 0
    private var gaps = 0
    /// Per cohort month: customers, and returning counts by months since.
    private var cohorts: [Int: (customers: Int, returning: [Int])] = [:]

    init(period: ReportPeriod, calendar: StoreCalendar) {
        self.period = period
        self.calendar = calendar
        firstMonth = calendar.monthIndex(period.start)
        lastMonth = calendar.monthIndex(period.end.addingTimeInterval(-1))
    }

    /// Adds one customer's charged orders, in any order.
    mutating func add(_ orders: [CustomerOrderFact]) {
        let dates = orders.map(\.createdAt).sorted()
        guard let first = dates.first, first >= period.start, first < period.end else { return }
        newCustomers += 1
        if dates.count > 1 {
            let gap = dates[1].timeIntervalSince(first)
            if gap <= Self.repeatWindow { repeatCustomers += 1 }
            gapSeconds += gap
            gaps += 1
        }
        let month = calendar.monthIndex(first)
        var row = cohorts[month] ?? (0, [Int](repeating: 0, count: lastMonth - month + 1))
        row.customers += 1
        var counted: Set<Int> = []
        for date in dates.dropFirst() {
            let since = calendar.monthIndex(date) - month
            if since < row.returning.count, counted.insert(since).inserted { row.returning[since] += 1 }
        }
        cohorts[month] = row
    }

    /// The figures of every customer added.
    func outcome() -> CustomerOutcome {
        let rows = (firstMonth...lastMonth).map { month in
            let row = cohorts[month] ?? (0, [Int](repeating: 0, count: lastMonth - month + 1))
            return CohortRow(month: StoreCalendar.monthText(month), customers: row.customers, returning: row.returning)
        }
        return CustomerOutcome(
            newCustomers: newCustomers, repeatCustomers: repeatCustomers,
            repeatRate: newCustomers == 0
                ? nil : Self.rounded(Decimal(repeatCustomers) / Decimal(newCustomers), places: 4),
            averageDaysToSecondOrder: gaps == 0
                ? nil : Self.rounded(Decimal(gapSeconds / Double(gaps) / 86_400), places: 1),
            cohorts: rows)
    }

    static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var value = value
        var result = Decimal()
        NSDecimalRound(&result, &value, places, .plain)
        return result
    }
}
