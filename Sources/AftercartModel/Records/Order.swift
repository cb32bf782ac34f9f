public import Foundation

/// An order as every part after the connector sees it, whatever the platform.
public struct Order: SyncRecord {
    public static let resource = ResourceKind.orders

    public var store: StoreID
    /// The platform's id (`727`, `450789469`).
    public var id: String
    /// The number the shopper sees (`"1042"`, `"#1001"`).
    public var number: String
    public var status: OrderStatus
    public var financialStatus: FinancialStatus
    public var fulfillmentStatus: FulfillmentStatus
    public var shipmentStatus: ShipmentStatus
    public var currency: Currency
    public var total: Money
    public var subtotal: Money
    public var discountTotal: Money
    public var shippingTotal: Money
    public var taxTotal: Money
    /// The sum of refunds, positive.
    public var refundedTotal: Money
    public var createdAt: Date
    public var updatedAt: Date?
    /// When the order was handed to a carrier, if known; the fallback
    /// "delivered" signal is this plus the store's delivery estimate.
    public var shippedAt: Date?
    /// When the carrier or the store said the parcel arrived.
    public var deliveredAt: Date?
    /// The buyer; guests have no customer id but have an email.
    public var customer: OrderCustomer
    public var lineItems: [LineItem]
    public var couponCodes: [String]
    public var tracking: [Shipment]
    /// How the store shows tax to this buyer, and the tax the ex-tax
    /// amounts above leave out; `nil` when the platform says nothing
    /// (and for orders stored before it was kept).
    public var taxes: OrderTaxes?
    /// The secret that lets a guest open the order's own page without
    /// logging in (WooCommerce's `order_key`); `nil` where there is none.
    public var accessKey: String?

    public var platformID: String { id }

    public init(
        store: StoreID, id: String, number: String, status: OrderStatus, financialStatus: FinancialStatus,
        fulfillmentStatus: FulfillmentStatus, shipmentStatus: ShipmentStatus, currency: Currency,
        total: Money, subtotal: Money, discountTotal: Money, shippingTotal: Money, taxTotal: Money,
        refundedTotal: Money, createdAt: Date, updatedAt: Date?, shippedAt: Date? = nil, deliveredAt: Date?,
        customer: OrderCustomer, lineItems: [LineItem], couponCodes: [String], tracking: [Shipment],
        taxes: OrderTaxes? = nil, accessKey: String? = nil
    ) {
        self.store = store
        self.id = id
        self.number = number
        self.status = status
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
        self.shipmentStatus = shipmentStatus
        self.currency = currency
        self.total = total
        self.subtotal = subtotal
        self.discountTotal = discountTotal
        self.shippingTotal = shippingTotal
        self.taxTotal = taxTotal
        self.refundedTotal = refundedTotal
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
        self.customer = customer
        self.lineItems = lineItems
        self.couponCodes = couponCodes
        self.tracking = tracking
        self.taxes = taxes
        self.accessKey = accessKey
    }

