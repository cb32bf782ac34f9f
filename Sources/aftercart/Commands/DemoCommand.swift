import AftercartConfig
import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import MockStores

/// `aftercart demo`: the whole job on a fresh machine, with nothing to configure.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a WooCommerce and a Shopify emulator in-process and sync them into a fresh SQLite file.",
        discussion: """
            Nothing leaves 127.0.0.1, and nothing is read from the working directory: the \
            campaigns and templates are the ones built into the binary. Afterwards the database, a \
            matching config and those campaigns and templates stay in --dir, so 'aftercart status' \
            and 'aftercart export' can be tried on them. It prints a link to one order-status page \
            per store; --serve then keeps answering those links (and the mails' unsubscribe \
            links) at the config's public_url until interrupted. Exit codes: 0 done, 1 a sync or \
            a step failed.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder for the demo's database and config.", valueName: "dir"))
    var dir: String = "data/demo"

    @Option(name: .long, help: "Orders in each emulated store.")
    var orders: Int = 300

    @Option(name: .long, help: "Seed of the emulators' data; the same seed gives the same stores.")
    var seed: UInt64 = 7

    @Flag(
        name: .long,
        help: "Afterwards, serve the order pages and unsubscribe links the demo printed, until interrupted.")
    var serve = false

    @Option(
        name: .long,
        help: "Port on 127.0.0.1 of the server the demo's links point at (--serve answers them there).")
    var port: Int = 8080

    func validate() throws {
        guard orders >= 0 else { throw ValidationError("--orders must not be negative") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        LoggingSetup.bootstrap(level: .warning, format: .text)
        let logger = Logger(label: "aftercart.demo")
        let folder = URL(fileURLWithPath: dir, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("aftercart.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }

        print("starting two store emulators on 127.0.0.1 …")
        var tokyo = WooCommerceMockOptions(
            data: MockDataOptions(orders: orders, seed: seed, currency: .jpy, timeZone: "Asia/Tokyo"),
            storeName: "Tokyo Mugs",
            // As a Japanese shop runs: prices entered with consumption tax, site in Japanese.
            site: WooCommerceMockSite(pricesIncludeTax: true, language: "ja"))
        // Carrier stages from TrackShip, so the Tokyo shop's customers hear about each one.
        tokyo.trackShip = true
        let woo = try await MockStoreServer.start(.woocommerce(tokyo))
        // Today on the road: two parcels out for delivery, and one the
        // carrier could not deliver last night (its customer hears, and so does support).
        woo.reportCarrierEvent(.outForDelivery, orders: 2, ago: 2 * 3_600)
        woo.reportCarrierEvent(.deliveryFailed, orders: 1, ago: 14 * 3_600)
        let shopify: MockStoreServer
        do {
            shopify = try await MockStoreServer.start(
                .shopify(
                    ShopifyMockOptions(
                        data: MockDataOptions(
                            orders: orders, seed: seed + 1, currency: .usd, timeZone: "America/New_York"),
                        leakRate: 20, storeName: "Brooklyn Socks")))
        } catch {
            await woo.stop()
            throw error
        }
        let client = HTTPClientFactory.makeClient()
        do {
            try await runDemo(
                woo: woo, shopify: shopify, database: database, folder: folder, client: client, logger: logger)
        } catch {
            try? await client.shutdown()
            await woo.stop()
            await shopify.stop()
            throw error
        }
        try? await client.shutdown()
        await woo.stop()
        await shopify.stop()
        if serve { try await serveLinks(config: folder.appendingPathComponent("aftercart.toml").path) }
    }

    /// `aftercart serve` on the demo's config, where its links point.
    private func serveLinks(config: String) async throws {
        for (name, value) in DemoOrderPages.environment { setenv(name, value, 0) }
        let configuration = try AftercartConfiguration.load(
            path: config, environment: DemoOrderPages.environment, platforms: Platforms.settings)
        let port = configuration.server.publicURL.map(DemoOrderPages.port(of:)) ?? 8080
        let command = try ServeCommand.parse(["--config", config, "--port", "\(port)", "--log-level", "warning"])
        print("\nserving the links above at http://127.0.0.1:\(port) (Ctrl-C stops) …")
        try await command.run()
    }

    private func runDemo(
        woo: MockStoreServer, shopify: MockStoreServer, database: String, folder: URL, client: HTTPClient,
        logger: Logger
    ) async throws {
        let stores = DemoStores(woo: woo, shopify: shopify)
        print(
            "  tokyo-woo      WooCommerce  \(woo.baseURL)  (\(woo.currency), \(woo.timeZone), \(woo.counts.orders) orders)"
        )
        print(
            "  brooklyn-shop  Shopify      \(shopify.baseURL)  (\(shopify.currency), \(shopify.timeZone), \(shopify.counts.orders) orders)"
        )
        let environment = ConnectorEnvironment(client: client, logger: logger)
        let connectors = try stores.settings.map { try Platforms.registry.connector(for: $0, environment: environment) }
        var learned: [(StoreID, StoreFacts)] = []
        for connector in connectors {
            let facts = try await connector.check()
            print(
                "  \(connector.store): credentials accepted by \"\(facts.name)\" (language \(facts.language ?? "unknown")"
                    + (facts.pricesIncludeTax == true ? ", prices include tax)" : ")"))
            learned.append((connector.store, facts))
        }

        print("\nsyncing into \(database) …")
        let persistence = try await SQLitePersistence.open(path: database)
        for (store, facts) in learned {
            try await StoreFactsBook.save(facts, store: store, at: Date(), in: persistence)
        }
        let progress = ProgressPrinter(live: ProgressPrinter.stderrIsTerminal)
        let reports = await SyncEngine(persistence: persistence, logger: logger)
            .run(connectors, options: SyncOptions(), progress: progress.show)
        progress.clear()
        for line in SyncSummary.lines(reports) { print("  " + line) }

        let report = try await StatusReport.gather(from: persistence, stores: connectors.map(\.store), now: Date())
        print("\n" + report.text)
        print("\na normalized order, as 'aftercart export orders' prints it:")
        for try await payload in persistence.allPayloads(.orders, pageSize: 1) {
            print("  " + payload.json)
            break
        }

        let config = folder.appendingPathComponent("aftercart.toml")
        let outbox = folder.appendingPathComponent("outbox")
        try? FileManager.default.removeItem(at: outbox)
        try Data(stores.config(database: database, outbox: outbox.path, port: port).utf8).write(to: config)
        try DemoEngagement.installCampaigns(into: folder)
        try await DemoEngagement(
            configPath: config.path, persistence: persistence, connectors: connectors, outbox: outbox, client: client,
            logger: logger
        ).run(clocks: [connectors[0].store: woo.clock, connectors[1].store: shopify.clock])
        let served = try AftercartConfiguration.load(
            path: config.path, environment: DemoOrderPages.environment, platforms: Platforms.settings)
        let orderPages = try await DemoOrderPages.links(configuration: served, persistence: persistence)
        let outcomes = try await DemoOutcomes.reports(
            configuration: served, persistence: persistence, clocks: [woo.clock, shopify.clock])
        try await persistence.close()

        // The binary as it was started, so the lines work from this folder,
        // which need not be the repository `swift run` would need.
        let binary = CommandLine.arguments.first ?? "aftercart"
        print("\nlook around:")
        print("  \(binary) status --config \(config.path)")
        print("  \(binary) export orders --config \(config.path) --format csv")
        print("  \(binary) export actions --config \(config.path)")
        print("  open \(outbox.appendingPathComponent("index.html").path)")
        if !orderPages.isEmpty {
            let variables = DemoOrderPages.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            print(
                "\norder-status pages, while '\(variables.joined(separator: " ")) \(binary) serve --config \(config.path)' "
                    + "runs (or the demo runs with --serve):")
            for page in orderPages { print("  \(page.store): \(page.url)") }
            // The report's period, where the stores' orders and the demo's emails are.
            let period = outcomes.first.map { "?store=\($0.store)&from=\($0.period.from)&to=\($0.period.to)" } ?? ""
            let dashboard = served.server.publicURL.map { $0.absoluteString + "/dashboard" + period } ?? ""
            print("and the merchant's dashboard (user merchant, password demo): \(dashboard)")
        }
        print("\nwhat the messages were followed by ('\(binary) report --config \(config.path)'):")
        for outcome in outcomes { print("\n" + ReportTable(report: outcome).text) }
        if reports.contains(where: \.isFailure) { throw ExitCode.failure }
    }
}
