public import AftercartModel
public import Foundation

/// What a store's messages earned over a period: the figures `aftercart
/// report` prints and `/dashboard` draws, computed from synced data only.
///
/// One report covers one store, so every amount is in that store's
/// currencies and dates are the store's own calendar days. Reports of
/// several stores are never summed: their currencies may differ.
public struct OutcomeReport: Sendable, Hashable, Codable {
    /// The store's configured name (`[stores.<name>]`).
    public var store: StoreID
    /// The shop's own name, as customers see it.
    public var displayName: String
    /// The store's time zone identifier (`Asia/Tokyo`); `period` days are
    /// calendar days there.
    public var timeZone: String
    /// The days the report covers, in the store's time zone.
    public var period: ReportPeriod
    /// How long after a message an order by its recipient counts as
    /// following it (the `attribution_window_days` setting, default 5).
    public var attributionWindowDays: Int
    /// One entry per campaign configured for the store, in config order;
    /// campaigns that sent nothing in the period are listed with zeros.
    public var campaigns: [CampaignOutcome]
    /// Suppressions recorded in the period by reason, all campaigns together
    /// (`no_consent`, `unsubscribed`, `refunded`, …), sorted by reason.
    public var suppressions: [ReasonCount]
    /// Repeat purchases of the store's customers, from all synced orders.
    public var customers: CustomerOutcome
    /// When the report was computed.
    public var generatedAt: Date

    public init(
        store: StoreID, displayName: String, timeZone: String, period: ReportPeriod, attributionWindowDays: Int,
        campaigns: [CampaignOutcome], suppressions: [ReasonCount], customers: CustomerOutcome, generatedAt: Date
    ) {
        self.store = store
        self.displayName = displayName
        self.timeZone = timeZone
        self.period = period
        self.attributionWindowDays = attributionWindowDays
        self.campaigns = campaigns
        self.suppressions = suppressions
        self.customers = customers
        self.generatedAt = generatedAt
    }
}

/// The calendar days a report covers, both ends included, as the store's
/// own dates (`2026-11-01`), with the UTC instants they span.
public struct ReportPeriod: Sendable, Hashable, Codable {
    /// The first day, `yyyy-MM-dd` in the store's time zone.
    public var from: String
    /// The last day, included.
    public var to: String
    /// The first instant of `from` in the store's time zone.
    public var start: Date
    /// The first instant after `to` in the store's time zone (exclusive).
    public var end: Date

    public init(from: String, to: String, start: Date, end: Date) {
        self.from = from
        self.to = to
        self.start = start
        self.end = end
    }
}

/// How a figure was arrived at, printed beside it so a merchant knows what
/// it claims.
public enum FigureBasis: String, Sendable, Hashable, Codable {
    /// Counted from facts that tie the outcome to the message: an order that
    /// used the code Aftercart created.
    case exact
    /// An estimate: something the recipient did within the attribution
    /// window after a message, which the message may or may not have caused.
    case window
}

/// A count under a name (a suppression reason, a rating).
public struct ReasonCount: Sendable, Hashable, Codable {
    public var reason: String
    public var count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
