import AftercartModel
import Foundation
import MockStores
import Testing

/// Issue 21 item 2: `aftercart export customer --email X` prints everything
/// Aftercart holds about one person as one JSON document.
@Suite struct CustomerExportCommandTests {
    func export(_ cli: CLIProcess, _ arguments: [String]) async throws -> (status: Int32, json: [String: Any]) {
        let outcome = try await cli.run(["export", "customer"] + arguments)
        let json = try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return (outcome.status, json ?? [:])
    }

    @Test func exportCustomerPrintsTheirRecordsAndOutboxRowsAndSaysSoWhenNothingIsHeld() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(ForgetErasureTests.options()))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try UnsubscribeCommandTests().prepare(cli, mock: mock)
            let at = Timestamp.format(mock.clock)
            for step in [["sync"], ["plan", "--at", at]] {
                let outcome = try await cli.run(step, environment: PlanCommandTests.secrets)
                #expect(outcome.status == 0, "\(step): \(outcome.stdout)\(outcome.stderr)")
            }
            // The customer with the most planned emails, and their orders.
            let actions = try await cli.run(["export", "actions"])
            var emails: [String: Int] = [:]
            for line in actions.stdout.split(separator: "\n") {
                let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let payload = (row?["payload"] as? String).flatMap {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }
                if row?["action"] as? String == "send_email", let to = payload?["to"] as? String {
                    emails[to.lowercased(), default: 0] += 1
                }
            }
            let chosen = try #require(emails.filter { $0.key.hasPrefix("zeph") }.max { $0.value < $1.value }?.key)
            let orders = try await cli.run(["export", "orders"])
            let orderCount = orders.stdout.split(separator: "\n").filter { $0.lowercased().contains(chosen) }.count
            #expect(orderCount > 0)

            let (status, document) = try await export(cli, ["--email", chosen.uppercased()])
            #expect(status == 0)
            #expect(document["email"] as? String == chosen && document["found"] as? Bool == true)
            let stores = try #require(document["stores"] as? [[String: Any]])
            #expect(stores.count == 1 && stores.first?["store"] as? String == "tokyo-woo")
            let held = try #require(stores.first)
            let customers = held["customers"] as? [[String: Any]] ?? []
            #expect(customers.count == 1 && (customers.first?["email"] as? String)?.lowercased() == chosen)
            #expect(customers.first?.keys.contains("vanished_at") == true)
            #expect((held["orders"] as? [[String: Any]])?.count == orderCount)
            #expect(held["forgotten"] as? Bool == false && (held["suppressions"] as? [Any])?.isEmpty == true)
            let outbox = held["outbox"] as? [[String: Any]] ?? []
            #expect(!outbox.isEmpty && outbox.allSatisfy { $0["state"] as? String == "pending" })
            #expect(held["order_page_views"] is [String: Any] && held["loyalty"] is [Any])

            // The same with --store, and after an unsubscribe the request shows.
            let unsubscribe = try await cli.run(["unsubscribe", "--store", "tokyo-woo", "--email", chosen])
            #expect(unsubscribe.status == 0)
            let scoped = try await export(cli, ["--email", chosen, "--store", "tokyo-woo"])
            let scopedStore = (scoped.json["stores"] as? [[String: Any]])?.first
            #expect(scopedStore?["suppressions"] as? [String] == ["unsubscribed"])

            // An address nobody holds: exit 0, found false, a note, no store.
            let (unknownStatus, unknown) = try await export(cli, ["--email", "nobody@example.org"])
            #expect(unknownStatus == 0)
            #expect(unknown["found"] as? Bool == false && (unknown["stores"] as? [Any])?.isEmpty == true)
            #expect((unknown["note"] as? String)?.contains("holds nothing about this address") == true)

            // After forget, the export holds no personal data, only that the address was forgotten.
            let forget = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen])
            #expect(forget.status == 0, "\(forget.stderr)")
            let afterForget = try await cli.run(["export", "customer", "--email", chosen])
            #expect(afterForget.stdout.contains("\"forgotten\":true"), "\(afterForget.stdout)")
            #expect(afterForget.stdout.components(separatedBy: chosen).count == 2, "\(afterForget.stdout)")

            for wrong in [["--email", "not-an-address"], ["--email", chosen, "--format", "csv"], []] {
                let refused = try await cli.run(["export", "customer"] + wrong)
                #expect(refused.status == 64, "\(wrong): \(refused.status) \(refused.stderr)")
            }
            let misplaced = try await cli.run(["export", "orders", "--email", chosen])
            #expect(misplaced.status != 0 && misplaced.stderr.contains("--email applies to 'export customer' only"))
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
