import Foundation

/// A store currency. Amounts are integer minor units, so arithmetic is exact.
struct StoreCurrency: Sendable, Equatable {
    let code: String
    /// Number of decimal places (0 for JPY).
    let exponent: Int
    let symbol: String
    /// Shipping flat rate in minor units.
    let flatShipping: Int64
    /// Orders at or above this subtotal ship free.
    let freeShippingFrom: Int64
    /// Tax rate in basis points (prices exclude tax).
    let taxBasisPoints: Int64
    let taxLabel: String

    static let usd = StoreCurrency(
        code: "USD", exponent: 2, symbol: "$", flatShipping: 599, freeShippingFrom: 7_500, taxBasisPoints: 800,
        taxLabel: "State Tax")
    static let eur = StoreCurrency(
        code: "EUR", exponent: 2, symbol: "€", flatShipping: 490, freeShippingFrom: 6_000, taxBasisPoints: 1_900,
        taxLabel: "MwSt.")
    static let jpy = StoreCurrency(
        code: "JPY", exponent: 0, symbol: "¥", flatShipping: 800, freeShippingFrom: 10_000, taxBasisPoints: 1_000,
        taxLabel: "消費税")

    static func named(_ code: String) -> StoreCurrency? {
        switch code.uppercased() {
        case "USD": return .usd
        case "EUR": return .eur
        case "JPY": return .jpy
        default: return nil
        }
    }

    /// `12.50` / `1200`: fixed decimals, as both platforms print totals.
    func fixed(_ minor: Int64) -> String {
        MoneyText.fixed(minor, exponent: exponent)
    }

    /// Tax on an amount, rounded half up.
    func tax(on minor: Int64) -> Int64 {
        (minor * taxBasisPoints + 5_000) / 10_000
    }
}

enum MoneyText {
    static func fixed(_ minor: Int64, exponent: Int) -> String {
        if exponent == 0 { return String(minor) }
        let negative = minor < 0
        let a = negative ? -minor : minor
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let whole = a / scale
        let frac = String(a % scale)
        let padded = String(repeating: "0", count: exponent - frac.count) + frac
        return (negative ? "-" : "") + String(whole) + "." + padded
    }

    /// Shortest decimal text (`12.5`, `47`) — how PHP's json_encode prints a float price.
    static func minimal(_ minor: Int64, exponent: Int) -> String {
        var text = fixed(minor, exponent: exponent)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Parses a decimal string into minor units; nil when not a number.
    static func parse(_ text: String, exponent: Int) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var negative = false
        var body = Substring(trimmed)
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, wholePart.allSatisfy(\.isNumber) else { return nil }
        var frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.allSatisfy(\.isNumber), !(wholePart.isEmpty && frac.isEmpty) else { return nil }
        if frac.count > exponent { frac = String(frac.prefix(exponent)) }
        frac += String(repeating: "0", count: exponent - frac.count)
        guard let whole = Int64(wholePart.isEmpty ? "0" : String(wholePart)), let f = Int64(frac.isEmpty ? "0" : frac)
        else { return nil }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let value = whole * scale + f
        return negative ? -value : value
    }
}
