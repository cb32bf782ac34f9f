import AftercartModel
import Foundation
import MockStores
import Testing

/// `aftercart plan` as an operator runs it: a real process over a database
/// filled by `aftercart sync` from a WooCommerce emulator on loopback, with
/// the repository's campaigns and templates.
@Suite struct PlanCommandTests {
    static let secrets = [
        "WOO_KEY": "ck_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_SECRET": "cs_mock_0123456789abcdef0123456789abcdef01234567",
    ]

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private func prepare(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [engage]
            merchant_email = "support@shop.example"

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
            loyalty = { source = "customer_meta", points_key = "aftercart_points", points_expiring_key = "aftercart_points_expiring", expiry_key = "aftercart_points_expires_at", tier_key = "aftercart_tier" }

            # As config/aftercart.example.toml ships them.
            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            delay = "7d"
            template = "review-request"

            [[campaigns]]
            name = "review-thank-you"
            trigger = "review_posted"
            template = "review-thank-you"
            coupon = { kind = "percent", amount = "10", expires_in = "30d" }
            """, to: "config/aftercart.toml")
        for folder in ["campaigns", "templates"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent("config/\(folder)"),
                to: cli.directory.appendingPathComponent("config/\(folder)"))
        }
    }

    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func dryRunListsActionsOfEveryCampaignThenPlanWritesThemOnce() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 600, seed: 7)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try prepare(cli, mock: mock)
            let sync = try await cli.run(["sync"], environment: Self.secrets)
            #expect(sync.status == 0, "\(sync.stderr)")
            let at = Timestamp.format(mock.clock)

            let dry = try await cli.run(["plan", "--dry-run", "--json", "--at", at])
            #expect(dry.status == 0, "\(dry.stderr)")
            let actions = try objects(dry.stdout)
            let campaigns = Set(actions.compactMap { $0["campaign"] as? String })
            #expect(
                campaigns.isSuperset(of: [
                    "order-confirmation", "shipping-updates", "review-request", "review-thank-you", "points-expiring",
                    "win-back",
                ]), "\(campaigns)")
            for action in actions {
                #expect(action["key"] is String && action["store"] as? String == "tokyo-woo")
                #expect(action["due_at"].flatMap { $0 as? String }.flatMap { Timestamp.parse($0) } != nil)
            }
            let emails = actions.filter { $0["action"] as? String == "send_email" }
            #expect(emails.allSatisfy { ($0["subject"] as? String)?.isEmpty == false })
            #expect(emails.allSatisfy { ($0["customer_email"] as? String)?.contains("@") == true })
            let coupons = actions.filter { $0["action"] as? String == "create_coupon" }
            #expect(!coupons.isEmpty)
            #expect(coupons.allSatisfy { (($0["coupon"] as? [String: Any])?["usage_limit"] as? Int) == 1 })

            // The dry run wrote nothing: planning for real finds the same actions new.
            let real = try await cli.run(["plan", "--at", at])
            #expect(real.status == 0, "\(real.stderr)")
            #expect(real.stdout.contains("tokyo-woo at \(at): planned \(actions.count) actions"), "\(real.stdout)")
            #expect(real.stdout.contains("  review-request: "))
            let again = try await cli.run(["plan", "--at", at, "--json"])
            #expect(again.status == 0 && again.stdout.isEmpty, "\(again.stdout)")

            let export = try await cli.run(["export", "actions"])
            if export.status == 0 {
                #expect(export.stdout.split(separator: "\n").count == actions.count)
            }
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func badInputIsRefusedWithAClearMessage() async throws {
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
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }

            [[campaigns]]
            name = "thanks"
            trigger = "order_placed"
            template = "missing-template"
            transactional = true
            """, to: "config/aftercart.toml")
        let badInstant = try await cli.run(["plan", "--at", "yesterday"])
        #expect(badInstant.status != 0 && badInstant.stderr.contains("is not an ISO 8601 date-time"))
        // Neither a file in templates/ nor a built-in template: refused when the config loads.
        let badTemplate = try await cli.run(["plan", "--dry-run"])
        #expect(badTemplate.status == 2, "\(badTemplate.stderr)")
        #expect(badTemplate.stderr.contains("\"missing-template\" is neither a file in"), "\(badTemplate.stderr)")

        let config = cli.directory.appendingPathComponent("config/aftercart.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try cli.write(
            text.replacingOccurrences(of: "missing-template", with: "order-confirmation"), to: "config/aftercart.toml")
        let badStore = try await cli.run(["plan", "--store", "nowhere"])
        #expect(badStore.status == 2, "\(badStore.stderr)")
        #expect(badStore.stderr.contains("--store nowhere: no store of that name"), "\(badStore.stderr)")
    }
}
