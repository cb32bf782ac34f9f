import Foundation
import TOMLKit

/// The words and formats code puts into templates for one locale (status
/// labels, the greeting, the delivery window), read from the built-in
/// `config/locales/<locale>.toml`, so no customer-facing word is written
/// in Swift.
public struct LocaleStrings: Sendable, Hashable {
    /// The locale, `ja-JP`.
    public let locale: String
    /// Every string by dotted key: `addressee`, `shipment_status.in_transit`.
    public let values: [String: String]

    /// A table of `values` for `locale` (tests).
    public init(locale: String, values: [String: String]) {
        self.locale = locale
        self.values = values
    }

    /// The built-in table of `locale`, the English one for a locale the
    /// binary does not carry.
    public static func shipped(_ locale: String) -> LocaleStrings {
        if let cached = cache[locale] { return cached }
        return cache[MessageLocale.english]!
    }

    /// Parsed once: the tables are part of the binary, and a table that
    /// does not parse fails the shipped-files test, never a customer's mail.
    private static let cache: [String: LocaleStrings] = Dictionary(
        uniqueKeysWithValues: MessageLocale.shipped.map { locale in
            (locale, LocaleStrings(locale: locale, values: parse(ShippedFiles.localeStrings(locale) ?? "")))
        })

    /// The dotted keys and string values of a TOML text; empty when it does not parse.
    static func parse(_ text: String) -> [String: String] {
        guard let table = try? TOMLTable(string: text) else { return [:] }
        var values: [String: String] = [:]
        func collect(_ table: TOMLTable, prefix: String) {
            for key in table.keys {
                guard let value = table[key]?.tomlValue else { continue }
                if let nested = value.table {
                    collect(nested, prefix: prefix + key + ".")
                } else if let text = value.string {
                    values[prefix + key] = text
                }
            }
        }
        collect(table, prefix: "")
        return values
    }

    /// The string under `key` with each `{name}` replaced from `fill`;
    /// the key itself when the table lacks it, which a test rules out.
    public func text(_ key: String, _ fill: [String: String] = [:]) -> String {
        var text = values[key] ?? key
        for (name, value) in fill { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The name customers of this locale know a carrier by (`ヤマト運輸` for a
    /// store's `Yamato`), from the `[carrier]` table keyed by the name's
    /// letters and digits lowercased; a carrier the table lacks keeps the
    /// store's own name.
    public func carrierName(_ reported: String) -> String {
        let key = Self.carrierKey(reported)
        guard !key.isEmpty, let name = values["carrier." + key] else { return reported }
        return name
    }

    /// A carrier's name reduced to the key its spellings share: letters and
    /// digits only, lowercased, full-width forms folded (`Yamato`,
    /// `yamato-transport` and `ＹＡＭＡＴＯ` give `yamato`, `yamatotransport`,
    /// `yamato`; `ヤマト運輸` stays `ヤマト運輸`), so every place that
    /// recognises a carrier recognises the same spellings.
    public static func carrierKey(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter(CharacterSet.alphanumerics.contains)))
    }
}
