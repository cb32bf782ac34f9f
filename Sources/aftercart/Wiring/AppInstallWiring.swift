import AftercartConfig
import AftercartConnector
import AftercartServer
import AftercartStore
import Foundation
import Logging

/// The install pages of `serve` and `run --server`, for the stores whose
/// app the merchant installs (Shopify `grant = "authorization_code"`).
enum AppInstallWiring {
    /// `nil` when no store is installed by its merchant; such a store
    /// without `[server] public_url` is logged (the platform could not
    /// call back).
    static func endpoint(
        _ connectors: [any StoreConnector], server: ServerSettings, database: any Persistence, logger: Logger
    ) -> AppInstallEndpoint? {
        let installers = connectors.compactMap { $0 as? any AppInstalling }.filter { $0.isInstalledByMerchant }
        guard !installers.isEmpty else { return nil }
        guard let publicURL = server.publicURL, let states = database as? any InstallStateStore else {
            for installer in installers {
                logger.error(
                    "\(installer.store): its app is installed by the merchant, which needs [server] public_url")
            }
            return nil
        }
        return AppInstallEndpoint(
            installers: installers, publicURL: publicURL.absoluteString, states: states, logger: logger)
    }

    /// The adapters of `stores` made for the server (a store whose settings
    /// fail is logged and left out, as its webhooks are).
    static func connectors(
        _ stores: [StoreConfiguration], environment: ConnectorEnvironment, logger: Logger
    ) -> [any StoreConnector] {
        stores.compactMap { entry in
            do {
                let settings = try ConnectorSettings(entry, environment: ProcessInfo.processInfo.environment)
                return try Platforms.registry.connector(for: settings, environment: environment)
            } catch {
                logger.error("\(entry.name): cannot serve its install page: \(error)")
                return nil
            }
        }
    }
}
