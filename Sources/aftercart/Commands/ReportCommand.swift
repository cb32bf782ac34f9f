import AftercartConfig
import AftercartModel
import AftercartOutcomes
import AftercartStore
import ArgumentParser
import Foundation

/// `aftercart report`: what the messages earned, per store, from synced data.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show what each campaign's messages were followed by: orders, revenue, coupons, reviews.",
        discussion: """
            One report per store (all stores unless --store): per campaign, emails sent, orders and \
            revenue within [report] attribution_window_days after an email (an estimate), coupons created \
            and redeemed (exact), review requests and the reviews that followed with every rating, \
            unsubscribes, suppressions by reason; per store, repeat purchases and monthly cohorts. Dates are \
            days in the store's time zone. Exit codes: 0 reported, 1 the database failed, 2 config error, \
            unknown --store or a bad date.
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json, csv
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Report only this store (default: every store).", valueName: "name"))
    var store: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "First day of the period, in the store's time zone (default: 29 days before --to).",
            valueName: "yyyy-MM-dd"))
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Last day of the period, included (default: today in the store's time zone).", valueName: "yyyy-MM-dd"))
    var to: String?

    @Option(name: .long, help: "Output: table (for reading), json (an array of reports) or csv (one --section).")
    var format: Format = .table

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format csv, which rows: campaigns (default), weekly, suppressions, customers or cohorts.",
            valueName: "section"))
    var section: ReportSection = .campaigns

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The instant the report is made at, ISO 8601 (default: now); it sets today.", valueName: "ISO8601"))
    var at: String?

    func validate() throws {
        if let at, Timestamp.parse(at) == nil {
            throw ValidationError("--at \"\(at)\" is not an ISO 8601 date-time; write e.g. 2026-11-22T09:00:00Z")
        }
    }

    func run() async throws {
        _ = global.makeLogger()
        let configuration = try DatabaseOpener.loadConfiguration(global)
        let stores = try StoreSelection.select(store, from: configuration).map(\.id)
        let reports = try await Self.reports(
            configuration: configuration, stores: stores, from: from, to: to,
            now: at.flatMap { Timestamp.parse($0) } ?? Date())
        print(try Self.render(reports, format: format, section: section))
    }

    /// Each store's report; a bad date exits 2, a database failure 1.
    static func reports(
        configuration: AftercartConfiguration, stores: [StoreID], from: String?, to: String?, now: Date
    ) async throws -> [OutcomeReport] {
        let persistence = try await DatabaseOpener.open(configuration)
        guard let database = persistence as? any OutcomeFactStore else {
            ConsoleReport.error("the database at \(persistence.location) cannot report (no outcome queries)")
            try? await persistence.close()
            throw ExitCode.failure
        }
        // The store's own time zone where the config names none.
        let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
        let reporter = OutcomeReporter(configuration: applied, database: database)
        var reports: [OutcomeReport] = []
        for id in stores {
            do {
                reports.append(try await reporter.report(store: id, from: from, to: to, now: now))
            } catch let error as ReportError {
                ConsoleReport.error("\(error)")
                try? await persistence.close()
                throw ExitCode.configurationError
            } catch {
                ConsoleReport.error("\(id) report: \(error)")
                try? await persistence.close()
                throw ExitCode.failure
            }
        }
        try await persistence.close()
        return reports
    }

    static func render(_ reports: [OutcomeReport], format: Format, section: ReportSection) throws -> String {
        switch format {
        case .table:
            return reports.map { ReportTable(report: $0).text }.joined(separator: "\n\n")
        case .json:
            return String(decoding: try OutcomeReportJSON.encoder().encode(reports), as: UTF8.self)
        case .csv:
            let csv = ReportCSV(section: section)
            return ([csv.header] + reports.flatMap(csv.rows)).map(ReportCSV.line).joined(separator: "\n")
        }
    }
}
