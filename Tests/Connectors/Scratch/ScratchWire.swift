/// Scratch's JSON as it is sent; the mapper turns it into the model.
/// Money is text (`"12.50"`), times are ISO 8601 in UTC.
struct ScratchOrderWire: Decodable {
    var id: String
    var number: String
    /// `paid`, `shipped` or `cancelled`.
    var status: String
    var currency: String
    var total: String
    var email: String?
    var customerId: String?
    var createdAt: String
    var updatedAt: String
}

struct ScratchCustomerWire: Decodable {
    var id: String
    var email: String
    var firstName: String?
    var lastName: String?
    var acceptsMarketing: Bool?
    var ordersCount: Int?
    var totalSpent: String?
    var currency: String?
    var createdAt: String?
    var updatedAt: String?
}

struct ScratchShopWire: Decodable {
    var name: String
    var currency: String
}
