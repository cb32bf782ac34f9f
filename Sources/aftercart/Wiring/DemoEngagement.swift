import AftercartConfig
import AftercartConnector
import AftercartDelivery
import AftercartEngage
import AftercartModel
import AftercartStore
import AsyncHTTPClient
import Foundation
import Logging

/// The demo's second half: plan every campaign at each emulator's clock,
/// then perform what is due (coupons and notes in the emulated stores,
/// emails as `.eml` files), and say what happened.
struct DemoEngagement {
    let configPath: String
    let persistence: any Persistence
    let connectors: [any StoreConnector]
    let outbox: URL
    let client: HTTPClient
    let logger: Logger

    /// Writes the shipped campaigns and templates (``ShippedFiles``, in the
    /// binary) beside the demo's config, so the demo runs the campaigns a
    /// merchant starts from, whatever the working directory. Folders left
    /// by an earlier demo are replaced, not merged.
    static func installCampaigns(into folder: URL) throws {
        for name in ["campaigns", "templates"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        _ = try ExampleConfiguration.installShippedFiles(into: folder, overwrite: true)
    }

    /// Plans each store at its emulator's clock and delivers the due actions.
    func run(clocks: [StoreID: Date]) async throws {
        let configuration = await StoreFactsBook.applied(
            to: try AftercartConfiguration.load(path: configPath, environment: [:], platforms: Platforms.settings),
            from: persistence)
        guard let database = persistence as? any PlannerDatabase else {
            throw EngagementCycleError("the demo database cannot plan")
        }
        let planner = try await Planner.make(configuration: configuration, database: database)
        print("\nplanning \(configuration.campaigns.count) campaigns at each store's clock …")
        var sample: PlannedAction?
        for connector in connectors {
            let at = clocks[connector.store] ?? Date()
            let report = try await planner.plan(store: connector.store, at: at)
            print(
                "  \(connector.store) at \(Timestamp.format(at)): \(report.written) actions for "
                    + "\(report.customersEvaluated) customers")
            for campaign in report.campaigns { print("    \(campaign.line)") }
            sample = sample ?? report.actions.first { $0.entry.action == .sendEmail && $0.coupon == nil }
        }
        if let sample,
            let email = try? ModelJSON.decoder().decode(EmailAction.self, from: Data(sample.entry.payload.utf8))
        {
            print("\none planned message (\(sample.entry.campaign), to \(email.to)):")
            print("  Subject: \(email.subject)")
            for line in email.text.split(separator: "\n", omittingEmptySubsequences: true).prefix(4) {
                print("  " + line)
            }
        }

        print("\nperforming due actions (coupons and notes in the stores, emails to \(outbox.path)) …")
        let channel = try DeliveryChannelFactory.makeChannel(
            configuration.delivery, workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            client: client)
        var options = DeliveryOptions(
            from: try DeliveryChannelFactory.sender(configuration.delivery),
            merchantEmail: configuration.engage.merchantEmail, stores: Set(connectors.map(\.store)))
        options.adopt(configuration.stores)
        // Actions planned at the emulators' clocks are due by then; the
        // executor runs at the latest of them so delays and quiet hours pass.
        let latest = clocks.values.max() ?? Date()
        let executor = DeliveryExecutor(
            outbox: persistence, channel: channel, options: options, now: { max(latest, Date()) }, logger: logger)
        let report = try await executor.run(
            connectors: Dictionary(connectors.map { ($0.store, $0) }) { first, _ in first })
        await channel.shutdown()
        for line in report.summaryLines { print("  " + line) }
        for line in report.lines where line.outcome == .failed {
            print("  #\(line.id) \(line.store) \(line.action.rawValue) failed: \(line.detail)")
        }
        let messages =
            (try? FileManager.default.contentsOfDirectory(atPath: outbox.path))?
            .filter { $0.hasSuffix(".eml") }.count ?? 0
        print(
            "  \(messages) messages written as .eml files; index: \(outbox.appendingPathComponent("index.html").path)")
    }
}
