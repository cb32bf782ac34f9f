public import Foundation

/// Repeat purchases of a store's customers. A customer is an address
/// (lowercased) with at least one order that was not cancelled, failed or
/// fully refunded; guests count as customers.
public struct CustomerOutcome: Sendable, Hashable, Codable {
    /// Customers whose first order falls in the period.
    public var newCustomers: Int
    /// Of those, customers with a second order within 90 days of the first,
    /// counted only once 90 days have passed or the second order came.
    public var repeatCustomers: Int
    /// `repeatCustomers / newCustomers`, `nil` without customers.
    public var repeatRate: Decimal?
    /// Mean days from first to second order over every customer with a
    /// second order (any gap), `nil` when none has one.
    public var averageDaysToSecondOrder: Decimal?
    /// One row per month of first order in the period, oldest first.
    public var cohorts: [CohortRow]

    public init(
        newCustomers: Int, repeatCustomers: Int, repeatRate: Decimal?, averageDaysToSecondOrder: Decimal?,
        cohorts: [CohortRow]
    ) {
        self.newCustomers = newCustomers
        self.repeatCustomers = repeatCustomers
        self.repeatRate = repeatRate
        self.averageDaysToSecondOrder = averageDaysToSecondOrder
        self.cohorts = cohorts
    }
}

/// Customers who first ordered in one month, and how many of them had
/// ordered again by each month since.
public struct CohortRow: Sendable, Hashable, Codable {
    /// `yyyy-MM` in the store's time zone.
    public var month: String
    public var customers: Int
    /// Index `k`: customers of the cohort who placed another order in month
    /// `k` after their first (index 0 is the first month itself); months
    /// after the report's end are not listed.
    public var returning: [Int]

    public init(month: String, customers: Int, returning: [Int]) {
        self.month = month
        self.customers = customers
        self.returning = returning
    }
}
