public import AftercartModel
public import AftercartOutcomes

/// What the server needs to answer `GET /dashboard`: who may open it, the
/// stores it shows, and a function that computes one store's report.
public struct DashboardEndpoint: Sendable {
    /// The admin token and/or user and password.
    public var access: DashboardAccess
    /// The stores, in config order; the first is shown when none is asked for.
    public var stores: [DashboardStore]
    /// The report of `store` over `from`…`to` (`yyyy-MM-dd` in the store's
    /// time zone, both already checked to be dates; `nil`: the reporter's
    /// default period).
    public var report: Report

    /// Computes a store's report over a period (see ``report``).
    public typealias Report = @Sendable (_ store: StoreID, _ from: String?, _ to: String?) async throws -> OutcomeReport

    public init(access: DashboardAccess, stores: [DashboardStore], report: @escaping Report) {
        self.access = access
        self.stores = stores
        self.report = report
    }
}

/// A store as the dashboard names it and speaks to its merchant.
public struct DashboardStore: Sendable, Hashable {
    /// The configured name (`?store=` takes it).
    public var id: StoreID
    /// The shop's own name.
    public var displayName: String
    /// The store's locale (`ja-JP`, `en-US`), which the page is written in.
    public var locale: String

    public init(id: StoreID, displayName: String, locale: String) {
        self.id = id
        self.displayName = displayName
        self.locale = locale
    }
}
