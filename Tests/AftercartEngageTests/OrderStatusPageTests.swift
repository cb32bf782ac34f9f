import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// The order-status page as customers of a Japanese WooCommerce shop and
/// an American Shopify shop see it, in every state an order can be in.
@Suite struct OrderStatusPageTests {
    typealias F = OrderPageFixture

    /// The fixed parts of every `[order_page]` and `[order_stage]` string of
    /// `locale` (the text around placeholders), which a page in the other
    /// locale must not show.
    static func words(_ locale: String) -> Set<String> {
        let values = LocaleStrings.shipped(locale).values
            .filter { $0.key.hasPrefix("order_page.") || $0.key.hasPrefix("order_stage.") }.values
        let parts = values.flatMap { $0.split(separator: /\{[a-z_]+\}/) }
        return Set(parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 })
    }

    static func reached(_ html: String, _ stage: OrderTimeline.Stage) -> Bool? {
        if html.contains("<li class=\"stage reached\" data-stage=\"\(stage.rawValue)\"") { return true }
        if html.contains("<li class=\"stage\" data-stage=\"\(stage.rawValue)\"") { return false }
        return nil
    }

    @Test(arguments: F.State.allCases)
    func everyStateShowsItsStagesNoticeWindowAndParcelInBothLanguages(_ state: F.State) {
        let japanese = OrderStatusPage.html(F.japanese(state))
        let english = OrderStatusPage.html(F.american(state))
        for (html, content) in [(japanese, F.japanese(state)), (english, F.american(state))] {
            let timeline = OrderTimeline(content.order)
            #expect(!html.lowercased().contains("<script"))
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"))
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            for step in timeline.steps {
                #expect(Self.reached(html, step.stage) == step.reached, "\(state) \(step.stage)")
            }
            let strings = LocaleStrings.shipped(content.shop.locale)
            for notice in OrderTimeline.Notice.allCases {
                let text = strings.text("order_page.notice_\(notice.rawValue)").replacingOccurrences(
                    of: "'", with: "&#39;")
                #expect(html.contains(text) == timeline.notices.contains(notice), "\(state) \(notice)")
            }
        }
        let awaits = ![.delivered, .refunded, .cancelled, .failedDelivery].contains(state)
        #expect(japanese.contains("お届け予定：2026年11月5日〜2026年11月7日") == awaits)
        #expect(english.contains("Expected delivery: November 5, 2026 – November 8, 2026") == awaits)
        let shipped = [.shipped, .inTransit, .outForDelivery, .delivered, .failedDelivery].contains(state)
        #expect(japanese.contains("<dd>ヤマト運輸</dd>") == shipped)
        #expect(
            japanese.contains(
                "<a href=\"https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&amp;number01=4444-1375-8703\"")
                == shipped)
        #expect(english.contains("<dd>USPS</dd>") == shipped)
        #expect(
            english.contains("<a href=\"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223397694790\"")
                == shipped)
        #expect(japanese.contains("発送済み"))
        // Neither page speaks the other's language.
        for word in Self.words("en-US").subtracting(Self.words("ja-JP")) {
            #expect(!japanese.contains(word), "English \"\(word)\" on the Japanese page (\(state))")
        }
        for word in Self.words("ja-JP").subtracting(Self.words("en-US")) {
            #expect(!english.contains(word), "Japanese \"\(word)\" on the English page (\(state))")
        }
        #expect(!english.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) })
    }

    @Test func theJapanesePageShowsTheOrderAsChargedWithTheShopsLookAndTokyoTimes() {
        let html = OrderStatusPage.html(F.japanese(.delivered))
        #expect(html.contains("<html lang=\"ja-JP\">"))
        #expect(html.contains("<title>ご注文状況 – 喫茶 田中</title>"))
        // The logo heads the page beside the shop's name, which screen readers then read once.
        #expect(
            html.contains(
                "<img class=\"logo\" src=\"https://kissa-tanaka.example/logo.png\" alt=\"\"><span class=\"shop\">喫茶 田中</span>"
            ))
        #expect(html.contains(":root{--accent:#0f766e}"))
        #expect(html.contains("ご注文番号：72"))
        #expect(html.contains("ご注文日時：2026年11月3日 14:05"))
        #expect(
            html.contains(
                "<span class=\"name\">発送済み</span><time datetime=\"2026-11-04T01:30:00Z\">2026年11月4日 10:30</time>"))
        #expect(
            html.contains(
                "<span class=\"name\">お届け済み</span><time datetime=\"2026-11-05T01:45:00Z\">2026年11月5日 10:45</time>"))
        // Paid has no known time: the stage shows without one.
        #expect(html.contains("<span class=\"name\">お支払い完了</span></li>"))
        #expect(html.contains("aria-current=\"step\"><span class=\"name\">お届け済み</span>"))
        #expect(html.contains("2026年11月5日 12:00現在の状況です"))
        for row in [
            "<td>Gift Box × 2</td><td>¥8,800</td>", "<td>有田焼 湯呑み × 1</td><td>¥3,300</td>",
            "<td>有機緑茶 × 1</td><td>¥1,620</td>", "<td>小計</td><td>¥13,720</td>", "<td>割引</td><td>−¥500</td>",
            "<td>送料</td><td>¥726</td>",
            "<td>合計</td><td>¥13,946<span class=\"note\">（税込）</span><br><span class=\"note\">（うち消費税 ¥1,268）</span></td>",
        ] {
            #expect(html.contains(row), "\(row)")
        }
        #expect(!html.contains("<td>消費税</td>"))
        #expect(!html.contains("¥12,473"))
        #expect(html.contains("<h2>おすすめ商品</h2>"))
        #expect(html.contains("<a href=\"https://kissa-tanaka.example/products/kyusu\">急須</a><span>¥5,500</span>"))
        #expect(html.contains("<a href=\"https://kissa-tanaka.example/contact\">お問い合わせはこちら</a>"))
        #expect(html.contains("<p>03-1234-5678（平日10時〜17時）</p>"))
    }

    @Test func theEnglishPageAddsTheTaxAndWritesNewYorkTimes() {
        let html = OrderStatusPage.html(F.american(.inTransit))
        #expect(html.contains("<html lang=\"en-US\">"))
        // Without a logo the shop's name heads the page.
        #expect(html.contains("<span class=\"shop\">Brooklyn Goods</span>"))
        #expect(!html.contains("<img"))
        #expect(html.contains(":root{--accent:#b45309}"))
        #expect(html.contains("Order #1001"))
        #expect(html.contains("Placed Nov 3, 2026 at 12:05 AM"))
        #expect(html.contains("<time datetime=\"2026-11-04T01:30:00Z\">Nov 3, 2026 at 8:30 PM</time>"))
        #expect(html.contains("<td>Ceramic Mug × 2</td><td>$25.00</td>"))
        #expect(html.contains("<td>Tax</td><td>$4.64</td>"))
        #expect(html.contains("<td>Total</td><td>$62.64</td>"))
        #expect(!html.contains("(includes"))
        #expect(!html.contains("<td>Discount</td>"))
        #expect(html.contains("<a href=\"https://brooklyn.example/help\">Contact us</a>"))
    }

    @Test func anUnknownCarrierShowsTheNumberWithoutALink() {
        var content = F.japanese(.inTransit)
        content.order.tracking = [Shipment(carrier: "Kangaroo Express", number: "KX-0001", url: nil)]
        let html = OrderStatusPage.html(content)
        #expect(html.contains("<dd>Kangaroo Express</dd>"))
        #expect(html.contains("<dd class=\"number\">KX-0001</dd>"))
        #expect(!html.contains("class=\"track\""))
        #expect(!html.contains("配送業者のページで確認する"))
    }

    @Test func crossSellShowsUpToFourProductsAndIsAbsentWithoutAny() {
        let none = OrderStatusPage.html(F.japanese(.paid, recommendations: []))
        #expect(!none.contains("おすすめ商品"))
        #expect(!none.contains("class=\"products\""))
        let six = (1...6).map {
            OrderPageContent.Product(name: "P\($0)", price: Money(100, .jpy), url: "https://shop.example/p/\($0)")
        }
        let four = OrderStatusPage.html(F.japanese(.paid, recommendations: six))
        #expect(four.components(separatedBy: "<li><a href=\"https://shop.example/p/").count == 5)
        #expect(!four.contains("https://shop.example/p/5"))
        // A product without a web address to link to is left out.
        let unlinked = [OrderPageContent.Product(name: "Hidden", price: Money(1, .usd), url: "javascript:alert(1)")]
        let html = OrderStatusPage.html(F.american(.paid, recommendations: unlinked))
        #expect(!html.contains("You may also like"))
        #expect(!html.contains("javascript:"))
    }

    @Test func everythingFromStoresIsEscapedAndNoStyleOrScriptGetsIn() {
        var content = F.american(.inTransit)
        content.shop.name = "Shop \"<b>\" & Co"
        content.shop.contact = "<img src=x onerror=alert(1)>"
        content.shop.branding = StoreBranding(
            logoURL: URL(string: "javascript:alert(1)"), accentColor: "red}body{display:none",
            supportURL: URL(string: "javascript:alert(2)"))
        content.order.lineItems[0].name = "<script>alert(1)</script>"
        content.order.number = "<b>1001</b>"
        content.order.tracking = [Shipment(carrier: "<i>USPS</i>", number: "\"><script>", url: "javascript:alert(3)")]
        content.recommendations = [
            .init(name: "<script>", price: Money(1, .usd), url: "https://x.example/?a=1&b=\"2\"")
        ]
        let html = OrderStatusPage.html(content)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; × 1"))
        #expect(html.contains("Shop &quot;&lt;b&gt;&quot; &amp; Co"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;</a>"))
        // Only a #rrggbb colour reaches the style sheet; the neutral one stands in.
        #expect(!html.contains("display:none"))
        #expect(html.contains(":root{--accent:#44403c}"))
    }

    @Test func withoutSupportPageOrContactThereIsNoSupportSection() {
        var content = F.american(.paid)
        content.shop.branding.supportURL = nil
        content.shop.contact = "  "
        let html = OrderStatusPage.html(content)
        #expect(!html.contains("<footer>"))
        #expect(!html.contains("Questions?"))
    }

    @Test func timesOfDayAreWrittenAsEachLanguageWritesThem() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let at = Timestamp.parse("2026-11-03T05:05:00Z")!
        #expect(
            MessageFormatting(timeZone: tokyo, language: "ja-JP").dateTime(at, currency: .jpy) == "2026年11月3日 14:05")
        #expect(
            MessageFormatting(timeZone: tokyo, language: "en-US").dateTime(at, currency: .jpy)
                == "Nov 3, 2026 at 2:05 PM")
        #expect(MessageFormatting(timeZone: tokyo).dateTime(at, currency: .jpy) == "2026年11月3日 14:05")
    }
}
