import AftercartModel

/// Where a value sits in a WooCommerce payload, for error messages:
/// `orders[3].line_items[0].subtotal`.
struct WooFieldPath: Sendable, Hashable, CustomStringConvertible {
    let resource: ResourceKind
    let text: String

    /// The root of a page (`orders`) or a single record.
    init(resource: ResourceKind) {
        self.resource = resource
        self.text = resource.rawValue
    }

    /// The root of a body that is not a record list (`index`, `setting`).
    init(resource: ResourceKind, text: String) {
        self.resource = resource
        self.text = text
    }

    func key(_ name: String) -> WooFieldPath {
        WooFieldPath(resource: resource, text: "\(text).\(name)")
    }

    func index(_ position: Int) -> WooFieldPath {
        WooFieldPath(resource: resource, text: "\(text)[\(position)]")
    }

    var description: String { text }

    func error(_ reason: String, recordID: String? = nil) -> WooCommerceDecodingError {
        WooCommerceDecodingError(resource: resource, field: text, reason: reason, recordID: recordID)
    }
}
