import AftercartJSON
import AftercartModel
import Foundation

/// Customers, reviews and loyalty accounts read from their stored JSON
/// bytes with the rules of their `Decodable` conformances: a plan reads tens
/// of thousands of each, and `JSONDecoder` would cost more than the plan.
///
/// These records are small, so the full model value is built.
enum RecordScan {
    static func customer(_ json: UnsafeBufferPointer<UInt8>) throws -> Customer {
        var cursor = JSONCursor(json)
        var store: String?
        var id: String?
        var email: String?
        var firstName: String?
        var lastName: String?
        var acceptsMarketing: Bool?
        var ordersCount: Int?
        var currency: Currency?
        // The amount's text, checked once the currency is known: `Customer`
        // reads `total_spent` only when a currency is present.
        var totalSpent: (text: String?, offset: Int)?
        var createdAt: Date?
        var updatedAt: Date?
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            switch cursor.field(key, in: customerFields) {
            case .store?: store = try cursor.readString()
            case .id?: id = try cursor.readString()
            case .email?: email = try cursor.readString()
            case .firstName?: firstName = try cursor.readOptionalString()
            case .lastName?: lastName = try cursor.readOptionalString()
            case .acceptsMarketing?: acceptsMarketing = try cursor.readOptionalBool()
            case .ordersCount?: ordersCount = try cursor.readOptionalInt()
            case .totalSpent?:
                let offset = cursor.index
                if try cursor.readNull() {
                    totalSpent = (nil, offset)
                } else if try cursor.peek() == UInt8(ascii: "\"") {
                    totalSpent = (try cursor.readString(), offset)
                } else {
                    try cursor.skipValue()
                    totalSpent = ("", offset)
                }
            case .currency?:
                if try !cursor.readNull() {
                    let start = cursor.index
                    currency = Currency(code: try cursor.readString())
                    if currency == nil { throw cursor.failure("not an ISO 4217 currency code", at: start) }
                }
            case .createdAt?: createdAt = try cursor.readOptionalDate()
            case .updatedAt?: updatedAt = try cursor.readOptionalDate()
            case nil: try cursor.skipValue()
            }
        }
        try cursor.finish()
        guard let store, let id, let email else {
            throw cursor.failure("the customer lacks its store, id or email")
        }
        var spent: Money?
        if let currency {
            guard let totalSpent else { throw cursor.failure("the customer has a currency but no \"total_spent\"") }
            if let text = totalSpent.text {
                guard let amount = DecimalText.parse(text) else {
                    throw cursor.failure("total_spent is not a decimal number", at: totalSpent.offset)
                }
                spent = Money(amount, currency)
            }
        }
        return Customer(
            store: StoreID(store), id: id, email: email, firstName: firstName, lastName: lastName,
            acceptsMarketing: acceptsMarketing, ordersCount: ordersCount, totalSpent: spent, createdAt: createdAt,
            updatedAt: updatedAt)
    }

    static func review(_ json: UnsafeBufferPointer<UInt8>) throws -> Review {
        var cursor = JSONCursor(json)
        var store: String?
        var id: String?
        var productID: String?
        var customerEmail: String?
        var reviewerName: String?
        var rating: Int?
        var verified: Bool?
        var status: ReviewStatus?
        var createdAt: Date?
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            switch cursor.field(key, in: reviewFields) {
            case .store?: store = try cursor.readString()
            case .id?: id = try cursor.readString()
            case .productID?: productID = try cursor.readString()
            case .customerEmail?: customerEmail = try cursor.readString()
            case .reviewerName?: reviewerName = try cursor.readOptionalString()
            case .rating?:
                let start = cursor.index
                let value = try cursor.readInt()
                guard (1...5).contains(value) else {
                    throw cursor.failure("rating \(value) is outside 1...5", at: start)
                }
                rating = value
            case .verified?: verified = try cursor.readBool()
            case .status?: status = try cursor.readName(reviewStatuses, "review status")
            case .createdAt?: createdAt = try cursor.readDate()
            case nil: try cursor.skipValue()
            }
        }
        try cursor.finish()
        guard let store, let id, let productID, let customerEmail, let rating, let verified, let status,
            let createdAt
        else { throw cursor.failure("the review lacks a required member") }
        return Review(
            store: StoreID(store), id: id, productID: productID, customerEmail: customerEmail,
            reviewerName: reviewerName, rating: rating, verified: verified, status: status, createdAt: createdAt)
    }

    static func loyaltyAccount(_ json: UnsafeBufferPointer<UInt8>) throws -> LoyaltyAccount {
        var cursor = JSONCursor(json)
        var store: String?
        var customerID: String?
        var points: Int?
        var tier: String?
        var pointsExpiring: Int?
        var expiresAt: Date?
        var source: String?
        var updatedAt: Date?
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            switch cursor.field(key, in: loyaltyFields) {
            case .store?: store = try cursor.readString()
            case .customerID?: customerID = try cursor.readString()
            case .points?: points = try cursor.readInt()
            case .tier?: tier = try cursor.readOptionalString()
            case .pointsExpiring?: pointsExpiring = try cursor.readOptionalInt()
            case .expiresAt?: expiresAt = try cursor.readOptionalDate()
            case .source?: source = try cursor.readString()
            case .updatedAt?: updatedAt = try cursor.readOptionalDate()
            case nil: try cursor.skipValue()
            }
        }
        try cursor.finish()
        guard let store, let customerID, let points, let source else {
            throw cursor.failure("the loyalty account lacks its store, customer_id, points or source")
        }
        return LoyaltyAccount(
            store: StoreID(store), customerID: customerID, points: points, tier: tier, pointsExpiring: pointsExpiring,
            expiresAt: expiresAt, source: source, updatedAt: updatedAt)
    }

    // MARK: Names

    private enum CustomerField: String, CaseIterable {
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

    private enum ReviewField: String, CaseIterable {
        case store, id
        case productID = "product_id"
        case customerEmail = "customer_email"
        case reviewerName = "reviewer_name"
        case rating, verified, status
        case createdAt = "created_at"
    }

    private enum LoyaltyField: String, CaseIterable {
        case store
        case customerID = "customer_id"
        case points, tier
        case pointsExpiring = "points_expiring"
        case expiresAt = "expires_at"
        case source
        case updatedAt = "updated_at"
    }

    private static let customerFields = ByteNames(cases: CustomerField.self)
    private static let reviewFields = ByteNames(cases: ReviewField.self)
    private static let loyaltyFields = ByteNames(cases: LoyaltyField.self)
    private static let reviewStatuses = ByteNames(cases: ReviewStatus.self)
}
