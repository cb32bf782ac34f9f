import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// A store whose locale is ja-JP writes every shipped campaign in Japanese:
/// family name first with 様, tax-inclusive totals, 年月日 dates, labels from
/// the locale table; an en-US store keeps the English set.
@Suite struct JapaneseMessageTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    /// Words of the English set; none may reach a Japanese customer.
    static let englishWords = [
        "hello", "dear", "thank", "total", "subtotal", "shipping", "discount", "tax", "order", "track", "carrier",
        "point", "expire", "review", "deliver", "your", "congratulations", "miss", "reward", "join", "purchase",
        "coupon", "label", "transit", "way",
    ]

    static func japaneseFixture() async throws -> F {
        var fixture = try await F.make()
        fixture.configuration.stores[0].configuredLocale = "ja-JP"
        // Several campaigns write to one customer here; the weekly cap is not under test.
        fixture.configuration.engage.maxMessagesPerWeek = 10
        return fixture
    }

    static func tanaka(_ id: String = "1") -> Customer {
        var customer = F.customer(id, first: "海斗")
        customer.lastName = "田中"
        return customer
    }

    static func order(
        _ id: String, created: Date, shipment: ShipmentStatus = .none, delivered: Date? = nil,
        shipped: Date? = nil, products: [String] = ["P1"]
    ) -> Order {
        var order = F.order(
            id, customer: "1", created: created, shipment: shipment, delivered: delivered, shipped: shipped,
            products: products)
        order.customer.firstName = "海斗"
        order.customer.lastName = "田中"
        return order
    }

    /// The prose of a part: no links, addresses, tags or coupon codes, lowercased.
    static func prose(_ part: String, coupon: String?) -> String {
        var text = part.replacing(/https?:\/\/[^\s"<]+/, with: "").replacing(/<[^>]*>/, with: "")
            .replacing(/[\w.+-]+@[\w.-]+/, with: "")
        if let coupon { text = text.replacingOccurrences(of: coupon, with: "") }
        return text.lowercased()
    }

    static func expectJapanese(_ email: EmailAction, sourceLocation: SourceLocation = #_sourceLocation) {
        for part in [email.subject, email.text, email.html] {
            let text = prose(part, coupon: email.couponCode)
            for word in englishWords where text.contains(word) {
                Issue.record("\"\(word)\" in: \(part)", sourceLocation: sourceLocation)
            }
        }
        #expect(email.text.hasPrefix("田中 海斗 様\n"), sourceLocation: sourceLocation)
        #expect(email.html.contains("田中 海斗 様"), sourceLocation: sourceLocation)
        #expect(email.text.contains("tokyo-woo"), "signed with the shop's name", sourceLocation: sourceLocation)
    }

    @Test func orderConfirmationIsJapaneseWithTaxInclusiveTotalAndJapaneseDates() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        try await fixture.save([Self.tanaka()])
        try await fixture.save([Self.order("10", created: now - 3600)])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        Self.expectJapanese(email)
        #expect(email.subject == "【tokyo-woo】ご注文ありがとうございます（注文番号 #10）")
        #expect(email.toName == "田中 海斗")
        #expect(email.text.contains("合計：¥1,200（税込）"))
        #expect(email.text.contains("2026年11月20日に承りました"))
        #expect(email.text.contains("お届け予定：2026年11月22日〜2026年11月25日"))
        #expect(!email.text.contains(" – "))
    }

    @Test func shippingUpdatesUseTheLocalesStatusLabels() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([Self.tanaka()])
        try await fixture.save([
            Self.order("11", created: now - 2 * day, shipment: .inTransit, shipped: now - day),
            Self.order("12", created: now - 2 * day, shipment: .failure, shipped: now - day),
        ])
        let emails = try await fixture.plan().emails("shipping-updates").sorted {
            ($0.orderID ?? "") < ($1.orderID ?? "")
        }
        #expect(emails.count == 2)
        for email in emails { Self.expectJapanese(email) }
        #expect(emails.first?.subject == "【tokyo-woo】ご注文（注文番号 #11）配送中のお知らせ")
        #expect(emails.first?.text.contains("配送状況は「配送中」です") == true)
        #expect(emails.first?.text.contains("お問い合わせ番号：123411") == true)
        #expect(emails.last?.text.contains("お届けできませんでした") == true)
    }

    @Test func reviewRequestThankYouAndInvitationAreJapanese() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "review-thank-you")
        try await fixture.save([Self.tanaka()])
        try await fixture.save([
            Self.order("13", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day, products: ["P2"])
        ])
        try await fixture.save([F.review("r1", product: "P9", email: "c1@example.test", rating: 5, created: now - 3600)]
        )
        let report = try await fixture.plan()
        let request = try #require(try report.emails("review-request").first)
        Self.expectJapanese(request)
        #expect(request.text.contains("・Product P2："))
        let thanks = try report.emails("review-thank-you")
        #expect(thanks.count == 2, "the thank-you and the loyalty invitation")
        for email in thanks { Self.expectJapanese(email) }
        let thankYou = try #require(thanks.first { $0.couponCode != nil })
        #expect(thankYou.text.contains("「ご購入商品」"), "an unknown product is named from the locale table")
        #expect(thankYou.text.contains("10%割引"))
        #expect(thankYou.text.contains("2026年12月20日まで"))
    }

    /// A free-shipping coupon is promised in the locale's words, never as "0%".
    @Test(arguments: [("ja-JP", "送料無料クーポン"), ("en-US", "here is free shipping on your next order")])
    func aFreeShippingThankYouSaysFreeShipping(locale: String, promise: String) async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.configuration.stores[0].configuredLocale = locale
        fixture.only("review-thank-you")
        for index in fixture.configuration.campaigns.indices where fixture.configuration.campaigns[index].coupon != nil
        {
            fixture.configuration.campaigns[index].coupon = CampaignCoupon(kind: .freeShipping, amount: 0)
        }
        try await fixture.save([Self.tanaka()])
        try await fixture.save([Self.order("13", created: now - 12 * day, products: ["P2"])])
        try await fixture.save([F.review("r1", product: "P2", email: "c1@example.test", rating: 4, created: now - 3600)]
        )
        let report = try await fixture.plan()
        let thankYou = try #require(try report.emails("review-thank-you").first { $0.couponCode != nil })
        #expect(thankYou.text.contains(promise))
        #expect(thankYou.html.contains(promise))
        #expect(!thankYou.text.contains("0%"))
        let planned = try #require(report.actions("review-thank-you").first { $0.entry.action == .createCoupon })
        let coupon = try ModelJSON.decoder().decode(CouponAction.self, from: Data(planned.entry.payload.utf8))
        #expect(coupon.kind == .freeShipping)
        #expect(coupon.amount == 0)
    }

    @Test func loyaltyAndWinBackMessagesAreJapanese() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("points-expiring", "tier-changed", "win-back")
        try await fixture.save([Self.tanaka(), F.customer("3")])
        try await fixture.save([
            Self.order("10", created: now - 55 * day, shipment: .delivered, delivered: now - 50 * day),
            F.order("13", customer: "3", created: now - 200 * day, products: ["P1", "P2"]),
        ])
        try await fixture.save([F.loyalty("1", points: 400, tier: "bronze")])
        let first = try await fixture.plan()
        try await fixture.save([
            // The tier names the planner ranks today; the store's own names are another change.
            F.loyalty("1", points: 2500, tier: "silver", expiring: 300, expires: now + 10 * day)
        ])
        let report = try await fixture.plan(at: now + day)
        let expiring = try #require(try report.emails("points-expiring").first)
        Self.expectJapanese(expiring)
        #expect(expiring.subject == "【tokyo-woo】300ポイントの有効期限が近づいています")
        #expect(expiring.text.contains("2026年11月30日に有効期限"))
        let tier = try #require(try report.emails("tier-changed").first)
        Self.expectJapanese(tier)
        #expect(tier.text.contains("bronzeからsilverに上がりました"))
        let winBack = try #require(try first.emails("win-back").first)
        Self.expectJapanese(winBack)
        #expect(winBack.text.contains("・Product P2（¥1,200）"))
    }

    @Test func theSupportAlertIsJapaneseForTheShopsStaff() throws {
        let parts = try #require(ShippedFiles.template(named: "support-alert", locale: "ja-JP"))
        let template = try MessageTemplate(
            name: "support-alert", subject: parts["subject"]!, text: parts["text"]!, html: parts["html"]!)
        let rendered = template.render([
            "customer": ["addressee": "田中 海斗 様", "email": "kaito@example.test"],
            "review": ["rating": 1, "product_name": "湯呑み", "product_url": "https://shop.example/p/1"],
            "order": ["number": "1294"],
        ])
        #expect(rendered.subject == "【要対応】田中 海斗 様より「湯呑み」に★1のレビュー")
        #expect(rendered.text.contains("注文番号：1294"))
    }

    /// A failed delivery's alert for a Japanese shop's staff is planned in
    /// Japanese (carrier and number included) and rendered once, at planning.
    @Test func aFailedDeliveryAlertsTheStaffInTheStoresLanguage() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([Self.tanaka()])
        var failed = Self.order("10", created: now - 5 * day, shipment: .failure, shipped: now - 4 * day)
        failed.tracking = [Shipment(carrier: "Yamato", number: "593376036588", url: nil)]
        failed.updatedAt = now - 3_600
        try await fixture.save([failed])
        let report = try await fixture.plan()
        let row = try #require(report.actions("shipping-updates").first { $0.entry.action == .supportAlert })
        let alert = try ModelJSON.decoder().decode(SupportAlertAction.self, from: Data(row.entry.payload.utf8))
        let message = try #require(alert.message)
        #expect(message.subject == "【要対応】お届け不可（注文番号 #10）：田中 海斗 様")
        #expect(alert.reason == message.subject)
        #expect(message.text.contains("配送業者：ヤマト運輸\nお問い合わせ番号：593376036588\n"))
        #expect(message.html.contains("お届けできませんでした"))
        for part in [message.subject, message.text, message.html] {
            let prose = Self.prose(part, coupon: nil)
            #expect(!["delivery", "carrier", "customer", "order"].contains { prose.contains($0) }, "\(part)")
        }
    }

    @Test func anEnglishStoreKeepsTheEnglishSet() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        try await fixture.save([Self.tanaka()])
        try await fixture.save([Self.order("10", created: now - 3600)])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        #expect(email.subject == "Thank you for your order #10")
        #expect(email.text.contains("Total: ¥1,200"))
        #expect(email.text.contains("Expected delivery: November 22, 2026 – November 25, 2026"))
        #expect(!email.text.contains("様"))
        #expect(email.toName == "海斗 田中")
    }

    @Test func aMerchantsJapaneseTemplateWinsOverTheBuiltInOne() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        let folder = fixture.configuration.templatesDirectory.appendingPathComponent("ja-JP")
        // The English file of the same name is the merchant's too, and loses.
        try "Custom English".write(
            to: fixture.configuration.templatesDirectory.appendingPathComponent("order-confirmation.subject.mustache"),
            atomically: true, encoding: .utf8)
        try "{{customer.addressee}}、ご注文 {{order.number}} を承りました".write(
            to: folder.appendingPathComponent("order-confirmation.subject.mustache"), atomically: true, encoding: .utf8)
        try await fixture.save([Self.tanaka()])
        try await fixture.save([Self.order("10", created: now - 3600)])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        #expect(email.subject == "田中 海斗 様、ご注文 #10 を承りました")
    }

    @Test func withoutATemplatesFolderAJapaneseStoreUsesTheBuiltInJapaneseSet() async throws {
        var fixture = try await Self.japaneseFixture()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        try FileManager.default.removeItem(at: fixture.configuration.templatesDirectory)
        try await fixture.save([Self.tanaka()])
        try await fixture.save([Self.order("10", created: now - 3600)])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        Self.expectJapanese(email)
    }

    @Test func checkReportsATemplateMissingForAConfiguredLocaleOnly() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        let missing = fixture.configuration.templatesDirectory.appendingPathComponent(
            "ja-JP/review-request.html.mustache")
        try FileManager.default.removeItem(at: missing)
        // No store writes Japanese: the incomplete folder is not used.
        #expect(TemplateLibrary.problems(for: fixture.configuration).isEmpty)
        fixture.configuration.stores[0].configuredLocale = "ja-JP"
        let problems = TemplateLibrary.problems(for: fixture.configuration)
        #expect(problems.map(\.template) == ["review-request"])
        #expect(problems.first?.file == missing.path)
        #expect(problems.first?.message.contains("missing") == true)
    }
}
