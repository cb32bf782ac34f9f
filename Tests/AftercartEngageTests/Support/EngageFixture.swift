import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import Foundation

/// A real SQLite file with hand-built records, the repository's campaigns
/// and templates, and a frozen clock.
struct EngageFixture {
    static let store: StoreID = "tokyo-woo"
    /// 2026-11-20 12:00 in Tokyo: outside quiet hours.
    static let now = Timestamp.parse("2026-11-20T03:00:00Z")!
    static let day: TimeInterval = 86_400

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    let folder: URL
    let database: SQLitePersistence
    var configuration: AftercartConfiguration

    /// A fixture whose config folder holds the repository's `campaigns/` and `templates/`.
    static func make(
        timeZone: String = "Asia/Tokyo", engage: EngageSettings = EngageSettings(),
        storeConsent: String? = nil, platform: String = "woocommerce"
    ) async throws -> EngageFixture {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-engage-\(UUID().uuidString)", isDirectory: true)
        let config = folder.appendingPathComponent("config", isDirectory: true)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        for name in ["campaigns", "templates"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("config/\(name)"), to: config.appendingPathComponent(name))
        }
        var text = """
            [[stores]]
            name = "\(store)"
            platform = "\(platform)"
            base_url = "https://shop.example"
            timezone = "\(timeZone)"
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example / 03-1234-5678"

            """
        if platform == "woocommerce" {
            text += "consumer_key = \"ck_test\"\nconsumer_secret = \"cs_test\"\n"
        } else {
            text += "access_token = \"shpat_test\"\n"
        }
        if let storeConsent { text += "marketing_consent = \"\(storeConsent)\"\n" }
        text += reviewCampaigns
        var configuration = try AftercartConfiguration.parse(
            text, file: config.appendingPathComponent("aftercart.toml").path, directory: config, environment: [:],
            platforms: .shipped)
        configuration.engage = engage
        let database = try await SQLitePersistence.open(path: folder.appendingPathComponent("a.sqlite").path)
        return EngageFixture(folder: folder, database: database, configuration: configuration)
    }

    /// The two review campaigns `config/aftercart.example.toml` ships in its
    /// main file (so not in `config/campaigns/`, whose names must differ).
    static let reviewCampaigns = """

        [[campaigns]]
        name = "review-request"
        trigger = "delivered"
        delay = "7d"
        template = "review-request"

        [[campaigns]]
        name = "review-thank-you"
        trigger = "review_posted"
        template = "review-thank-you"
        coupon = { kind = "percent", amount = "10", expires_in = "30d", code_prefix = "THANKS" }

        """

    /// Keeps only the named campaigns.
    mutating func only(_ names: String...) {
        configuration.campaigns = configuration.campaigns.filter { names.contains($0.name) }
    }

    func planner() async throws -> Planner {
        try await Planner.make(configuration: configuration, database: database)
    }

    func plan(at: Date = now, dryRun: Bool = false) async throws -> PlanReport {
        try await planner().plan(store: Self.store, at: at, dryRun: dryRun)
    }

    func save<R: SyncRecord>(_ records: [R]) async throws {
        _ = try await database.commitPage(
            records, checkpoint: CheckpointUpdate(store: Self.store, resource: R.resource, cursor: nil, at: Self.now))
    }

    func remove() async {
        try? await database.close()
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Records

    static func customer(_ id: String, email: String? = nil, first: String = "Hana", consent: Bool? = true) -> Customer
    {
        Customer(
            store: store, id: id, email: email ?? "c\(id)@example.test", firstName: first, lastName: "Sato",
            acceptsMarketing: consent, ordersCount: nil, totalSpent: nil, createdAt: now.addingTimeInterval(-400 * day),
            updatedAt: nil)
    }

    static func order(
        _ id: String, customer: String?, email: String? = nil, created: Date, status: OrderStatus = .completed,
        shipment: ShipmentStatus = .none, delivered: Date? = nil, shipped: Date? = nil, products: [String] = ["P1"],
        refunded: Decimal = 0, consent: Bool? = nil
    ) -> Order {
        let jpy = Currency.jpy
        let lines = products.map { product in
            LineItem(
                productID: product, variantID: nil, sku: "SKU-\(product)", name: "Product \(product)", quantity: 1,
                unitPrice: Money(1200, jpy), total: Money(1200, jpy))
        }
        let total = Money(Decimal(1200 * products.count), jpy)
        return Order(
            store: store, id: id, number: "#\(id)", status: status, financialStatus: .paid,
            fulfillmentStatus: shipment == .none ? .unfulfilled : .fulfilled, shipmentStatus: shipment, currency: jpy,
            total: total, subtotal: total, discountTotal: .zero(jpy), shippingTotal: .zero(jpy), taxTotal: .zero(jpy),
            refundedTotal: Money(refunded, jpy), createdAt: created,
            updatedAt: delivered ?? shipped ?? created, shippedAt: shipped, deliveredAt: delivered,
            customer: OrderCustomer(
                id: customer, email: email ?? customer.map { "c\($0)@example.test" }, firstName: "Hana",
                lastName: "Sato", acceptsMarketing: consent),
            lineItems: lines, couponCodes: [],
            tracking: [Shipment(carrier: "Yamato", number: "1234\(id)", url: nil)])
    }

    static func review(_ id: String, product: String, email: String, rating: Int, created: Date) -> Review {
        Review(
            store: store, id: id, productID: product, customerEmail: email, reviewerName: "Hana", rating: rating,
            verified: true, status: .approved, createdAt: created)
    }

    static func loyalty(
        _ customer: String, points: Int, tier: String?, expiring: Int? = nil, expires: Date? = nil
    ) -> LoyaltyAccount {
        LoyaltyAccount(
            store: store, customerID: customer, points: points, tier: tier, pointsExpiring: expiring,
            expiresAt: expires, source: "customer_meta", updatedAt: now)
    }
}

extension PlanReport {
    /// The new actions of `campaign`.
    func actions(_ campaign: String) -> [PlannedAction] { actions.filter { $0.entry.campaign == campaign } }

    func summary(_ campaign: String) -> CampaignSummary? { campaigns.first { $0.name == campaign } }

    /// The emails of `campaign`, decoded.
    func emails(_ campaign: String) throws -> [EmailAction] {
        try actions(campaign).filter { $0.entry.action == .sendEmail }.map {
            try ModelJSON.decoder().decode(EmailAction.self, from: Data($0.entry.payload.utf8))
        }
    }
}
