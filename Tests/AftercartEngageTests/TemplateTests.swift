import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

@Suite struct TemplateTests {
    typealias F = EngageFixture

    @Test func storeValuesAreEscapedInHTMLAndSubjectsKeepOneLine() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        var order = F.order("1", customer: nil, email: "x@example.test", created: F.now - 60)
        order.customer.firstName = "<script>alert(1)</script>"
        order.customer.lastName = "Evil\r\nBcc: all@example.test"
        order.lineItems[0].name = "Mug <b>&</b>"
        try await fixture.save([order])
        let fixtureTemplate = try MessageTemplate(
            name: "probe", subject: "Hi {{customer.name}}", text: "{{customer.name}}", html: "<p>{{customer.name}}</p>")
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        #expect(!email.html.contains("<script>"))
        #expect(email.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(email.html.contains("Mug &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(email.text.contains("Mug <b>&</b>"))
        let probe = fixtureTemplate.render(["customer": ["name": "Evil\r\nBcc: all@example.test"]])
        #expect(!probe.subject.contains("\r") && !probe.subject.contains("\n"))
        #expect(probe.subject == "Hi Evil Bcc: all@example.test")
        #expect(probe.text == "Evil\r\nBcc: all@example.test")
    }

    @Test func aBrokenTemplateIsReportedWithItsNameAndLineWhenLoaded() throws {
        #expect {
            _ = try MessageTemplate(
                name: "broken", subject: "ok", text: "line one\nline two {{#items}} unclosed\n", html: "<p></p>")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.template == "broken" && error.file == "broken.text.mustache" && error.line != nil
        }
    }

    @Test func aMissingTemplateFileStopsPlanningBeforeAnythingIsPlanned() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.configuration.campaigns[0].template = "no-such-template"
        await #expect(throws: TemplateErrors.self) { _ = try await fixture.planner() }
    }

    @Test func everyShippedTemplateCompilesInEveryLocale() throws {
        let english = F.repository.appendingPathComponent("config/templates")
        let names = Set(
            try FileManager.default.contentsOfDirectory(atPath: english.path).filter { $0.hasSuffix(".mustache") }
                .map { String($0.split(separator: ".")[0]) }
        )
        #expect(names.count >= 9)
        for folder in [english, english.appendingPathComponent("ja-JP")] {
            for name in names { _ = try MessageTemplate(name: name, folder: folder) }
        }
    }

    @Test func moneyIsWrittenAsTheCurrencysShoppersReadIt() {
        let formatting = MessageFormatting(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(formatting.money(Money(12800, .jpy)) == "¥12,800")
        #expect(formatting.money(Money(Decimal(string: "12.8")!, .usd)) == "$12.80")
        #expect(formatting.money(Money(Decimal(string: "12.8")!, .eur)) == "12,80 €")
        let date = Timestamp.parse("2026-11-20T16:00:00Z")!
        #expect(formatting.date(date, currency: .jpy) == "2026年11月21日")
        let newYork = MessageFormatting(timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.date(date, currency: .usd) == "November 20, 2026")
    }
}
