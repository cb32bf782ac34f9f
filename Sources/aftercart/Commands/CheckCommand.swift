import AftercartConfig
import AftercartEngage
import AftercartServer
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
            right: the file's, the templates' (a name that is neither a file in templates/ nor a \
            built-in template is an error), and every secret that would not resolve; then calls \
            each store once to prove the credentials and lists what Aftercart can do there. The \
            verdict is the last line. Exit codes: 0 valid, 2 config error (file, template, secret or \
            unknown --store; no store is called), 3 a store refused or was unreachable.
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
        let (configuration, findings) = Self.review(
            path: global.configPath, store: store, readSecrets: !offline)
        ConsoleReport.list(findings.errors + findings.warnings)
        guard let configuration, findings.errors.isEmpty else {
            let count = findings.errors.count
            ConsoleReport.verdict(
                "\(global.configPath): \(count) problem\(count == 1 ? "" : "s") found; no store was called.")
            throw ExitCode.configurationError
        }
        let summary = "\(configuration.stores.count) stores, \(configuration.campaigns.count) campaigns"
        print(DashboardCheck.line(configuration.server))
        if offline {
            print("\(global.configPath): valid (\(summary); offline: secrets and stores not checked)")
            return
        }
        logger.debug("configuration loaded", metadata: ["stores": "\(configuration.stores.count)"])
        let selected = configuration.stores.filter { store == nil || $0.name == store }
        // Kept so planning uses the store's own time zone and language.
        let persistence = try? await DatabaseOpener.open(configuration)
        let answered = try await StoreProbe.checkAll(
            selected, publicURL: configuration.server.publicURL, database: persistence as? any StoreFactsStore,
            vault: (persistence as? any AppCredentialStore).map { DatabaseCredentialVault($0) }, logger: logger)
        if let planning = persistence as? any PlanningStore {
            for warning in await UnrankedTiers.warnings(selected, database: planning) { print("warning: \(warning)") }
        }
        try? await persistence?.close()
        if !answered {
            ConsoleReport.verdict(
                "\(global.configPath): the file is valid, but a store refused its credentials or could not be reached.")
            throw ExitCode.storeUnavailable
        }
        if registerWebhooks {
            guard let publicURL = configuration.server.publicURL else {
                ConsoleReport.verdict(
                    "--register-webhooks needs the address stores reach this server at: set public_url in [server]")
                throw ExitCode.configurationError
            }
            if try await !WebhookSetup.registerAll(selected, publicURL: publicURL, logger: logger) {
                ConsoleReport.verdict("\(global.configPath): valid, but a store refused the webhook subscriptions.")
                throw ExitCode.storeUnavailable
            }
        }
        print("\(global.configPath): valid (\(summary); \(selected.count) of them answered)")
    }

    /// Every problem `check` can find without calling a store, in one
    /// list: the file's own, the `--store` name, the templates, and (unless
    /// offline) every secret that would not resolve, also for a config that
    /// has other problems.
    static func review(path: String, store: String?, readSecrets: Bool) -> (
        AftercartConfiguration?, CheckFindings
    ) {
        var findings = CheckFindings()
        let configuration: AftercartConfiguration?
        do {
            let loaded = try AftercartConfiguration.load(path: path, platforms: Platforms.settings)
            findings.warnings = loaded.warnings
            configuration = loaded
        } catch {
            findings.errors = error.problems
            findings.warnings = error.warnings
            configuration = error.partial
        }
        guard let configuration else { return (nil, findings) }
        // An unknown --store selects nothing, so every store's secrets are checked.
        var secretsOf = store
        if let problem = StoreSelection.problem(store, in: configuration) {
            findings.errors.append(ConfigurationProblem(file: path, line: nil, message: problem + "."))
            secretsOf = nil
        }
        for problem in TemplateLibrary.problems(for: configuration) {
            findings.errors.append(
                ConfigurationProblem(
                    file: problem.file, line: problem.line,
                    message: "template \"\(problem.template)\": \(problem.message)"))
        }
        findings.errors += ReviewRequestRule.problems(for: configuration)
        findings.errors += configuration.marketingSenderProblems(store: secretsOf)
        if readSecrets {
            findings.errors += configuration.secretProblems(store: secretsOf)
        }
        return (configuration, findings)
    }
}

/// What ``CheckCommand/review(path:store:readSecrets:)`` found.
struct CheckFindings {
    var errors: [ConfigurationProblem] = []
    var warnings: [ConfigurationProblem] = []
}
