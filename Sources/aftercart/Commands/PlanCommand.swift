import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// `aftercart plan`: evaluates the campaigns and writes new actions to the outbox.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Evaluate every campaign at an instant and write the new actions to the outbox.",
        discussion: """
            Each action has a deterministic key (campaign, store, subject, step), so running plan \
            twice plans nothing new. A template with no file in templates/ is the built-in one of that \
            name. Exit codes: 0 planning ran, 1 the database failed, 2 config or template error or \
            unknown --store.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp("The instant to evaluate at, ISO 8601 (default: now).", valueName: "ISO8601"))
    var at: String?

    @Flag(name: .long, help: "Show what would be planned without writing anything.")
    var dryRun = false

    @Flag(name: .long, help: "Print one JSON object per planned action instead of a summary.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Plan only this store (default: every store).", valueName: "name"))
    var store: String?

    func validate() throws {
        if let at, Timestamp.parse(at) == nil {
            throw ValidationError("--at \"\(at)\" is not an ISO 8601 date-time; write e.g. 2026-11-22T09:00:00Z")
        }
    }

    func run() async throws {
        _ = global.makeLogger()
        let configuration = try DatabaseOpener.loadConfiguration(global)
        let now = at.flatMap { Timestamp.parse($0) } ?? Date()
        let stores = try StoreSelection.select(store, from: configuration).map(\.id)
        let persistence = try await DatabaseOpener.open(configuration)
        guard let database = persistence as? any PlannerDatabase else {
            ConsoleReport.error("the database at \(persistence.location) cannot plan yet (no planning queries)")
            throw ExitCode.failure
        }
        let planner: Planner
        do {
            // The store's own time zone and language where the config names none.
            let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
            planner = try await Planner.make(configuration: applied, database: database)
        } catch let error as TemplateErrors {
            for problem in error.errors { ConsoleReport.error("\(problem)") }
            try await persistence.close()
            throw ExitCode.configurationError
        }
        for id in stores {
            let report: PlanReport
            do {
                report = try await planner.plan(store: id, at: now, dryRun: dryRun)
            } catch {
                ConsoleReport.error("\(id) plan: \(error)")
                try? await persistence.close()
                throw ExitCode.failure
            }
            if json {
                for action in report.actions { print(action.json()) }
            } else {
                let verb = dryRun ? "would plan" : "planned"
                print(
                    "\(id) at \(Timestamp.format(now)): \(verb) \(dryRun ? report.actions.count : report.written) actions for \(report.customersEvaluated) customers (\(report.ordersRead) orders)"
                )
                for campaign in report.campaigns { print("  \(campaign.line)") }
            }
        }
        try await persistence.close()
    }
}
