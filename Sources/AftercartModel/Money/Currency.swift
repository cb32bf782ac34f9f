/// An ISO 4217 currency code with the number of minor-unit digits it uses.
///
/// Minor units matter when money is printed: JPY has none (`"12800"`),
/// USD two (`"29.35"`), KWD three (`"1.250"`).
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The three-letter upper-case code, e.g. `"JPY"`.
    public let code: String

    /// Creates a currency from a three-letter code, in any case.
    /// Returns `nil` for anything that is not three ASCII letters.
    public init?(code: String) {
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        self.code = upper
    }

    /// Digits after the decimal point in this currency's smallest unit.
    public var minorUnits: Int {
        Self.minorUnitExceptions[code] ?? 2
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let currency = Currency(code: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(raw)\" is not an ISO 4217 currency code")
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// ISO 4217 currencies whose minor unit is not 2 digits.
    private static let minorUnitExceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
        "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]
}

extension Currency {
    public static let usd = Currency(code: "USD")!
    public static let eur = Currency(code: "EUR")!
    public static let jpy = Currency(code: "JPY")!
}
