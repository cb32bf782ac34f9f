import AftercartConnector
import AftercartModel
import Foundation

/// Decodes Shopify bodies into wire structs. A `DecodingError` becomes
/// ``ConnectorError/decoding(field:reason:_:)`` whose field is the path in
/// the body (`orders[3].total_price: expected a string`) and whose context
/// names the store and resource: a malformed page fails the read with a
/// message, never a crash and never a silently wrong record.
enum ShopifyWireDecoder {
    static func decode<Wire: Decodable>(
        _ type: Wire.Type, from body: Data, context: ErrorContext
    ) throws(ConnectorError) -> Wire {
        do {
            return try JSONDecoder().decode(Wire.self, from: body)
        } catch let error as DecodingError {
            throw JSONDecoding.decodingError(error, body: body, context: context)
        } catch {
            throw ConnectorError.decoding(field: "(body)", reason: "unreadable", context)
        }
    }
}

/// The strict readers every mapper uses; each names the field it rejects.
struct ShopifyFieldReading {
    /// Store, resource and platform for the errors thrown.
    let context: ErrorContext
    /// The record being read (`order 450789469`), added to every reason.
    var record: String?

    func failure(_ path: ShopifyFieldPath, _ reason: String) -> ConnectorError {
        .decoding(field: path.text, reason: reason + (record.map { " (\($0))" } ?? ""), context)
    }

    func currency(_ code: String, at path: ShopifyFieldPath) throws(ConnectorError) -> Currency {
        guard let currency = Currency(code: code) else {
            throw failure(path, "\"\(code.prefix(20))\" is not an ISO 4217 currency code")
        }
        return currency
    }

    /// Decimal text parsed strictly (`"12.50"`); `"12,5"`, `"abc"`, `""` are refused.
    func decimal(_ text: String, at path: ShopifyFieldPath) throws(ConnectorError) -> Decimal {
        guard let value = DecimalText.parse(text) else {
            throw failure(path, "\"\(text.prefix(40))\" is not a decimal amount")
        }
        return value
    }

    func money(
        _ text: String, _ currency: Currency, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> Money {
        Money(try decimal(text, at: path), currency)
    }

    /// Absent money is zero: Shopify leaves totals out of `fields=` selections
    /// and some API versions omit zero-valued ones.
    func optionalMoney(
        _ text: String?, _ currency: Currency, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> Money {
        guard let text else { return .zero(currency) }
        return try money(text, currency, at: path)
    }

    /// An ISO 8601 date-time with offset, as UTC.
    func date(_ text: String, at path: ShopifyFieldPath) throws(ConnectorError) -> Date {
        guard let date = Timestamp.parse(text) else {
            throw failure(path, "\"\(text.prefix(40))\" is not an ISO 8601 date-time")
        }
        return date
    }

    func optionalDate(_ text: String?, at path: ShopifyFieldPath) throws(ConnectorError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return try date(text, at: path)
    }

    /// Trimmed text, `nil` when blank.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimming(.whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
