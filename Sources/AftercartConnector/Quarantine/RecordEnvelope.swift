public import Foundation

/// Where the records sit in a body, so the SDK can cut a page into its
/// records without knowing the platform: a bare JSON array (WooCommerce
/// lists, `[{…},{…}]`) or an array under one member of an object (Shopify,
/// `{"orders":[…]}`). A single-record body is the record itself, or the
/// record under a member (`{"order":{…}}`).
public enum RecordEnvelope: Sendable, Hashable {
    /// The body is the array (a list) or the record (a single read).
    case bare
    /// The array, or the record, is the value of this member.
    case member(String)

    /// Each record of a list body, as its raw bytes; `nil` when the body
    /// is not a complete list of this shape (not JSON, truncated).
    public func records(inList body: Data) -> [Data]? {
        guard let list = value(in: body) else { return nil }
        return RawJSON.elements(of: list)
    }

    /// The record of a single-record body; `nil` when the body is not of this shape.
    public func record(inSingle body: Data) -> Data? {
        guard let record = value(in: body), record.first == UInt8(ascii: "{") else { return nil }
        return record
    }

    /// A list body holding only `record`, for the adapter's page mapper.
    public func list(of record: Data) -> Data {
        switch self {
        case .bare: return Data("[".utf8) + record + Data("]".utf8)
        case .member(let name): return Data("{\(RawJSON.quoted(name)):[".utf8) + record + Data("]}".utf8)
        }
    }

    private func value(in body: Data) -> Data? {
        switch self {
        case .bare: return RawJSON.trimmed(body)
        case .member(let name): return RawJSON.member(name, of: body)
        }
    }
}