    private enum CodingKeys: String, CodingKey {
        case store, id, number, status
        case financialStatus = "financial_status"
        case fulfillmentStatus = "fulfillment_status"
        case shipmentStatus = "shipment_status"
        case currency, total, subtotal
        case discountTotal = "discount_total"
        case shippingTotal = "shipping_total"
        case taxTotal = "tax_total"
        case refundedTotal = "refunded_total"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case shippedAt = "shipped_at"
        case deliveredAt = "delivered_at"
        case customer
        case lineItems = "line_items"
        case couponCodes = "coupon_codes"
        case tracking, taxes
        case accessKey = "access_key"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        store = try container.decode(StoreID.self, forKey: .store)
        id = try container.decode(String.self, forKey: .id)
        number = try container.decode(String.self, forKey: .number)
        status = try container.decode(OrderStatus.self, forKey: .status)
        financialStatus = try container.decode(FinancialStatus.self, forKey: .financialStatus)
        fulfillmentStatus = try container.decode(FulfillmentStatus.self, forKey: .fulfillmentStatus)
        shipmentStatus = try container.decode(ShipmentStatus.self, forKey: .shipmentStatus)
        currency = try container.decode(Currency.self, forKey: .currency)
        total = try container.decodeMoney(forKey: .total, currency: currency)
        subtotal = try container.decodeMoney(forKey: .subtotal, currency: currency)
        discountTotal = try container.decodeMoney(forKey: .discountTotal, currency: currency)
        shippingTotal = try container.decodeMoney(forKey: .shippingTotal, currency: currency)
        taxTotal = try container.decodeMoney(forKey: .taxTotal, currency: currency)
        refundedTotal = try container.decodeMoney(forKey: .refundedTotal, currency: currency)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        shippedAt = try container.decodeIfPresent(Date.self, forKey: .shippedAt)
        deliveredAt = try container.decodeIfPresent(Date.self, forKey: .deliveredAt)
        customer = try container.decode(OrderCustomer.self, forKey: .customer)
        var items = try container.nestedUnkeyedContainer(forKey: .lineItems)
        var lineItems: [LineItem] = []
        while !items.isAtEnd {
            let item = try items.nestedContainer(keyedBy: LineItem.CodingKeys.self)
            lineItems.append(try LineItem(from: item, currency: currency))
        }
        self.lineItems = lineItems
        couponCodes = try container.decodeIfPresent([String].self, forKey: .couponCodes) ?? []
        tracking = try container.decodeIfPresent([Shipment].self, forKey: .tracking) ?? []
        if container.contains(.taxes), try !container.decodeNil(forKey: .taxes) {
            let nested = try container.nestedContainer(keyedBy: OrderTaxes.CodingKeys.self, forKey: .taxes)
            taxes = try OrderTaxes(from: nested, currency: currency)
        }
        accessKey = try container.decodeIfPresent(String.self, forKey: .accessKey)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(id, forKey: .id)
        try container.encode(number, forKey: .number)
        try container.encode(status, forKey: .status)
        try container.encode(financialStatus, forKey: .financialStatus)
        try container.encode(fulfillmentStatus, forKey: .fulfillmentStatus)
        try container.encode(shipmentStatus, forKey: .shipmentStatus)
        try container.encode(currency, forKey: .currency)
        try container.encodeAmount(total, forKey: .total)
        try container.encodeAmount(subtotal, forKey: .subtotal)
        try container.encodeAmount(discountTotal, forKey: .discountTotal)
        try container.encodeAmount(shippingTotal, forKey: .shippingTotal)
        try container.encodeAmount(taxTotal, forKey: .taxTotal)
        try container.encodeAmount(refundedTotal, forKey: .refundedTotal)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(shippedAt, forKey: .shippedAt)
        try container.encode(deliveredAt, forKey: .deliveredAt)
        try container.encode(customer, forKey: .customer)
        var items = container.nestedUnkeyedContainer(forKey: .lineItems)
        for item in lineItems {
            var nested = items.nestedContainer(keyedBy: LineItem.CodingKeys.self)
            try item.encode(into: &nested)
        }
        try container.encode(couponCodes, forKey: .couponCodes)
        try container.encode(tracking, forKey: .tracking)
        if let taxes {
            var nested = container.nestedContainer(keyedBy: OrderTaxes.CodingKeys.self, forKey: .taxes)
            try taxes.encode(into: &nested)
        }
        try container.encodeIfPresent(accessKey, forKey: .accessKey)
    }
}

/// The buyer as the order names them.
public struct OrderCustomer: Sendable, Hashable, Codable {
    /// The platform's customer id; `nil` for a guest checkout.
    public var id: String?
    /// The buyer's email; for guests it is the only identity there is.
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    /// Marketing consent as the order records it; `nil` when the platform
    /// does not say (WooCommerce core has no consent field).
    public var acceptsMarketing: Bool?

    public init(id: String?, email: String?, firstName: String?, lastName: String?, acceptsMarketing: Bool?) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.acceptsMarketing = acceptsMarketing
    }

    private enum CodingKeys: String, CodingKey {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case acceptsMarketing = "accepts_marketing"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(email, forKey: .email)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(acceptsMarketing, forKey: .acceptsMarketing)
    }
}
