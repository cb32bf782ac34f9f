import AftercartEngage
import AftercartModel
import AftercartStore
import ChildProcessTesting
import Foundation
import Testing

/// The unsubscribe page as a customer meets it (issue 19): `aftercart
/// serve` as an operator runs it, a real browser opening the link from a
/// Japanese store's email and pressing its button.
@Suite struct UnsubscribePageBrowserTests {
    private func writeConfig(_ cli: CLIProcess) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [server]
            public_url = "https://aftercart.shop.example"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "http://127.0.0.1:9"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            locale = "ja-JP"
            marketing_consent = "unknown"
            display_name = "東京マグカップ店"
            contact = "support@tokyo-mugs.example / 03-1234-5678"
            """, to: "config/aftercart.toml")
    }

    @Test func aCustomerOpensTheLinkPressesTheButtonAndIsUnsubscribed() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try writeConfig(cli)
        let process = try cli.start(
            ["serve", "--port", "0", "--config", "config/aftercart.toml", "--log-level", "warning"],
            environment: ServeCommandTests.environment, capture: true)
        defer { if process.isRunning { process.terminate() } }
        let line = await process.firstLine()
        let base = String(line.dropFirst("listening on ".count))

        // The link a marketing email of this install carries, signed with the secret the server keeps.
        let database = try await SQLitePersistence.open(
            path: cli.directory.appendingPathComponent("data/aftercart.sqlite").path)
        let links = try await UnsubscribeLink.load(
            publicURL: URL(string: "https://aftercart.shop.example")!, linkSecret: nil, from: database)
        let token = links.token(store: "tokyo-woo", email: "hana@example.test")
        let link = base + "/unsubscribe/" + token

        let question = try await HeadlessBrowser.dumpDOM(link)
        #expect(question.contains("<html lang=\"ja-JP\">"), "\(question)")
        // Headed by the name the shop signs its mail with, never the config's slug.
        #expect(question.contains("<header>東京マグカップ店</header>"), "\(question)")
        #expect(question.contains("hana@example.test 宛ての東京マグカップ店からのお知らせ・キャンペーンメールの配信を停止しますか？"))
        #expect(question.contains("お問い合わせ：support@tokyo-mugs.example / 03-1234-5678"))
        #expect(!question.contains("tokyo-woo") && !question.contains("<script"))
        #expect(question.contains("配信を停止する</button>"))
        #expect(try await database.suppressions(store: "tokyo-woo").isEmpty)

        // The page's own form, submitted as the browser does when its button is pressed.
        let press = """
            data:text/html;charset=utf-8,<form method="post" action="\(link)">\
            <input type="hidden" name="List-Unsubscribe" value="One-Click"></form>\
            <script>document.forms[0].submit()</script>
            """
        let done = try await HeadlessBrowser.dumpDOM(
            press.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? press)
        #expect(done.contains("配信を停止いたしました"), "\(done)")
        #expect(try await database.suppressions(store: "tokyo-woo") == ["hana@example.test": .unsubscribed])

        // A link cut short: not this install's; the page speaks the browser's language.
        let cut = base + "/unsubscribe/" + String(token.dropFirst(2))
        let forgedJapanese = try await HeadlessBrowser.dumpDOM(cut, language: "ja")
        #expect(forgedJapanese.contains("この配信停止リンクは無効です"), "\(forgedJapanese)")
        let forgedEnglish = try await HeadlessBrowser.dumpDOM(cut)
        #expect(forgedEnglish.contains("This unsubscribe link is not valid"), "\(forgedEnglish)")
        try await database.close()
        process.terminate()
        #expect(await ServeCommandTests.exitStatus(of: process) == 0)
    }
}
