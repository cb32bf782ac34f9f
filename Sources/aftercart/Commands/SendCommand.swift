import AftercartConfig
import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation
import Logging

/// `aftercart send`: perform the due outbox actions (coupons, emails, notes, tags).
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Perform due outbox actions: create coupons, send emails, write notes and tags back to the store.",
        discussion: """
            Emails go through [delivery] channel (file, smtp, store, webhook) and are sent at most \
            once: a send interrupted by a crash leaves its row 'unknown', listed by 'aftercart status', \
            until you resend it with --resend ID. Transient failures are retried later with backoff. \
            Exit codes: 0 every action done (or waiting for a linked one), 1 some action failed, \
            is retried later or is unknown, 2 config error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Perform at most this many actions.")
    var limit: Int = 1_000

    @Flag(name: .long, help: "Print what would be performed; claim and send nothing.")
    var dryRun = false

    @Option(name: .long, help: "Only actions of the store with this name (default: every store).")
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Put a failed or unknown action back in the queue (an unknown email may reach the customer twice).",
            valueName: "id"))
    var resend: Int64?

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let logger = global.makeLogger()
        let needsSecrets = !dryRun && resend == nil
        let configuration = try DatabaseOpener.loadConfiguration(global, secrets: needsSecrets ? .required : .deferred)
        let stores = try StoreSelection.select(store, from: configuration)
        let sender: MailAddress
        do {
            sender = try DeliveryChannelFactory.sender(configuration.delivery)
        } catch {
            ConsoleReport.error("\(error)")
            throw ExitCode.configurationError
        }
        let client = HTTPClientFactory.makeClient()
        let channel: any MessageChannel
        do {
            channel = try DeliveryChannelFactory.makeChannel(
                configuration.delivery,
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                client: client)
        } catch {
            try? await client.shutdown()
            ConsoleReport.error("\(error)")
            throw ExitCode.configurationError
        }
        let persistence: any Persistence
        do {
            persistence = try await DatabaseOpener.open(configuration)
        } catch {
            try? await client.shutdown()
            throw error
        }
        var options = DeliveryOptions(
            from: sender, merchantEmail: configuration.engage.merchantEmail, stores: Set(stores.map(\.id)))
        let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
        let selected = Set(stores.map(\.id))
        options.adopt(applied.stores.filter { selected.contains($0.id) })
        var failed = false
        do {
            if let resend {
                failed = try await requeue(resend, persistence: persistence, channel: channel, options: options)
            } else if dryRun {
                let executor = DeliveryExecutor(
                    outbox: persistence, channel: channel, options: options, now: { Date() }, logger: logger)
                let previews = try await executor.preview(limit: limit)
                for preview in previews {
                    print("#\(preview.entry.id) \(preview.entry.store) \(preview.entry.campaign) \(preview.summary)")
                }
                print("\(previews.count) actions due; nothing was sent (--dry-run)")
            } else {
                var connectors: [StoreID: any StoreConnector] = [:]
                let environment = ConnectorEnvironment.wired(
                    client: client, logger: logger, database: persistence, server: configuration.server)
                for entry in stores {
                    do {
                        let settings = try ConnectorSettings(entry, environment: ProcessInfo.processInfo.environment)
                        connectors[entry.id] = try Platforms.registry.connector(for: settings, environment: environment)
                    } catch {
                        // Its rows stay pending rather than failing for a setup problem.
                        ConsoleReport.error("\(entry.name): \((error as? ConnectorSetupError)?.message ?? "\(error)")")
                        failed = true
                    }
                }
                options.stores = Set(connectors.keys)
                let executor = DeliveryExecutor(
                    outbox: persistence, channel: channel, options: options, now: { Date() }, logger: logger,
                    records: persistence)
                let report = try await executor.run(connectors: connectors, limit: limit)
                for line in report.lines where line.outcome != .done && line.outcome != .waiting {
                    print("#\(line.id) \(line.store) \(line.action.rawValue) \(line.outcome.rawValue): \(line.detail)")
                }
                let summary = report.summaryLines
                print(summary.isEmpty ? "nothing due" : summary.joined(separator: "\n"))
                failed = failed || report.hasFailures
            }
        } catch {
            await channel.shutdown()
            try? await persistence.close()
            try? await client.shutdown()
            ConsoleReport.error("\(error)")
            throw ExitCode.failure
        }
        await channel.shutdown()
        try? await persistence.close()
        try? await client.shutdown()
        if failed { throw ExitCode.failure }
    }

    private func requeue(
        _ id: Int64, persistence: any Persistence, channel: any MessageChannel, options: DeliveryOptions
    ) async throws -> Bool {
        let executor = DeliveryExecutor(
            outbox: persistence, channel: channel, options: options, now: { Date() },
            logger: Logger(label: "aftercart"))
        if try await executor.resend(id: id) {
            print("action #\(id) is pending again; 'aftercart send' performs it")
            return false
        }
        let state =
            try await persistence.outboxEntry(id: id).map { "it is \($0.state.rawValue)" } ?? "it does not exist"
        ConsoleReport.error("action #\(id) cannot be resent: \(state) (only failed or unknown actions can)")
        return true
    }
}
