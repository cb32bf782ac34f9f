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

    @Flag(name: .long, help: "Print a JSON summary on stdout instead of text lines.")
    var json = false

    func validate() throws {
        _ = try parseResources()
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let logger = global.makeLogger()
        let kinds = try parseResources()
        let configuration = try DatabaseOpener.loadConfiguration(global, secrets: .required)
        let stores = try selectedStores(configuration)
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
        let connectorEnvironment = ConnectorEnvironment(client: client, logger: logger)
        for entry in stores {
            do {
                let settings = try ConnectorSettings(entry, environment: environment)
                connectors.append(try Platforms.registry.connector(for: settings, environment: connectorEnvironment))
            } catch {
                let message = (error as? ConnectorSetupError)?.message ?? "\(error)"
                setupFailures.append(StoreSyncReport(store: entry.id, outcome: .failed(message)))
            }
        }
        let stop = SyncStopSignal()
        let signals = StopOnSignal { Task { await stop.stop() } }
        let progress = ProgressPrinter(live: !json && ProgressPrinter.stderrIsTerminal)
        let engine = SyncEngine(persistence: persistence, logger: logger)
        let reports = await engine.run(
            connectors, options: SyncOptions(resources: kinds, full: full, storeConcurrency: concurrency), stop: stop,
            progress: progress.show)
        signals.cancel()
        progress.clear()
        try? await persistence.close()
        try? await client.shutdown()
        let all = setupFailures + reports
        if json {
            print(SyncSummary.json(all))
        } else {
            for line in SyncSummary.lines(all) { print(line) }
        }
        if all.contains(where: \.isFailure) { throw ExitCode.failure }
    }

    private func parseResources() throws -> [ResourceKind] {
        var kinds: [ResourceKind] = []
        for name in resources.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty
        {
            guard let kind = ResourceKind(rawValue: name) else {
                let known = ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("'\(name)' is not a resource; use any of: \(known)")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    private func selectedStores(_ configuration: AftercartConfiguration) throws -> [StoreConfiguration] {
        guard let store else { return configuration.stores }
        guard let entry = configuration.store(named: store) else {
            let names = configuration.stores.map(\.name).joined(separator: ", ")
            ConsoleReport.error("no store named '\(store)' in \(global.configPath); stores: \(names)")
            throw ExitCode.configurationError
        }
        return [entry]
    }
}
