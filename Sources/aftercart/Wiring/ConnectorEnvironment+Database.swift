import AftercartConfig
import AftercartConnector
import AftercartServer
import AftercartStore
import AsyncHTTPClient
import Logging

extension ConnectorEnvironment {
    /// The environment of adapters made while `database` is open: tokens a
    /// platform issues are kept there (shared by every worker on it), and
    /// install links point at `[server] public_url`.
    static func wired(
        client: HTTPClient, logger: Logger, database: (any Persistence)?, server: ServerSettings
    ) -> ConnectorEnvironment {
        ConnectorEnvironment(
            client: client, logger: logger,
            vault: (database as? any AppCredentialStore).map { DatabaseCredentialVault($0) },
            publicURL: server.publicURL?.absoluteString)
    }
}
