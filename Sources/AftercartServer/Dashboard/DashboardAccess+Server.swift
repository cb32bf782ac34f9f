public import AftercartConfig
public import Foundation

extension DashboardAccess {
    /// The access `[server]` configures (`admin_token`, `admin_user` +
    /// `admin_password`), its secrets read from `environment`; `nil` when it
    /// configures none, and the dashboard is then not served.
    public init?(
        _ server: ServerSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) {
        let token = try server.adminToken?.resolve(environment: environment)
        let password = try server.adminPassword?.resolve(environment: environment)
        self.init(token: token, user: server.adminUser, password: password)
    }
}

extension DashboardStore {
    /// Every configured store as the dashboard lists it, in config order:
    /// its shop name and the locale it writes in (apply the stores' facts
    /// first, so a store's own name and language are known).
    public static func all(_ configuration: AftercartConfiguration) -> [DashboardStore] {
        configuration.stores.map { DashboardStore(id: $0.id, displayName: $0.displayName, locale: $0.locale) }
    }
}
