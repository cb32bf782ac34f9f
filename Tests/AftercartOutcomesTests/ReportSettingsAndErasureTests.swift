import AftercartConfig
import AftercartModel
import AftercartOutcomes
import AftercartStore
import Foundation
import Testing

/// The window setting, the default period, bad dates, and suppressed
/// occurrences leaving with the customer or the store they belong to.
@Suite struct ReportSettingsAndErasureTests {
    static func tokyo(_ database: any Persistence & OutcomeFactStore & PlanningStore) -> OutcomeFixture {
        OutcomeFixture(
            database: database, store: "tokyo", timeZone: TimeZone(identifier: "Asia/Tokyo")!,
            currency: Currency(code: "JPY")!)
    }

    @Test func aShorterWindowCountsLess() async throws {
        let configuration = try ReportConfiguration.load("\n[report]\nattribution_window_days = 2\n")
        #expect(configuration.report.attributionWindowDays == 2)
        try await withOutcomeStores { database in
            let f = Self.tokyo(database)
            try await HandCountedReportTests.seedTokyo(f)
            let report = try await OutcomeReporter(configuration: configuration, database: database)
                .report(store: "tokyo", from: "2026-11-01", to: "2026-11-30", now: HandCountedReportTests.now)
            #expect(report.attributionWindowDays == 2)
            // win-back keeps o3 (1 day after a's email), loses o6 (4d23h59m); coupons are exact, unchanged.
            let winBack = report.campaigns[1]
            #expect(winBack.attributedOrders == 1 && winBack.attributedRevenue == MoneyTotals([f.money("3000")]))
            #expect(winBack.coupons?.redeemed == 2 && winBack.coupons?.orders == 2)
            #expect(winBack.unsubscribes == 1)
            // review-request: a's three reviews and b's 2 (exactly 2 days later) stay, b's 3 goes;
            // o2 (2 days 2 hours after a's request) no longer follows it.
            #expect(report.campaigns[0].reviews?.reviewsPosted == 4)
            #expect(report.campaigns[0].attributedOrders == 0)
        }
    }

    @Test func theWindowSettingIsChecked() throws {
        #expect(throws: ConfigurationError.self) {
            try ReportConfiguration.load("\n[report]\nattribution_window_days = 0\n")
        }
        #expect(throws: ConfigurationError.self) {
            try ReportConfiguration.load("\n[report]\nwindow = 3\n")
        }
        #expect(try ReportConfiguration.load().report.attributionWindowDays == 5)
    }

    @Test func periodsDefaultToThirtyDaysUpToTodayAndBadDatesAreRefused() async throws {
        try await withOutcomeStores { database in
            let reporter = OutcomeReporter(configuration: try ReportConfiguration.load(), database: database)
            let f = Self.tokyo(database)
            // 2026-12-07 23:30 UTC is already the 8th in Tokyo.
            let now = Date(timeIntervalSince1970: 1_796_686_200)
            let report = try await reporter.report(store: "tokyo", from: nil, to: nil, now: now)
            #expect(report.period.from == "2026-11-09" && report.period.to == "2026-12-08")
            #expect(report.period.start == f.at("2026-11-09 00:00") && report.period.end == f.at("2026-12-09 00:00"))
            await #expect(throws: ReportError.badDate(option: "--from", value: "2026-02-30")) {
                try await reporter.report(store: "tokyo", from: "2026-02-30", to: nil, now: now)
            }
            await #expect(throws: ReportError.badDate(option: "--to", value: "12/01/2026")) {
                try await reporter.report(store: "tokyo", from: nil, to: "12/01/2026", now: now)
            }
            await #expect(throws: ReportError.periodReversed(from: "2026-12-02", to: "2026-12-01")) {
                try await reporter.report(store: "tokyo", from: "2026-12-02", to: "2026-12-01", now: now)
            }
            await #expect(throws: ReportError.self) {
                try await reporter.report(store: "osaka", from: nil, to: nil, now: now)
            }
        }
    }

    @Test func forgettingACustomerOrErasingTheStoreDeletesTheirSuppressions() async throws {
        try await withOutcomeStores { database in
            let f = Self.tokyo(database)
            let occurrences = [
                SuppressedOccurrence(
                    campaign: "win-back", occurrenceKey: "k1", email: "F@example.test", reason: "no_consent"),
                SuppressedOccurrence(
                    campaign: "win-back", occurrenceKey: "k2", email: "b@example.test", reason: "frequency_cap"),
            ]
            try await database.recordSuppressedOccurrences(occurrences, store: "tokyo", now: f.at("2026-11-05 12:00"))
            let reporter = OutcomeReporter(configuration: try ReportConfiguration.load(), database: database)
            func reasons() async throws -> [ReasonCount] {
                try await reporter.report(
                    store: "tokyo", from: "2026-11-01", to: "2026-11-30", now: HandCountedReportTests.now
                ).suppressions
            }
            #expect(
                try await reasons() == [
                    ReasonCount(reason: "frequency_cap", count: 1), ReasonCount(reason: "no_consent", count: 1),
                ])
            let personal = try #require(database as? any PersonalDataStore)
            let erasure = try await personal.erasePersonalData(
                of: "f@example.test", store: "tokyo", now: f.at("2026-11-06 12:00"))
            #expect(erasure.plannerRows >= 1)
            #expect(try await reasons() == [ReasonCount(reason: "frequency_cap", count: 1)])
            _ = try await #require(database as? any StoreDataErasing).eraseStoreData("tokyo")
            #expect(try await reasons().isEmpty)
        }
    }
}
