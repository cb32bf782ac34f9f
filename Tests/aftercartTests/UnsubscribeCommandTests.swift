import AftercartModel
import Foundation
import MockStores
import Testing

/// `aftercart unsubscribe` and `aftercart forget` as an operator runs them:
/// real processes over a database filled by `aftercart sync` from a
/// WooCommerce emulator on loopback, checked through `aftercart plan`.
/// One at a time: each serves a few hundred orders from an emulator in
/// this process, and together they would starve the other tests' emulators.
@Suite(.serialized) struct UnsubscribeCommandTests {
    func prepare(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [engage]
            merchant_email = "support@shop.example"
            max_messages_per_week = 10

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "\(mock.timeZone)"
            consent_meta_key = "aftercart_marketing_consent"
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example"

            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            delay = "7d"
            template = "review-request"
            """, to: "config/aftercart.toml")
        for folder in ["campaigns", "templates"] {
            try FileManager.default.copyItem(
                at: PlanCommandTests.repository.appendingPathComponent("config/\(folder)"),
                to: cli.directory.appendingPathComponent("config/\(folder)"))
        }
    }

    /// The dry-run actions per customer email.
    func actionsByEmail(_ cli: CLIProcess, at: String) async throws -> [String: [[String: Any]]] {
        let dry = try await cli.run(["plan", "--dry-run", "--json", "--at", at])
        #expect(dry.status == 0, "\(dry.stderr)")
        var result: [String: [[String: Any]]] = [:]
        for line in dry.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let email = object["customer_email"] as? String {
                result[email.lowercased(), default: []].append(object)
            }
        }
        return result
    }

    func marketing(_ actions: [[String: Any]]) -> [[String: Any]] {
        actions.filter { $0["action"] as? String == "send_email" && $0["transactional"] as? Bool == false }
    }

    private func transactional(_ actions: [[String: Any]]) -> [[String: Any]] {
        actions.filter { $0["transactional"] as? Bool == true }
    }

    @Test func unsubscribeStopsMarketingAndForgetStopsEverything() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 600, seed: 7)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try prepare(cli, mock: mock)
            let sync = try await cli.run(["sync"], environment: PlanCommandTests.secrets)
            #expect(sync.status == 0, "\(sync.stderr)")
            let at = Timestamp.format(mock.clock)

            let before = try await actionsByEmail(cli, at: at)
            // The customer with the most transactional messages among those who also get marketing.
            let candidates = before.filter { !marketing($0.value).isEmpty }
            let chosen = try #require(
                candidates.max { transactional($0.value).count < transactional($1.value).count }?.key)
            let transactionalBefore = transactional(before[chosen] ?? []).count

            let unsubscribe = try await cli.run([
                "unsubscribe", "--store", "tokyo-woo", "--email", chosen.uppercased(),
            ])
            #expect(unsubscribe.status == 0, "\(unsubscribe.stderr)")
            #expect(unsubscribe.stdout.contains("\(chosen) unsubscribed"), "\(unsubscribe.stdout)")

            let afterUnsubscribe = try await actionsByEmail(cli, at: at)
            #expect(marketing(afterUnsubscribe[chosen] ?? []).isEmpty)
            #expect(transactional(afterUnsubscribe[chosen] ?? []).count == transactionalBefore)
            // Everybody else is planned as before.
            let others = before.keys.filter { $0 != chosen }
            #expect(others.allSatisfy { afterUnsubscribe[$0]?.count == before[$0]?.count })

            let forget = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen])
            #expect(forget.status == 0, "\(forget.stderr)")
            #expect(forget.stdout.contains("\(chosen) forgotten"), "\(forget.stdout)")
            let afterForget = try await actionsByEmail(cli, at: at)
            #expect(afterForget[chosen] == nil)
            #expect(others.allSatisfy { afterForget[$0]?.count == before[$0]?.count })
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func forgetCancelsWaitingRowsOfThatCustomerOnly() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 300, seed: 11)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try prepare(cli, mock: mock)
            let sync = try await cli.run(["sync"], environment: PlanCommandTests.secrets)
            #expect(sync.status == 0, "\(sync.stderr)")
            let at = Timestamp.format(mock.clock)
            let planned = try await actionsByEmail(cli, at: at)
            let chosen = try #require(planned.max { $0.value.count < $1.value.count }?.key)
            let plan = try await cli.run(["plan", "--at", at])
            #expect(plan.status == 0, "\(plan.stderr)")

            let forget = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen])
            #expect(forget.status == 0, "\(forget.stderr)")
            let count = planned[chosen]?.count ?? 0
            #expect(forget.stdout.contains("cancelled \(count) waiting outbox rows"), "\(forget.stdout)")
            // Forgetting twice finds nothing more to cancel.
            let again = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen])
            #expect(again.stdout.contains("cancelled 0 waiting outbox rows"), "\(again.stdout)")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test(arguments: [
        (["unsubscribe", "--store", "nowhere", "--email", "ann@example.com"], "no store of that name"),
        (["forget", "--store", "tokyo-woo", "--email", "ann-at-example.com"], "is not an email address"),
        (["unsubscribe", "--store", "tokyo-woo"], "--email"),
    ])
    func badInputIsRefusedWithAClearMessage(arguments: [String], message: String) async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "http://127.0.0.1:9"
            consumer_key = "ck_test"
            consumer_secret = "cs_test"
            """, to: "config/aftercart.toml")
        let outcome = try await cli.run(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.status == 2 || outcome.status == 64, "\(outcome.status)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}
