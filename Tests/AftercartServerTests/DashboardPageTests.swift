import AftercartModel
import AftercartOutcomes
import AftercartServer
import Foundation
import Testing

/// The dashboard page rendered from hand-built reports: bars in proportion
/// to their figures, empty states instead of broken charts, every store
/// string escaped, the store's language, each currency on its own.
@Suite struct DashboardPageTests {
    /// Every bar's drawn height and the value it stands for, in page order.
    static func bars(_ html: some StringProtocol) -> [(height: Double, value: Double)] {
        let pattern = /<rect class="bar"[^>]*(?:height|width)="([0-9.]+)"[^>]*?data-value="([0-9.]+)"/
        return String(html).matches(of: pattern).map { (Double($0.output.1)!, Double($0.output.2)!) }
    }

    /// The part of `html` between `start` and the next `end`.
    static func section(_ html: String, from start: String, to end: String = "</section>") -> Substring {
        guard let lower = html.range(of: start) else { return "" }
        let rest = html[lower.upperBound...]
        return rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)]
    }

    @Test func barsAreAsTallAsTheirFiguresOnOneScale() throws {
        let html = DashboardPage.html(SampleReports.tokyo(), locale: "en-US")
        let revenue = Self.bars(Self.section(html, from: "<section id=\"revenue\">"))
        // Six weeks with revenue: four of thank-you, two of review-request (zero weeks draw no bar).
        #expect(revenue.map(\.value) == [10_000, 40_000, 5_000, 20_000, 28_000, 7_000])
        let ratio = try #require(revenue.first).height / 10_000
        for bar in revenue { #expect(abs(bar.height - bar.value * ratio) < 0.11, "\(bar)") }
        // The tallest bar nearly fills the plot (axis top 40,000 for a 40,000 maximum).
        #expect(abs((revenue.map(\.height).max() ?? 0) - 256) < 0.11)

        let ratings = Self.bars(Self.section(html, from: "<section id=\"reviews\">"))
        #expect(ratings.map(\.value) == [2, 1, 4, 8, 10], "every rating drawn, the low ones too")
        let perReview = ratings[0].height / 2
        for bar in ratings { #expect(abs(bar.height - bar.value * perReview) < 0.11, "\(bar)") }

        let funnel = Self.bars(Self.section(html, from: "<section id=\"coupons\">"))
        #expect(funnel.map(\.value) == [40, 10])
        #expect(abs(funnel[1].height * 4 - funnel[0].height) < 0.5, "redeemed is a quarter of created")
    }

    @Test func theChartsNumbersAreAlsoTextAndTheirSVGsAreLabelled() {
        let html = DashboardPage.html(SampleReports.tokyo(), locale: "en-US")
        #expect(
            html.contains("role=\"img\" aria-label=\"Revenue after each campaign&#39;s messages per week, in JPY\""))
        #expect(html.contains("<title>Revenue after each campaign&#39;s messages per week, in JPY</title>"))
        #expect(html.contains("<title>thank-you, 11/9: ¥40,000</title>"), "each bar names its figure")
        for text in ["<td>¥40,000</td>", "<td>¥98,000</td>", "<td>120</td>", "<td>14</td>", "10 (25%)", "¥52,000"] {
            #expect(html.contains(text), "\(text)")
        }
        // Customers: repeat rate, average days, the cohort heat map with a share in each cell.
        for text in ["15%", "23.5 days", "<dd>200</dd>", "<dd>30</dd>", "Sep 2026", "+2"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.components(separatedBy: "<rect class=\"cell\"").count - 1 == 6)
        #expect(
            html.contains(">5%</text>") && html.contains(">10%</text>"), "4 of 80 and 5 of 50 written in their cells")
        #expect(html.contains("No marketing consent") && html.contains("Order refunded"))
        #expect(html.contains("window estimate") && html.contains("exact"))
        #expect(!html.contains("<script") && !html.contains("NaN") && !html.contains("=\"inf"))
    }

    @Test func aQuietPeriodShowsWhyThereIsNoChartInsteadOfABrokenOne() {
        let html = DashboardPage.html(SampleReports.quiet(), locale: "en-US")
        for text in [
            "No revenue followed a message in this period.", "No coupon was created in this period.",
            "No review followed a request in this period.", "No customer placed a first order in this period.",
            "No planned message was held back in this period.",
        ] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(!html.contains("<svg"), "no empty axes")
        #expect(!html.contains("NaN") && !html.contains("=\"inf"))
        #expect(html.contains("<dd>–</dd>"), "no repeat rate without customers")
    }

    @Test func storeStringsAreEscapedInTheTextAndInTheSVG() {
        let hostile = "<script>alert(1)</script>"
        var report = SampleReports.tokyo(campaignName: hostile)
        report.displayName = "Mugs & <b>Co</b>"
        let stores = [
            DashboardStore(id: "tokyo-woo", displayName: "\"><img src=x>", locale: "en-US"),
            DashboardStore(id: "a&b", displayName: "Other", locale: "en-US"),
        ]
        let html = DashboardPage.html(report, locale: "en-US", stores: stores)
        #expect(!html.contains("<script>") && !html.contains("<b>Co") && !html.contains("<img src=x>"))
        #expect(html.contains("Mugs &amp; &lt;b&gt;Co&lt;/b&gt;"))
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let svg = Self.section(html, from: "<svg", to: "</svg>")
        #expect(svg.contains("<title>\(escaped), 11/2: ¥10,000</title>"), "\(svg.prefix(600))")
        #expect(html.components(separatedBy: escaped).count > 4, "table, legend, chart and coupon card")
        #expect(html.contains("href=\"/dashboard?store=a%26b&amp;from=2026-11-01&amp;to=2026-11-30\""))
    }

    @Test func aJapaneseStoreGetsAJapanesePageAndAnEnglishOneAnEnglishPage() {
        let japanese = DashboardPage.html(SampleReports.tokyo(), locale: "ja-JP")
        #expect(japanese.contains("<html lang=\"ja-JP\">"))
        for text in [
            "メール施策の成果", "送信後の売上", "期間内推定", "実績", "リピート率", "23.5日", "¥98,000", "2026年11月1日〜2026年11月30日",
            "メール配信の同意なし", "★5", "2026年9月", "+1か月",
        ] {
            #expect(japanese.contains(text), "\(text)")
        }
        #expect(!japanese.contains("What your messages earned"))
        let english = DashboardPage.html(SampleReports.tokyo(), locale: "en-US")
        #expect(english.contains("<html lang=\"en-US\">"))
        for text in [
            "What your messages earned", "Revenue after a message", "November 1, 2026 – November 30, 2026", "5★",
        ] {
            #expect(english.contains(text), "\(text)")
        }
        #expect(!english.contains("メール"))
    }

    @Test func revenueInTwoCurrenciesIsChartedAndSummedPerCurrency() {
        let html = DashboardPage.html(SampleReports.brooklynTwoCurrencies(), locale: "en-US")
        let charts = Self.section(html, from: "<section id=\"revenue\">")
        #expect(charts.components(separatedBy: "<svg").count - 1 == 2, "one chart per currency")
        #expect(charts.contains("in EUR") && charts.contains("in USD"))
        #expect(html.contains("<td>80,00 € / $120.50</td>"), "the campaign's total in both currencies, never summed")
        // Each chart's bar fills its own axis: 80 € and $120.50 are each their chart's maximum.
        let bars = Self.bars(charts)
        #expect(bars.map(\.value) == [80, 120.5])
    }
}
