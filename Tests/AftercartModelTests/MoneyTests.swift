import AftercartModel
import Foundation
import Testing

@Suite struct MoneyTests {
    @Test func decimalsAddExactly() throws {
        let a = try #require(Money(text: "0.1", currency: .usd))
        let b = try #require(Money(text: "0.2", currency: .usd))
        #expect((a + b).amountText == "0.30")
        #expect((a + b).amount == DecimalText.parse("0.3"))
    }

    @Test func minorUnitsDecideTheDigitsPrinted() throws {
        #expect(try #require(Money(text: "12800", currency: .jpy)).amountText == "12800")
        #expect(try #require(Money(text: "10", currency: .usd)).amountText == "10.00")
        let kwd = try #require(Currency(code: "kwd"))
        #expect(kwd.minorUnits == 3)
        #expect(try #require(Money(text: "1.25", currency: kwd)).amountText == "1.250")
    }

    @Test func neverRoundsAwayDigits() throws {
        #expect(try #require(Money(text: "3.3333", currency: .usd)).amountText == "3.3333")
        #expect(
            try #require(Money(text: "12345678901234567890.12", currency: .usd)).amountText
                == "12345678901234567890.12")
    }

    @Test(arguments: ["12abc", "", " ", "abc", "1.2.3", "--1", "1-", "1e5", "0x10", "."])
    func rejectsMalformedText(_ text: String) {
        #expect(DecimalText.parse(text) == nil)
    }

    @Test(arguments: [("-31.90", "-31.90"), ("+5", "5.00"), (".5", "0.50"), (" 29.35 ", "29.35"), ("0", "0.00")])
    func acceptsPlatformForms(_ pair: (String, String)) throws {
        #expect(try #require(Money(text: pair.0, currency: .usd)).amountText == pair.1)
    }

    @Test func currencyCodesAreValidated() {
        #expect(Currency(code: "usd")?.code == "USD")
        #expect(Currency(code: "US") == nil)
        #expect(Currency(code: "U$D") == nil)
    }

    @Test func moneyRoundTripsAsJSON() throws {
        let money = Money(DecimalText.parse("-31.9")!, .eur)
        let data = try ModelJSON.encoder().encode(money)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(object == ["amount": "-31.90", "currency": "EUR"])
        #expect(try ModelJSON.decoder().decode(Money.self, from: data) == money)
    }
}
