import AftercartConfig
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// `aftercart status`: where every store's sync stands and what the outbox holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show last sync, cursor, record counts and last error per store and resource, and outbox counts.",
        discussion: "Exit codes: 0 printed, 1 the database could not be read, 2 config error."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func run() async throws {
        _ = global.makeLogger()
        let configuration = try DatabaseOpener.loadConfiguration(global)
        let persistence = try await DatabaseOpener.open(configuration)
        var report = try await StatusReport.gather(
            from: persistence, stores: configuration.stores.map(\.id), now: Date())
        report.storeFacts = try await StatusStoreFacts.gather(from: persistence, configuration: configuration)
        try await persistence.close()
        if json {
            let data = try ModelJSON.encoder(pretty: true).encode(report)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
