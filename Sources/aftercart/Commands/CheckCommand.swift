import AftercartConfig
import AftercartEngage
import AftercartStore
import ArgumentParser
import Foundation

/// `aftercart check`: is the config right, and would every secret resolve?
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and the secrets it names.",
        discussion: """
            Prints every problem at once, each with file:line, what is wrong and an example of \
            right; then calls each store once to prove the credentials and lists what Aftercart \
            can do there. Exit codes: 0 valid, 2 config error, 3 a store refused or was unreachable.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Check only the store with this name (default: every store).")
    var store: String?

    @Flag(name: .long, help: "Validate the file only: read no secret values and call no store.")
    var offline = false

    @Flag(
        name: .long,
        help: "Also subscribe each store to the webhooks the server follows, at [server] public_url, and list them.")
    var registerWebhooks = false

    func run() async throws {
        let logger = global.makeLogger()
        let configuration: AftercartConfiguration
        do {
            configuration = try AftercartConfiguration.load(path: global.configPath, platforms: Platforms.settings)
        } catch {
            ConsoleReport.problems(error.problems, warnings: error.warnings)
            throw ExitCode.configurationError
        }
        ConsoleReport.problems([], warnings: configuration.warnings)
        if let store, configuration.store(named: store) == nil {
            let names = configuration.stores.map(\.name).joined(separator: ", ")
            ConsoleReport.error("no store named '\(store)' in \(global.configPath); stores: \(names)")
            throw ExitCode.configurationError
        }
        let templateProblems = TemplateLibrary.problems(for: configuration)
        if !templateProblems.isEmpty {
            for problem in templateProblems { ConsoleReport.error("\(problem)") }
            throw ExitCode.configurationError
        }
        print(
            "\(global.configPath): valid (\(configuration.stores.count) stores, \(configuration.campaigns.count) campaigns)"
        )
        if offline { return }
        let secretProblems = configuration.secretProblems(store: store)
        if !secretProblems.isEmpty {
            ConsoleReport.problems(secretProblems, warnings: [])
            throw ExitCode.configurationError
        }
        logger.debug("configuration loaded", metadata: ["stores": "\(configuration.stores.count)"])
        let selected = configuration.stores.filter { store == nil || $0.name == store }
        // Kept so planning uses the store's own time zone and language.
        let persistence = try? await DatabaseOpener.open(configuration)
        let answered = try await StoreProbe.checkAll(
            selected, publicURL: configuration.server.publicURL, database: persistence as? any StoreFactsStore,
            logger: logger)
        try? await persistence?.close()
        if !answered { throw ExitCode.storeUnavailable }
        if registerWebhooks {
            guard let publicURL = configuration.server.publicURL else {
                ConsoleReport.error(
                    "--register-webhooks needs the address stores reach this server at: set public_url in [server]")
                throw ExitCode.configurationError
            }
            if try await !WebhookSetup.registerAll(selected, publicURL: publicURL, logger: logger) {
                throw ExitCode.storeUnavailable
            }
        }
    }
}
