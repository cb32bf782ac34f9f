import Foundation
import Testing

/// `aftercart demo` writes the Tokyo store's mail in Japanese (its config
/// sets `locale = "ja-JP"`) and the Brooklyn store's in English, as the
/// `.eml` files in its outbox show once decoded.
@Suite struct DemoLocaleTests {
    /// The decoded text/plain part of an `.eml` file the file channel wrote
    /// (base64 body, as it writes every UTF-8 part).
    static func plainText(of file: URL) throws -> String {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
            .flatMap { $0.components(separatedBy: "\n") }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Content-Type: text/plain") })
        let body = try #require(lines[start...].firstIndex(of: "")) + 1
        let end = try #require(lines[body...].firstIndex { $0.hasPrefix("--") })
        let data = try #require(Data(base64Encoded: lines[body..<end].joined()))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func tokyoWritesJapaneseAndBrooklynEnglish() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let demo = try await cli.run(["demo", "--orders", "40", "--dir", "demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let outbox = cli.directory.appendingPathComponent("demo/outbox")
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }
        let tokyo = try #require(files.first { $0.hasPrefix("order-confirmation_tokyo-woo_") })
        let japanese = try Self.plainText(of: outbox.appendingPathComponent(tokyo))
        #expect(japanese.split(separator: "\n").first?.hasSuffix(" 様") == true, "\(japanese)")
        #expect(japanese.contains("（税込）") && japanese.contains("年") && japanese.contains("〜"), "\(japanese)")
        #expect(!japanese.contains("Hello") && !japanese.contains("Total"), "\(japanese)")
        let brooklyn = try #require(files.first { $0.hasPrefix("order-confirmation_brooklyn-shop_") })
        let english = try Self.plainText(of: outbox.appendingPathComponent(brooklyn))
        #expect(english.hasPrefix("Hello ") && english.contains("Total: "), "\(english)")
        #expect(!english.contains("様"), "\(english)")

        // Marketing mail offers the one-click way out, in its headers and its text; order mail does not.
        let marketing = try #require(files.first { $0.hasPrefix("review-request_tokyo-woo_") })
        let raw = try String(contentsOf: outbox.appendingPathComponent(marketing), encoding: .utf8)
        let headers = raw.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        #expect(headers.contains("List-Unsubscribe: <http://127.0.0.1:8080/unsubscribe/"), "\(headers)")
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "\(headers)")
        let text = try Self.plainText(of: outbox.appendingPathComponent(marketing))
        #expect(text.contains("配信停止をご希望の方は") && text.contains("http://127.0.0.1:8080/unsubscribe/"), "\(text)")
        let confirmation = try String(contentsOf: outbox.appendingPathComponent(tokyo), encoding: .utf8)
        #expect(!confirmation.contains("List-Unsubscribe"))

        // Signed and sent in the shop's own name (the emulated site's title), never the config's slug,
        // from the store's own address; replies go to its support desk.
        #expect(headers.contains("From: Tokyo Mugs <info@tokyo-mugs.example>"), "\(headers)")
        #expect(headers.contains("Reply-To: support@tokyo-mugs.example"), "\(headers)")
        #expect(japanese.contains("Tokyo Mugs") && !japanese.contains("tokyo-woo"), "\(japanese)")
        // The mailto the store configured stands beside the link; the footer names sender, address and contact.
        #expect(
            headers.contains("<mailto:unsubscribe@tokyo-mugs.example?subject=unsubscribe>"), "\(headers)")
        for line in ["発行元：Tokyo Mugs", "所在地：〒150-0001 東京都渋谷区神宮前1-2-3", "お問い合わせ：support@tokyo-mugs.example"] {
            #expect(text.contains(line), "\(line): \(text)")
        }
        #expect(!japanese.contains("所在地"), "order mail carries no marketing footer: \(japanese)")
        #expect(confirmation.contains("Reply-To: support@tokyo-mugs.example"))

        // The carrier as a Japanese customer knows it, not the tracking plugin's "Yamato".
        let shipping = try #require(files.first { $0.hasPrefix("shipping-updates_tokyo-woo_") })
        let shippingText = try Self.plainText(of: outbox.appendingPathComponent(shipping))
        #expect(shippingText.contains("配送業者：ヤマト運輸"), "\(shippingText)")

        let brooklynMarketing = try #require(files.first { $0.hasPrefix("review-request_brooklyn-shop_") })
        let brooklynRaw = try String(contentsOf: outbox.appendingPathComponent(brooklynMarketing), encoding: .utf8)
        let brooklynHeaders = brooklynRaw.components(separatedBy: "\r\n\r\n")[0]
            .replacingOccurrences(of: "\r\n ", with: " ")
        #expect(brooklynHeaders.contains("From: Brooklyn Socks <hello@brooklyn-socks.example>"), "\(brooklynHeaders)")
        #expect(brooklynHeaders.contains("List-Unsubscribe: <http://127.0.0.1:8080/unsubscribe/"))
        #expect(!brooklynHeaders.contains("mailto:"), "no unsubscribe_email configured: \(brooklynHeaders)")
        let brooklynText = try Self.plainText(of: outbox.appendingPathComponent(brooklynMarketing))
        #expect(
            brooklynText.contains("Sent by Brooklyn Socks, 123 Bedford Ave, Brooklyn, NY 11211, USA")
                && brooklynText.contains("Questions: care@brooklyn-socks.example"), "\(brooklynText)")
    }
}
