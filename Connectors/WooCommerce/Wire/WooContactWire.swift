/// The fields of a customer or an order that say whose it is: all that
/// finding a customer's records by address needs, so a lookup does not
/// depend on the rest of the record being well-formed.
struct WooContactWire: Sendable, Decodable {
    let id: WooInteger
    /// A customer's account address.
    let email: String?
    /// An order's buyer address.
    let billing: WooBillingWire?

    /// The address the record is filed under, lowercased.
    var address: String? {
        (email ?? billing?.email).map { $0.trimming(.whitespaces).lowercased() }
    }
}
