import AftercartModel
import AftercartStore
import Foundation

/// Config and records the CLI tests that need no live store share.
enum CLIFixtures {
    /// A `[[stores]]` entry for a WooCommerce store that nothing answers
    /// (port 9) with inline test keys: enough for commands that read only
    /// the config and the database.
    static func offlineWooStore(_ name: String = "tokyo-woo") -> String {
        """
        [[stores]]
        name = "\(name)"
        platform = "woocommerce"
        base_url = "http://127.0.0.1:9"
        consumer_key = "ck_test"
        consumer_secret = "cs_test"
        consent_meta_key = "opt_in"
        """
    }

    /// Orders 1041…1043 of tokyo-woo, created at `created`; the buyer's
    /// name holds a comma and quotes, as CSV quoting must survive.
    static func orders(created: Date) -> [Order] {
        (1...3).map { index in
            Order(
                store: "tokyo-woo", id: "\(1040 + index)", number: "\(1040 + index)", status: .completed,
                financialStatus: .paid, fulfillmentStatus: .fulfilled, shipmentStatus: .delivered, currency: .jpy,
                total: Money(12800, .jpy), subtotal: Money(12000, .jpy), discountTotal: Money(1200, .jpy),
                shippingTotal: Money(800, .jpy), taxTotal: Money(1200, .jpy), refundedTotal: .zero(.jpy),
                createdAt: created, updatedAt: created, deliveredAt: nil,
                customer: OrderCustomer(
                    id: nil, email: "hana@example.com", firstName: "Hana, \"Sato\"", lastName: nil,
                    acceptsMarketing: true),
                lineItems: [], couponCodes: ["WELCOME10"], tracking: [])
        }
    }

    /// Writes a config (SQLite at `data/test.sqlite`, the offline store) in
    /// `cli`'s folder and a database holding ``orders(created:)``, with the
    /// orders `vanished` marked gone at `vanishedAt`; returns the orders.
    static func exportableStore(
        in cli: CLIProcess, vanished: [String] = [], vanishedAt: Date = Date()
    ) async throws -> [Order] {
        try cli.write(
            "[database]\nurl = \"sqlite:data/test.sqlite\"\n\n" + offlineWooStore(), to: "config/aftercart.toml")
        let persistence = try await SQLitePersistence.open(
            path: cli.directory.appendingPathComponent("data/test.sqlite").path)
        let created = Date(timeIntervalSince1970: 1_793_588_645)  // 2026-11-02T03:04:05Z
        let orders = orders(created: created)
        _ = try await persistence.commitPage(
            orders, checkpoint: CheckpointUpdate(store: "tokyo-woo", resource: .orders, cursor: "{}", at: created))
        if !vanished.isEmpty {
            try await persistence.markVanished(.orders, store: "tokyo-woo", platformIDs: vanished, at: vanishedAt)
        }
        try await persistence.close()
        return orders
    }
}
