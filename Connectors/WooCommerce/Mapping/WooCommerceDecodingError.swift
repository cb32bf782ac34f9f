public import AftercartConnector
public import AftercartModel

/// A WooCommerce payload that Aftercart cannot read, with the resource and
/// the field that made it unreadable: `orders[3].total: "abc" is not a decimal`.
///
/// Mappers throw nothing else, so a malformed page never crashes a sync
/// and never turns into a silently wrong record.
public struct WooCommerceDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The resource being read.
    public var resource: ResourceKind
    /// The full path of the field, starting with the resource:
    /// `orders[3].line_items[0].subtotal`, or `orders` for the body itself.
    public var field: String
    /// What is wrong, without a dump of the payload.
    public var reason: String
    /// The WooCommerce id of the record, when it could be read.
    public var recordID: String?

    public init(resource: ResourceKind, field: String, reason: String, recordID: String? = nil) {
        self.resource = resource
        self.field = field
        self.reason = reason
        self.recordID = recordID
    }

    public var description: String {
        let record = recordID.map { " (id \($0))" } ?? ""
        return "\(field): \(reason)\(record)"
    }

    /// The same failure as the connector contract's error, with `context`
    /// (store, URL) added, for the sync engine and the user.
    public func connectorError(_ context: ErrorContext = ErrorContext()) -> ConnectorError {
        var context = context
        context.resource = context.resource ?? resource.rawValue
        return .decoding(field: field, reason: reason, context)
    }
}
