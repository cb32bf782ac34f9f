import ChildProcessTesting
import Foundation
import Testing

/// The order-status page as a customer meets it (issue 20): `aftercart
/// demo` prints one link per store, `aftercart serve` on the demo's config
/// answers them, and a real browser opens the Japanese and the English one
/// and takes a phone-sized picture of each (docs/order-page-*.png were
/// taken this way).
@Suite struct OrderPageBrowserTests {
    @Test func theDemosLinksOpenAsJapaneseAndEnglishPagesInABrowser() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let demo = try await cli.run(["demo", "--orders", "60", "--dir", "demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        func link(_ store: String) throws -> String {
            let line = try #require(demo.stdout.split(separator: "\n").first { $0.hasPrefix("  \(store): http") })
            return String(line.split(separator: " ").last!)
        }
        let tokyo = try link("tokyo-woo")
        let brooklyn = try link("brooklyn-shop")
        #expect(demo.stdout.contains("serve --config"), "\(demo.stdout)")

        let environment = [
            "DEMO_WOO_KEY": "demo", "DEMO_WOO_SECRET": "demo", "DEMO_SHOPIFY_TOKEN": "demo",
            "DEMO_ADMIN_PASSWORD": "demo",
        ]
        let server = try cli.start(
            ["serve", "--config", "demo/aftercart.toml", "--port", "0", "--log-level", "warning"],
            environment: environment, capture: true)
        defer { if server.isRunning { server.terminate() } }
        let base = String(await server.firstLine().dropFirst("listening on ".count))
        // The demo's links point at its public_url; the server listens where the system put it.
        func served(_ url: String) -> String { base + url.dropFirst("http://127.0.0.1:8080".count) }

        let japanese = try await HeadlessBrowser.dumpDOM(served(tokyo))
        #expect(japanese.contains("<html lang=\"ja-JP\">"), "\(japanese)")
        for text in ["Tokyo Mugs", "ご注文状況", "ご注文受付", "（税込）", "お問い合わせ"] {
            #expect(japanese.contains(text), "\(text)")
        }
        #expect(!japanese.contains("<script") && !japanese.contains("Order status"))
        let english = try await HeadlessBrowser.dumpDOM(served(brooklyn), language: "ja")
        #expect(english.contains("<html lang=\"en-US\">"), "the store's language wins over the browser's")
        for text in ["Brooklyn Socks", "Order status", "Ordered", "Total", "Questions?"] {
            #expect(english.contains(text), "\(text)")
        }
        // A link with one character changed shows nothing of anyone's order.
        let altered = served(tokyo).dropLast() + (tokyo.hasSuffix("A") ? "B" : "A")
        let refused = try await HeadlessBrowser.dumpDOM(String(altered), language: "ja")
        #expect(refused.contains("このご注文確認リンクは無効です") && !refused.contains("Tokyo Mugs"), "\(refused)")

        for (name, url) in [("ja", tokyo), ("en", brooklyn)] {
            let path = cli.directory.appendingPathComponent("order-page-\(name).png").path
            try await HeadlessBrowser.screenshot(served(url), to: path)
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name): \(png.count) bytes")
        }

        // The merchant's dashboard of the demo, signed in with the demo's password.
        let dashboardLine = try #require(
            demo.stdout.split(separator: "\n").first { $0.hasPrefix("and the merchant's dashboard") })
        let dashboard = try #require(dashboardLine.split(separator: " ").last.map(String.init))
        let signedIn = served(dashboard).replacingOccurrences(of: "http://", with: "http://merchant:demo@")
        let figures = try await HeadlessBrowser.dumpDOM(signedIn, budget: .seconds(15))
        #expect(figures.contains("<html lang=\"ja-JP\">") && figures.contains("Tokyo Mugs"), "\(figures)")
        #expect(figures.contains("<svg") && figures.contains("review-request") && !figures.contains("<script"))
        let wrong = try await HeadlessBrowser.dumpDOM(
            served(dashboard).replacingOccurrences(of: "http://", with: "http://merchant:guess@"))
        #expect(!wrong.contains("Tokyo Mugs") && !wrong.contains("<svg"), "\(wrong)")
        server.terminate()
        #expect(await ServeCommandTests.exitStatus(of: server) == 0)

        // The merchant sees the views counted per order (the refused link counts nothing).
        let status = try await cli.run(["status", "--config", "demo/aftercart.toml"], environment: environment)
        #expect(
            status.stdout.contains("order pages: tokyo-woo 2 views of 1 orders, brooklyn-shop 2 views of 1 orders"),
            "\(status.stdout)")
    }
}
