/// A customer account (WooCommerce role=customer, Shopify customer).
struct CustomerRecord: Sendable {
    enum Consent: String, Sendable {
        case subscribed
        case notSubscribed = "not_subscribed"
        case unsubscribed, pending
    }

    let index: Int
    var firstName: String
    var lastName: String
    var email: String
    let phone: String
    let registeredAt: Int64
    let baseModifiedAt: Int64
    let cityIndex: Int
    var consent: Consent
    var consentAt: Int64
    var loyaltyPoints: Int
    var pointsExpiring: Int
    var pointsExpireAt: Int64
    var tier: String
    var ordersCountHint: Int
    var totalSpentMinor: Int64

    // Overlay state.
    var meta: [MetaEntry] = []
    var tags: String
    var metafields: [Metafield] = []
    var note: String?
    var lastWriteAt: Int64?
    /// Shopify `opt_in_level` as last written (`customerEmailMarketingConsentUpdate`).
    var writtenOptInLevel: String?

    struct Metafield: Sendable {
        let id: Int
        var namespace: String
        var key: String
        var value: String
        var type: String
        let createdAt: Int64
        var updatedAt: Int64
    }

    func modifiedAt() -> Int64 { max(baseModifiedAt, lastWriteAt ?? 0) }
    var acceptsMarketing: Bool { consent == .subscribed }
}

/// A catalogue product (simple product; variations are not emulated).
struct ProductRecord: Sendable {
    let index: Int
    let name: String
    let slug: String
    let sku: String
    let priceMinor: Int64
    /// Merchants type "50" or "12.50"; WooCommerce keeps the text as entered.
    let priceText: String
    let stockQuantity: Int?
    let createdAt: Int64
    var modifiedAt: Int64
    let averageRating: String
    let ratingCount: Int
    let totalSales: Int
}

/// A coupon (WooCommerce) or price rule with its discount code (Shopify).
struct CouponRecord: Sendable {
    enum Kind: String, Sendable {
        case percent
        case fixedCart = "fixed_cart"
        case fixedProduct = "fixed_product"
    }

    let index: Int
    var code: String
    var kind: Kind
    /// Amount as text exactly as stored (WooCommerce keeps `"10.00"`, `"15"` ...).
    var amountText: String
    var description: String
    var createdAt: Int64
    var modifiedAt: Int64
    var expiresAt: Int64?
    var usageLimit: Int?
    var usageLimitPerUser: Int?
    var usageCount: Int
    var usedBy: [String]
    var individualUse: Bool
    var freeShipping: Bool
    var excludeSaleItems: Bool
    var minimumAmountText: String
    var maximumAmountText: String
    var emailRestrictions: [String]
    var productIDs: [Int]
    var meta: [MetaEntry]
    // Shopify price-rule view.
    var shopifyTitle: String
    var shopifyTargetType: String
    var shopifyValueType: String
    var shopifyValue: String
    var shopifyCustomerSelection: String
    var shopifyPrerequisiteCustomerIDs: [Int64]
    var shopifyOncePerCustomer: Bool
    var shopifyAllocationMethod: String
    var discountCodes: [DiscountCode]
    /// When the coupon was moved to the trash (WooCommerce); `nil` when it is not there.
    var trashedAt: Int64? = nil
    /// Deleted for good (`DELETE ?force=true`).
    var isDeleted = false

    struct DiscountCode: Sendable {
        let id: Int64
        var code: String
        var usageCount: Int
        let createdAt: Int64
        var updatedAt: Int64
    }
}

/// A product review (WooCommerce only: Shopify's Admin API has no reviews).
struct ReviewRecord: Sendable {
    enum Status: String, Sendable { case approved, hold, spam }

    let index: Int
    let productIndex: Int
    let customerIndex: Int?
    let reviewer: String
    let reviewerEmail: String
    let rating: Int
    var status: Status
    let verified: Bool
    let text: String
    let createdAt: Int64
}

/// A WooCommerce `meta_data` entry.
struct MetaEntry: Sendable {
    let id: Int
    var key: String
    var value: JSONValue
}
