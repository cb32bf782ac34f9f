import AftercartConfig
import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import ArgumentParser
import Foundation
import Logging

/// `aftercart sync`: pull every configured store's changes into the database.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Read each store's changes since its cursor into the database.",
        discussion: """
            Each page is committed with the cursor after it, so an interrupted run loses at most \
            the page in flight; Ctrl-C stops after the current page. Exit codes: 0 all stores \
            synced, 1 some store failed (the others still synced), 2 config error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Sync only the store with this name (default: every store).")
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Resources to sync, comma-separated: orders, customers, coupons, loyalty, reviews.",
            valueName: "list"))
    var resources: String = ResourceKind.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(name: .long, help: "Re-read everything, then mark records the store no longer has (nothing is deleted).")
    var full = false

    @Option(name: .long, help: "How many stores sync at once.")
    var concurrency: Int = 4

    @Option(
        name: .long,
        help:
            "Pages of one resource fetched at once where the store gives a page count (WooCommerce; 1: one by one); above 1, Shopify fetches the next page while one is stored."
    )
    var pageConcurrency: Int = 4

    @Flag(name: .long, help: "Print a JSON summary on stdout instead of text lines.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the run's Prometheus metrics to this file (for node_exporter's textfile collector). Default: none.",
            valueName: "path"))
    var metricsFile: String?

    func validate() throws {
        _ = try ResourceList.parse(resources)
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard pageConcurrency >= 1 else { throw ValidationError("--page-concurrency must be at least 1") }
    }

    func run() async throws {
        let logger = global.makeLogger()
        MetricsSetup.bootstrap()
        let kinds = try ResourceList.parse(resources)
        let configuration = try DatabaseOpener.loadConfiguration(global, secrets: .required)
        let stores = try StoreSelection.select(store, from: configuration)
        let wiring = try await SyncWiring.open(configuration, stores: stores, logger: logger)
        let stop = SyncStopSignal()
        let signals = StopOnSignal { Task { await stop.stop() } }
        let progress = ProgressPrinter(live: !json && ProgressPrinter.stderrIsTerminal)
        let engine = SyncEngine(persistence: wiring.persistence, logger: logger)
        let options = SyncOptions(
            resources: kinds, full: full, storeConcurrency: concurrency, pageConcurrency: pageConcurrency)
        let reports = await engine.run(wiring.connectors, options: options, stop: stop, progress: progress.show)
        signals.cancel()
        progress.clear()
        let tracking = await trackingRounds(after: reports, wiring: wiring, logger: logger)
        await wiring.close()
        let all = wiring.setupFailures + reports
        if json {
            print(SyncSummary.json(all))
        } else {
            for line in SyncSummary.lines(all) + tracking { print(line) }
        }
        if let metricsFile {
            do {
                try MetricsSetup.write(to: metricsFile)
            } catch {
                ConsoleReport.error("cannot write metrics to \(metricsFile): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        if all.contains(where: \.isFailure) { throw ExitCode.failure }
    }

    /// One round at each synced store's tracking service, as `run` does
    /// after every sync, so a cron `sync` also registers new parcels and
    /// polls quiet ones. A round that fails is reported and waits for the next sync.
    private func trackingRounds(after reports: [StoreSyncReport], wiring: SyncWiring, logger: Logger) async -> [String]
    {
        var lines: [String] = []
        for (follower, _) in TrackingWiring.followers(wiring.connectors, database: wiring.persistence, logger: logger) {
            guard reports.contains(where: { $0.store == follower.store && !$0.isFailure }) else { continue }
            do {
                let round = try await follower.followRound(now: Date())
                lines.append(
                    "\(follower.store) tracking service: registered \(round.registered), refused \(round.refused), "
                        + "polled \(round.polled), new stages \(round.recorded)")
            } catch {
                lines.append("\(follower.store) tracking service round stopped (the next sync tries again): \(error)")
            }
        }
        return lines
    }
}
