import AftercartModel
import AftercartOutcomes
import Foundation
import MockStores
import Testing

/// `aftercart report` as an operator runs it: sync from the WooCommerce
/// emulator, plan, send to files, then the report in every format.
@Suite struct ReportCommandTests {
    /// The day 120 days before the emulator's clock: its orders start after it.
    static func firstDay(_ mock: MockStoreServer) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: mock.timeZone)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: mock.clock.addingTimeInterval(-120 * 86_400))
    }

    @Test func syncPlanSendThenReportAsTableJSONAndCSV() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 120, seed: 7)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try UnsubscribeCommandTests().prepare(cli, mock: mock)
            let at = Timestamp.format(mock.clock)
            for step in [["sync"], ["plan", "--at", at], ["send"]] {
                let outcome = try await cli.run(step, environment: PlanCommandTests.secrets)
                #expect(outcome.status == 0, "\(step): \(outcome.stdout)\(outcome.stderr)")
            }
            let from = Self.firstDay(mock)
            let sent = try await doneEmails(cli)
            #expect(sent > 0)

            let json = try await cli.run(["report", "--from", from, "--format", "json"])
            #expect(json.status == 0, "\(json.stderr)")
            let reports = try OutcomeReportJSON.decoder().decode([OutcomeReport].self, from: Data(json.stdout.utf8))
            let report = try #require(reports.first)
            #expect(reports.count == 1 && report.store == "tokyo-woo" && report.period.from == from)
            #expect(report.timeZone == mock.timeZone && report.attributionWindowDays == 5)
            #expect(report.campaigns.map(\.messagesSent).reduce(0, +) == sent)
            #expect(report.campaigns.first?.campaign == "review-request")
            #expect(report.campaigns.first?.reviews?.ratings.count == 5)
            #expect(!report.suppressions.isEmpty)
            #expect(report.customers.newCustomers > 0 && !report.customers.cohorts.isEmpty)
            #expect(json.stdout.contains("\"attribution_window_days\" : 5"))

            // Planning again suppresses the same occurrences again: counted once.
            let again = try await cli.run(["plan", "--at", at])
            #expect(again.status == 0, "\(again.stderr)")
            let second = try await cli.run(["report", "--from", from, "--format", "json"])
            let rereported = try OutcomeReportJSON.decoder().decode(
                [OutcomeReport].self, from: Data(second.stdout.utf8))
            #expect(rereported.first?.suppressions == report.suppressions)

            let table = try await cli.run(["report", "--from", from])
            #expect(table.status == 0, "\(table.stderr)")
            for text in ["tokyo-woo", "(est., 5-day window)", "(exact)", "review-request", "Emails sent", "Cohort"] {
                #expect(table.stdout.contains(text), "table lacks \(text):\n\(table.stdout)")
            }

            let csv = try await cli.run(["report", "--from", from, "--format", "csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let lines = csv.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("store,from,to,window_days,campaign,messages_sent,recipients,") == true)
            #expect(lines.count == report.campaigns.count + 1)
            #expect(
                lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 22 })
            let cohorts = try await cli.run(["report", "--from", from, "--format", "csv", "--section", "cohorts"])
            #expect(cohorts.stdout.hasPrefix("store,month,customers,months_since,returning\n"), "\(cohorts.stdout)")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func badDatesExitTwoWithAClearMessage() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(CLIFixtures.offlineWooStore(), to: "config/aftercart.toml")
        let month = try await cli.run(["report", "--from", "2026-13-01"])
        #expect(month.status == 2)
        #expect(month.stderr.contains("--from \"2026-13-01\" is not a date like 2026-11-01"), "\(month.stderr)")
        let reversed = try await cli.run(["report", "--from", "2026-11-30", "--to", "2026-11-01"])
        #expect(reversed.status == 2)
        #expect(reversed.stderr.contains("--from 2026-11-30 is after --to 2026-11-01"), "\(reversed.stderr)")
        let store = try await cli.run(["report", "--store", "nowhere"])
        #expect(store.status == 2 && store.stderr.contains("--store nowhere"), "\(store.stderr)")
        let format = try await cli.run(["report", "--format", "xml"])
        #expect(format.status == 64)
    }

    /// `send_email` actions that are done, from `export actions`.
    private func doneEmails(_ cli: CLIProcess) async throws -> Int {
        let export = try await cli.run(["export", "actions"])
        #expect(export.status == 0, "\(export.stderr)")
        return try export.stdout.split(separator: "\n").filter { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["action"] as? String == "send_email" && object["state"] as? String == "done"
        }.count
    }
}
