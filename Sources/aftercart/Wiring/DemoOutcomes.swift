import AftercartConfig
import AftercartModel
import AftercartOutcomes
import AftercartStore
import Foundation

/// The outcomes report the demo ends with, for both stores.
enum DemoOutcomes {
    /// From 120 days before the emulators' clocks (their orders span at least
    /// that) to today, when the demo's emails were sent.
    static func reports(configuration: AftercartConfiguration, persistence: any Persistence, clocks: [Date])
        async throws -> [OutcomeReport]
    {
        guard let database = persistence as? any OutcomeFactStore else { return [] }
        let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
        let reporter = OutcomeReporter(configuration: applied, database: database)
        let start = (clocks.min() ?? Date()).addingTimeInterval(-120 * 86_400)
        let now = max(clocks.max() ?? Date(), Date())
        var reports: [OutcomeReport] = []
        for store in applied.stores {
            reports.append(
                try await reporter.report(
                    store: store.id, from: ReportPeriod.day(of: start, in: store.timeZone),
                    to: ReportPeriod.day(of: now, in: store.timeZone), now: now))
        }
        return reports
    }
}
