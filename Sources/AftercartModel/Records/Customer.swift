public import Foundation

/// A store's customer account. Guests who never registered appear only on
/// their orders, identified by email.
public struct Customer: SyncRecord {
    public static let resource = ResourceKind.customers

    public var store: StoreID
    public var id: String
    public var email: String
    public var firstName: String?
    public var lastName: String?
    /// Whether the customer agreed to marketing email. `nil` means the
    /// platform does not say; the engine then treats them as not consenting.
    public var acceptsMarketing: Bool?
    public var ordersCount: Int?
    /// Lifetime spend, in the store's currency.
    public var totalSpent: Money?
    public var createdAt: Date?
    public var updatedAt: Date?

    public var platformID: String { id }

    public init(
        store: StoreID, id: String, email: String, firstName: String?, lastName: String?, acceptsMarketing: Bool?,
        ordersCount: Int?, totalSpent: Money?, createdAt: Date?, updatedAt: Date?
    ) {
        self.store = store
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.acceptsMarketing = acceptsMarketing
        self.ordersCount = ordersCount
        self.totalSpent = totalSpent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case store, id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case acceptsMarketing = "accepts_marketing"
        case ordersCount = "orders_count"
        case totalSpent = "total_spent"
        case currency
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        store = try container.decode(StoreID.self, forKey: .store)
        id = try container.decode(String.self, forKey: .id)
        email = try container.decode(String.self, forKey: .email)
        firstName = try container.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        acceptsMarketing = try container.decodeIfPresent(Bool.self, forKey: .acceptsMarketing)
        ordersCount = try container.decodeIfPresent(Int.self, forKey: .ordersCount)
        if let currency = try container.decodeIfPresent(Currency.self, forKey: .currency),
            try container.decodeNil(forKey: .totalSpent) == false
        {
            totalSpent = try container.decodeMoney(forKey: .totalSpent, currency: currency)
        } else {
            totalSpent = nil
        }
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(id, forKey: .id)
        try container.encode(email, forKey: .email)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(acceptsMarketing, forKey: .acceptsMarketing)
        try container.encode(ordersCount, forKey: .ordersCount)
        try container.encode(totalSpent?.amountText, forKey: .totalSpent)
        try container.encode(totalSpent?.currency, forKey: .currency)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
