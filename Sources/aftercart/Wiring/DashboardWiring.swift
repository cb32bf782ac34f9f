import AftercartConfig
import AftercartServer

/// The server's `/dashboard`, when `[server]` names admin credentials.
///
/// `serve` and `run --server` pass the result as `AftercartServer(…,
/// dashboard:)` once `report` is the outcome reporter's (issue 24).
enum DashboardWiring {
    /// The endpoint for `configuration` (already applied the stores' facts,
    /// so each store's page speaks its locale under its shop name), each
    /// store's figures from `report`; `nil` without admin credentials.
    static func endpoint(_ configuration: AftercartConfiguration, report: @escaping DashboardEndpoint.Report) throws
        -> DashboardEndpoint?
    {
        guard let access = try DashboardAccess(configuration.server) else { return nil }
        return DashboardEndpoint(access: access, stores: DashboardStore.all(configuration), report: report)
    }
}
