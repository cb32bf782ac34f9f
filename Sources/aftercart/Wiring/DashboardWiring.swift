import AftercartConfig
import AftercartOutcomes
import AftercartServer
import AftercartStore
import Foundation

/// The server's `/dashboard`, when `[server]` names admin credentials: each
/// store's figures computed by ``OutcomeReporter`` when the page is asked for.
enum DashboardWiring {
    /// The endpoint for `configuration` (already applied the stores' facts,
    /// so each store's page speaks its locale under its shop name and its
    /// days are the store's own); `nil` without admin credentials or with a
    /// database that cannot report.
    static func endpoint(_ configuration: AftercartConfiguration, persistence: any Persistence) throws
        -> DashboardEndpoint?
    {
        guard let access = try DashboardAccess(configuration.server),
            let database = persistence as? any OutcomeFactStore
        else { return nil }
        let reporter = OutcomeReporter(configuration: configuration, database: database)
        return DashboardEndpoint(
            access: access, stores: DashboardStore.all(configuration),
            report: { store, from, to in try await reporter.report(store: store, from: from, to: to, now: Date()) })
    }
}
