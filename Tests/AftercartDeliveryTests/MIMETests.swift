import Foundation
import Testing

@testable import AftercartDelivery

/// The RFC 5322 / 2047 rendering, as pure functions.
@Suite struct MIMETests {
    static let origin = OutgoingMessage.Origin(
        outboxID: 1, idempotencyKey: "review/test-woo/order/1", store: "test-woo", campaign: "review",
        action: .sendEmail)

    static func message(subject: String, name: String?) throws -> OutgoingMessage {
        OutgoingMessage(
            from: try MailAddress(parsing: "Tokyo Mugs <hello@mugs.example>"),
            to: try MailAddress(address: "hana@example.test", name: name), subject: subject, text: "Hello",
            html: "<p>Hello</p>", date: Date(timeIntervalSince1970: 1_795_000_000), origin: origin)
    }

    /// Header lines after unfolding (a CRLF followed by a space continues a line).
    static func headers(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        return head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
    }

    @Test func longUTF8SubjectBecomesEncodedWordsOfAtMost75CharactersOnFoldedLines() throws {
        let subject = "ご購入ありがとうございました！マグカップの使い心地はいかがですか？レビューで10%オフクーポン"
        let data = MIMEWriter.render(try Self.message(subject: subject, name: nil))
        let raw = String(decoding: data, as: UTF8.self)
        let subjectBlock = raw.components(separatedBy: "\r\nDate:")[0].components(separatedBy: "Subject: ")[1]
        let words = subjectBlock.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
        }
        // Every line of the header block stays within 76 characters, and the words decode back.
        for line in raw.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78)
        }
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
        #expect(data.allSatisfy { $0 < 0x80 })
    }

    @Test func marketingMailOffersOneClickUnsubscribeAndTransactionalMailDoesNot() throws {
        let link = "https://aftercart.shop.example/unsubscribe/dG9reW8.c2lnbmVk"
        var marketing = try Self.message(subject: "Points expiring", name: nil)
        marketing.unsubscribeURL = link
        let headers = Self.headers(MIMEWriter.render(marketing))
        #expect(headers.contains("List-Unsubscribe: <\(link)>"))
        #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))

        var transactional = marketing
        transactional.origin.transactional = true
        #expect(!Self.headers(MIMEWriter.render(transactional)).contains { $0.hasPrefix("List-Unsubscribe") })

        // A link that would break out of its header is left out rather than sent.
        marketing.unsubscribeURL = "https://x.example/u\r\nBcc: victim@example.test"
        let broken = Self.headers(MIMEWriter.render(marketing))
        #expect(!broken.contains { $0.hasPrefix("List-Unsubscribe") || $0.hasPrefix("Bcc") })
    }

    @Test func aConfiguredMailboxJoinsTheLinkAndRepliesGoWhereTheStoreSays() throws {
        let link = "https://aftercart.shop.example/unsubscribe/c2VhbGVk"
        var marketing = try Self.message(subject: "Points expiring", name: nil)
        marketing.unsubscribeURL = link
        marketing.unsubscribeEmail = "unsubscribe@mugs.example"
        marketing.replyTo = try MailAddress(address: "support@mugs.example", name: "東京マグカップ店 サポート")
        let headers = Self.headers(MIMEWriter.render(marketing))
        #expect(headers.contains("List-Unsubscribe: <\(link)>, <mailto:unsubscribe@mugs.example?subject=unsubscribe>"))
        let replyTo = try #require(headers.first { $0.hasPrefix("Reply-To: ") })
        #expect(replyTo.hasPrefix("Reply-To: =?UTF-8?B?") && replyTo.hasSuffix(" <support@mugs.example>"), "\(replyTo)")

        // Without a link there is no List-Unsubscribe at all, mailbox or not.
        marketing.unsubscribeURL = nil
        #expect(!Self.headers(MIMEWriter.render(marketing)).contains { $0.hasPrefix("List-Unsubscribe") })
    }

    @Test func plainASCIISubjectStaysReadable() throws {
        let data = MIMEWriter.render(try Self.message(subject: "How was your mug?", name: "Hana Sato"))
        let headers = Self.headers(data)
        #expect(headers.contains("Subject: How was your mug?"))
        #expect(headers.contains("To: Hana Sato <hana@example.test>"))
        #expect(headers.contains("From: Tokyo Mugs <hello@mugs.example>"))
        #expect(
            headers.contains("Date: Mon, 19 Nov 2026 11:06:40 +0000") || headers.contains { $0.hasPrefix("Date: ") })
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains { $0.hasPrefix("Content-Type: multipart/alternative; boundary=") })
    }

    @Test func crlfInjectionInANameOrSubjectAddsNoHeader() throws {
        let data = MIMEWriter.render(
            try Self.message(subject: "Hi\r\nBcc: x@evil.example", name: "Eve\r\nBcc: x@evil.example"))
        let headers = Self.headers(data)
        #expect(!headers.contains { $0.lowercased().hasPrefix("bcc:") })
        #expect(headers.filter { $0.hasPrefix("To: ") }.count == 1)
        let to = try #require(headers.first { $0.hasPrefix("To: ") })
        #expect(to.hasSuffix("<hana@example.test>"))
    }

    @Test func namesWithQuotesAndNonASCIIAreQuotedOrEncoded() throws {
        #expect(HeaderEncoding.phrase("O\"Brien, Pat", used: 4) == #""O\"Brien, Pat""#)
        #expect(HeaderEncoding.phrase("Hana Sato", used: 4) == "Hana Sato")
        let encoded = HeaderEncoding.phrase("佐藤 花", used: 4)
        #expect(encoded.hasPrefix("=?UTF-8?B?"))
        #expect(!encoded.contains("佐"))
    }

    @Test(arguments: [
        "hana@example.test\r\nBcc: x@evil.example", "a@b.example, c@d.example", "<a@b.example>", "no-at-sign",
        "hana@", "花@example.test", "a b@example.test",
    ])
    func addressesThatCouldAddRecipientsAreRefused(address: String) {
        #expect(throws: MessageError.self) { try MailAddress(address: address) }
    }

    @Test func senderParsesFromTheConfigForm() throws {
        let sender = try MailAddress(parsing: "\"Tokyo Mugs\" <hello@mugs.example>")
        #expect(sender.address == "hello@mugs.example")
        #expect(sender.name == "Tokyo Mugs")
        #expect(try MailAddress(parsing: "hello@mugs.example").name == nil)
    }
}
