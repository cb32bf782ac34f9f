import AftercartConfig
import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging

/// What `sync` and `run` open before syncing: the shared HTTP client, the
/// database, and one adapter per selected store. A store whose adapter
/// refuses its settings becomes a failed report instead of stopping the rest.
struct SyncWiring {
    let client: HTTPClient
    let persistence: any Persistence
    let connectors: [any StoreConnector]
    let setupFailures: [StoreSyncReport]

    static func open(
        _ configuration: AftercartConfiguration, stores: [StoreConfiguration], logger: Logger
    ) async throws -> SyncWiring {
        let environment = ProcessInfo.processInfo.environment
        let client = HTTPClientFactory.makeClient()
        let persistence: any Persistence
        do {
            persistence = try await DatabaseOpener.open(configuration)
        } catch {
            try? await client.shutdown()
            throw error
        }
        var connectors: [any StoreConnector] = []
        var setupFailures: [StoreSyncReport] = []
        let connectorEnvironment = ConnectorEnvironment.wired(
            client: client, logger: logger, database: persistence, server: configuration.server)
        for entry in stores {
            do {
                let settings = try ConnectorSettings(entry, environment: environment)
                connectors.append(try Platforms.registry.connector(for: settings, environment: connectorEnvironment))
            } catch {
                let message = (error as? ConnectorSetupError)?.message ?? "\(error)"
                setupFailures.append(StoreSyncReport(store: entry.id, outcome: .failed(message)))
            }
        }
        // Before the first sync, so planning after it knows each store's zone.
        await StoreFactsBook.refresh(connectors, in: persistence, now: Date(), logger: logger)
        return SyncWiring(
            client: client, persistence: persistence, connectors: connectors, setupFailures: setupFailures)
    }

    /// Closes the database and the HTTP client.
    func close() async {
        try? await persistence.close()
        try? await client.shutdown()
    }
}
