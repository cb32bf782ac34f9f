import AftercartConfig
import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartServer
import AftercartStore
import AftercartSync
import ArgumentParser
import Foundation
import Logging

/// `aftercart run`: the daemon. Syncs every store on its `sync_every`,
/// runs the after-sync step, and stops gracefully on SIGTERM or SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: sync each store every sync_every (jittered) until SIGTERM or SIGINT.",
        discussion: """
            A store whose sync is still running is not started again, and a store that another \
            process is syncing (a cron 'aftercart sync') is skipped until its next turn. On SIGTERM \
            or SIGINT each sync in flight commits the page it is on and the process exits 0 within \
            10 seconds. Exit codes: 0 stopped cleanly, 1 the daemon failed (database, server), 2 config \
            error or unknown --store.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Run only the store with this name (default: every store).")
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Resources to sync, comma-separated: orders, customers, coupons, loyalty, reviews.",
            valueName: "list"))
    var resources: String = ResourceKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sync every store this often instead of its sync_every, e.g. 5s or 1m (catching up, tests). Default: each store's sync_every.",
            valueName: "duration"))
    var syncEvery: String?

    @Option(name: .long, help: "How many stores sync at once.")
    var concurrency: Int = 4

    @Option(
        name: .long,
        help:
            "Pages of one resource fetched at once where the store gives a page count (WooCommerce); above 1, Shopify fetches the next page while one is stored."
    )
    var pageConcurrency: Int = 4

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long a store's sync lease and an outbox row's lease last without renewal, e.g. 2m: how soon another worker takes over the stores and actions of a worker that died. Default: 2m.",
            valueName: "duration"))
    var leaseTTL: String = "2m"

    @Flag(
        name: .customLong("engage"), inversion: .prefixedNo,
        help: "After each store's sync, plan its campaigns and perform what is due (plan → send).")
    var engage = true

    @Flag(
        name: .customLong("server"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Run the HTTP server ([server] host and port): webhooks, /healthz, /metrics. Default: on when [server] public_url is set."
        ))
    var server: Bool?

    func validate() throws {
        _ = try ResourceList.parse(resources)
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard pageConcurrency >= 1 else { throw ValidationError("--page-concurrency must be at least 1") }
        guard let ttl = ConfigDuration(leaseTTL), ttl.seconds >= 1 else {
            throw ValidationError("--lease-ttl '\(leaseTTL)' is not a duration of at least 1s (e.g. 30s, 2m)")
        }
        if let syncEvery {
            guard let duration = ConfigDuration(syncEvery), duration.seconds >= 1 else {
                throw ValidationError("--sync-every '\(syncEvery)' is not a duration of at least 1s (e.g. 30s, 5m)")
            }
        }
    }

    func run() async throws {
        let logger = global.makeLogger()
        MetricsSetup.bootstrap()
        let kinds = try ResourceList.parse(resources)
        let configuration = try DatabaseOpener.loadConfiguration(global, secrets: .required)
        let stores = try StoreSelection.select(store, from: configuration)
        let override = syncEvery.flatMap(ConfigDuration.init)
        let wiring = try await SyncWiring.open(configuration, stores: stores, logger: logger)
        for line in SyncSummary.lines(wiring.setupFailures) { logger.error("\(line)") }
        let intervals = Dictionary(stores.map { ($0.id, (override ?? $0.syncEvery).timeInterval) }) { a, _ in a }
        let reconcile = Dictionary(stores.map { ($0.id, $0.reconcileEvery.timeInterval) }) { a, _ in a }
        let jobs = wiring.connectors.map { connector in
            SyncScheduler.Job(
                connector: connector, interval: intervals[connector.store] ?? 900,
                reconcileEvery: reconcile[connector.store] ?? 86_400)
        }
        let engine = SyncEngine(persistence: wiring.persistence, logger: logger)
        var channel: (any MessageChannel)?
        var cycle: EngagementCycle?
        // The stores' own time zones and languages, for planning and the unsubscribe pages.
        let applied = await StoreFactsBook.applied(to: configuration, from: wiring.persistence)
        if engage {
            do {
                let made = try DeliveryChannelFactory.makeChannel(
                    configuration.delivery,
                    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    client: wiring.client)
                channel = made
                cycle = try await EngagementCycle.make(
                    configuration: applied,
                    persistence: wiring.persistence, channel: made,
                    connectors: wiring.connectors, leaseFor: ConfigDuration(leaseTTL)?.timeInterval ?? 120,
                    logger: logger)
            } catch {
                if let channel { await channel.shutdown() }
                await wiring.close()
                ConsoleReport.error("plan → send cannot start: \(error) (run with --no-engage to only sync)")
                throw ExitCode.configurationError
            }
        }
        let tracking = TrackingWiring.followers(wiring.connectors, database: wiring.persistence, logger: logger)
        let scheduler = SyncScheduler(
            engine: engine, jobs: jobs,
            options: SyncOptions(
                resources: kinds, storeConcurrency: concurrency,
                leaseTTL: ConfigDuration(leaseTTL)?.timeInterval ?? 120, pageConcurrency: pageConcurrency),
            postSync: StoreFactsRefreshStep(
                inner: TrackingFollowStep(
                    inner: cycle ?? Daemon.postSyncStep(logger: logger), followers: tracking.map { $0.follower },
                    logger: logger),
                connectors: wiring.connectors,
                persistence: wiring.persistence, logger: logger),
            logger: logger
        ) { report in
            for line in SyncSummary.lines([report]) {
                if report.isFailure { logger.error("\(line)") } else { logger.info("\(line)") }
            }
        }
        logger.notice(
            "aftercart run started",
            metadata: ["stores": "\(jobs.map(\.connector.store.rawValue).joined(separator: ","))"])
        var daemon = Daemon(scheduler: SchedulerService(scheduler: scheduler), logger: logger)
        if server ?? (configuration.server.publicURL != nil),
            let inbox = wiring.persistence as? any Persistence & WebhookInbox
        {
            let endpoints = ServeCommand.webhookEndpoints(
                stores,
                environment: .wired(
                    client: wiring.client, logger: logger, database: wiring.persistence, server: configuration.server),
                logger: logger)
            let installs = AppInstallWiring.endpoint(
                wiring.connectors, server: configuration.server, database: wiring.persistence, logger: logger)
            let settings = AftercartServer.Settings(
                host: configuration.server.host, port: configuration.server.port, platforms: Platforms.names,
                dataRequestFolder: ServeCommand.privacyFolder(configuration.server))
            let unsubscribe = try await UnsubscribeWiring.endpoint(applied, persistence: wiring.persistence)
            let orderPages = try await OrderPageWiring.endpoint(applied, persistence: wiring.persistence)
            let dashboard = try DashboardWiring.endpoint(applied, persistence: wiring.persistence)
            daemon = daemon.adding(
                AftercartServer(
                    settings: settings, stores: WebhookStoreDirectory(endpoints), persistence: inbox,
                    metrics: MetricsSetup.registry, followUp: cycle, unsubscribe: unsubscribe,
                    orderPages: orderPages, installs: installs, tracking: TrackingWiring.endpoint(tracking),
                    dashboard: dashboard, logger: logger,
                    onRunning: { bound in
                        logger.notice("listening", metadata: ["url": "http://\(settings.host):\(bound)"])
                    }))
        }
        do {
            try await daemon.run()
        } catch {
            if let channel { await channel.shutdown() }
            await wiring.close()
            logger.error("aftercart run failed: \(error)")
            throw ExitCode.failure
        }
        if let channel { await channel.shutdown() }
        await wiring.close()
        logger.notice("aftercart run stopped")
    }
}
