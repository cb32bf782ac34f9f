import AftercartConfig
import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import ServiceLifecycle

/// `aftercart serve`: only the HTTP server — webhooks, `/healthz`, `/metrics`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run only the HTTP server: store webhooks, app installs, /healthz and /metrics.",
        discussion: """
            Webhooks are taken at POST /webhooks/<platform>/<store name> (for example \
            /webhooks/shopify/osaka-shopify), verified with the store's webhook_secret and written \
            to the database as a sync would write them. A store with a tracking_service takes the \
            service's signed status webhooks at POST /tracking/<service>/<store name> (for example \
            /tracking/aftership/tokyo-woo), verified with its tracking_webhook_secret. A Shopify store with grant = \
            "authorization_code" is installed by its merchant at GET /shopify/install/<store name> \
            (Shopify calls back at [server] public_url + /shopify/callback). The first line on stdout is \
            'listening on http://HOST:PORT'. Stops on SIGTERM or SIGINT after the requests in \
            flight. Exit codes: 0 stopped cleanly, 1 could not listen, 2 config error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Port to listen on; 0 picks a free one (default: [server] port, else 8080).")
    var port: Int?

    @Option(name: .long, help: "Interface to listen on (default: [server] host, else 127.0.0.1).")
    var host: String?

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        let logger = global.makeLogger()
        MetricsSetup.bootstrap()
        let configuration = try DatabaseOpener.loadConfiguration(global, secrets: .required)
        let persistence = try await DatabaseOpener.open(configuration)
        guard let inbox = persistence as? any Persistence & WebhookInbox else {
            ConsoleReport.error("the database backend \(persistence.location) cannot take webhooks yet; use SQLite")
            try? await persistence.close()
            throw ExitCode.configurationError
        }
        let client = HTTPClientFactory.makeClient()
        let environment = ConnectorEnvironment.wired(
            client: client, logger: logger, database: persistence, server: configuration.server)
        let endpoints = Self.webhookEndpoints(configuration.stores, environment: environment, logger: logger)
        let connectors = AppInstallWiring.connectors(configuration.stores, environment: environment, logger: logger)
        let installs = AppInstallWiring.endpoint(
            connectors, server: configuration.server, database: persistence, logger: logger)
        let tracking = TrackingWiring.endpoint(
            TrackingWiring.followers(connectors, database: persistence, logger: logger))
        let host = host ?? configuration.server.host
        let settings = AftercartServer.Settings(
            host: host, port: port ?? configuration.server.port, platforms: Platforms.names,
            dataRequestFolder: Self.privacyFolder(configuration.server))
        let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
        let unsubscribe = try await UnsubscribeWiring.endpoint(applied, persistence: persistence)
        let orderPages = try await OrderPageWiring.endpoint(applied, persistence: persistence)
        let dashboard = try DashboardWiring.endpoint(applied, persistence: persistence)
        let server = AftercartServer(
            settings: settings, stores: WebhookStoreDirectory(endpoints), persistence: inbox,
            metrics: MetricsSetup.registry, unsubscribe: unsubscribe, orderPages: orderPages, installs: installs,
            tracking: tracking, dashboard: dashboard, logger: logger,
            onRunning: { bound in
                print("listening on http://\(host):\(bound)")
                fflush(nil)
            })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        var failure: (any Error)?
        do {
            try await group.run()
        } catch {
            failure = error
        }
        try? await persistence.close()
        try? await client.shutdown()
        if let failure {
            ConsoleReport.error("the server on \(host):\(settings.port) stopped: \(failure)")
            throw ExitCode.failure
        }
    }

    /// One webhook endpoint per store whose adapter reads webhooks, with its
    /// `webhook_secret`; `aftercart run` builds its server's stores with this too.
    /// A store that cannot take webhooks is logged and left out.
    /// `[server] privacy_dir`, relative to the working directory unless absolute.
    static func privacyFolder(_ server: ServerSettings) -> URL {
        WorkingDirectoryPath.resolve(
            server.privacyDirectory, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    static func webhookEndpoints(
        _ stores: [StoreConfiguration], environment: ConnectorEnvironment, logger: Logger
    ) -> [WebhookEndpoint] {
        var endpoints: [WebhookEndpoint] = []
        for entry in stores {
            do {
                let settings = try ConnectorSettings(entry, environment: ProcessInfo.processInfo.environment)
                let connector = try Platforms.registry.connector(for: settings, environment: environment)
                guard let decoding = connector as? any WebhookDecoding else {
                    logger.warning("\(entry.name): the \(entry.platform) adapter does not read webhooks")
                    continue
                }
                let secret = settings.secrets["webhook_secret"]
                if secret == nil {
                    logger.warning(
                        "\(entry.name): no webhook_secret configured; its webhooks will be refused with 401")
                }
                endpoints.append(WebhookEndpoint(connector: decoding, secret: secret))
            } catch {
                logger.error("\(entry.name): cannot take webhooks: \(error)")
            }
        }
        return endpoints
    }
}

/// `check --register-webhooks`: subscribes every store to the followed
/// topics at `public_url` and prints what each store has.
enum WebhookSetup {
    /// Returns whether every store answered.
    static func registerAll(_ stores: [StoreConfiguration], publicURL: URL, logger: Logger) async throws -> Bool {
        let client = HTTPClientFactory.makeClient()
        let environment = ConnectorEnvironment(client: client, logger: logger)
        var allGood = true
        for entry in stores {
            do {
                let settings = try ConnectorSettings(entry, environment: ProcessInfo.processInfo.environment)
                let connector = try Platforms.registry.connector(for: settings, environment: environment)
                guard let registering = connector as? any WebhookRegistering & WebhookDecoding else {
                    print("\(entry.name): the \(entry.platform) adapter cannot register webhooks")
                    continue
                }
                guard let secret = settings.secrets["webhook_secret"] else {
                    allGood = false
                    ConsoleReport.error("\(entry.name): set webhook_secret before registering webhooks")
                    continue
                }
                let report = try await WebhookRegistration.ensure(registering, publicURL: publicURL, secret: secret)
                print(
                    "\(entry.name): webhooks at \(report.address): \(report.created.count) created, "
                        + "\(report.reactivated.count) re-activated, \(report.existing.count) already there")
                for subscription in report.reactivated {
                    print("  re-activated \(subscription.topic) (the store had switched it off)")
                }
                for subscription in report.all {
                    let status = subscription.status.map { " (\($0))" } ?? ""
                    print("  \(subscription.topic) → \(subscription.address)\(status)")
                }
            } catch let error as ConnectorError {
                allGood = false
                ConsoleReport.error(error.description)
            } catch {
                allGood = false
                ConsoleReport.error("\(entry.name): \(error)")
            }
        }
        try? await client.shutdown()
        return allGood
    }
}
