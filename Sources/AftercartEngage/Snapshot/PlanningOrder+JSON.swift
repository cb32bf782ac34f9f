import AftercartJSON
import AftercartModel
import AftercartStore
import Foundation

extension PlanningOrder {
    /// Reads an order's stored JSON (what `ModelJSON.encoder()` writes for
    /// ``Order``) straight from its bytes.
    ///
    /// Every member `Order.init(from:)` requires must be there with the right
    /// type, and the members not kept (number, other totals, tracking,
    /// coupon codes) are checked too, so a record that would not decode as an
    /// `Order` is refused here, at load, as it was before.
    ///
    /// An ``OrderPlanningProjection`` (marked by its `planning` member) is
    /// read the same way; it holds only the members kept, so the others are
    /// not required of it.
    ///
    /// - Throws: ``JSONScanError`` for malformed JSON or a missing or mistyped member.
    init(json: UnsafeBufferPointer<UInt8>) throws {
        var cursor = JSONCursor(json)
        var id: String?
        var status: OrderStatus?
        var financialStatus: FinancialStatus?
        var shipmentStatus: ShipmentStatus?
        var currency: Currency?
        var total: Decimal?
        var refundedTotal: Decimal?
        var createdAt: Date?
        var updatedAt: Date?
        var shippedAt: Date?
        var deliveredAt: Date?
        var customer: OrderCustomer?
        var lineItems: [Item]?
        var lineTaxes: [Decimal?] = []
        var pricesIncludeTax = false
        var isProjection = false
        // Members checked but not kept, one bit each (see `checkedOnly`).
        var checked: UInt8 = 0
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            guard let field = cursor.field(key, in: Self.orderFields) else {
                try cursor.skipValue()
                continue
            }
            switch field {
            case .planning:
                let start = cursor.index
                guard try cursor.readInt() == OrderPlanningProjection.version else {
                    throw cursor.failure("an order planning projection of another version", at: start)
                }
                isProjection = true
            case .store, .number: try cursor.skipString()
            case .id: id = try cursor.readString()
            case .status: status = try cursor.readName(Self.orderStatuses, "order status")
            case .financialStatus: financialStatus = try cursor.readName(Self.financialStatuses, "financial status")
            case .fulfillmentStatus: _ = try cursor.readName(Self.fulfillmentStatuses, "fulfillment status")
            case .shipmentStatus: shipmentStatus = try cursor.readName(Self.shipmentStatuses, "shipment status")
            case .currency:
                let start = cursor.index
                currency = try cursor.withString { Currency(code: String(decoding: $0, as: UTF8.self)) }
                if currency == nil { throw cursor.failure("not an ISO 4217 currency code", at: start) }
            case .total: total = try cursor.readDecimal()
            case .refundedTotal: refundedTotal = try cursor.readDecimal()
            case .subtotal, .discountTotal, .shippingTotal, .taxTotal: _ = try cursor.readDecimal()
            case .createdAt: createdAt = try cursor.readDate()
            case .updatedAt: updatedAt = try cursor.readOptionalDate()
            case .shippedAt: shippedAt = try cursor.readOptionalDate()
            case .deliveredAt: deliveredAt = try cursor.readOptionalDate()
            case .customer: customer = try Self.readCustomer(&cursor)
            case .lineItems: (lineItems, lineTaxes) = try Self.readLineItems(&cursor)
            case .taxes: pricesIncludeTax = try Self.readPricesIncludeTax(&cursor)
            case .accessKey: try cursor.skipOptionalString()
            case .couponCodes:
                if try !cursor.readNull() {
                    var codes = try cursor.beginArray()
                    while try cursor.nextElement(&codes) { try cursor.skipString() }
                }
            case .tracking:
                if try !cursor.readNull() { try Self.checkTracking(&cursor) }
            }
            if let bit = Self.checkedOnly.firstIndex(of: field) { checked |= 1 << bit }
        }
        try cursor.finish()
        for (bit, field) in Self.checkedOnly.enumerated() where !isProjection && checked & (1 << bit) == 0 {
            throw Self.missing(field, &cursor)
        }
        guard let id else { throw Self.missing(.id, &cursor) }
        guard let status else { throw Self.missing(.status, &cursor) }
        guard let financialStatus else { throw Self.missing(.financialStatus, &cursor) }
        guard let shipmentStatus else { throw Self.missing(.shipmentStatus, &cursor) }
        guard let currency else { throw Self.missing(.currency, &cursor) }
        guard let total else { throw Self.missing(.total, &cursor) }
        guard let refundedTotal else { throw Self.missing(.refundedTotal, &cursor) }
        guard let createdAt else { throw Self.missing(.createdAt, &cursor) }
        guard let customer else { throw Self.missing(.customer, &cursor) }
        guard var lineItems else { throw Self.missing(.lineItems, &cursor) }
        if pricesIncludeTax {
            for (index, tax) in lineTaxes.enumerated() {
                guard let tax else { continue }
                lineItems[index].unitPrice = Self.taxIncludedUnitPrice(
                    lineItems[index].unitPrice, tax: tax, quantity: lineItems[index].quantity, currency: currency)
            }
        }
        self.init(
            id: id, status: status, financialStatus: financialStatus, shipmentStatus: shipmentStatus,
            currency: currency, total: Money(total, currency), refundedTotal: Money(refundedTotal, currency),
            createdAt: createdAt, updatedAt: updatedAt, shippedAt: shippedAt, deliveredAt: deliveredAt,
            customer: customer, lineItems: lineItems)
    }

    private static func missing(_ field: OrderField, _ cursor: inout JSONCursor) -> JSONScanError {
        cursor.failure("the order has no \"\(field.rawValue)\"")
    }

    private static func readCustomer(_ cursor: inout JSONCursor) throws -> OrderCustomer {
        var customer = OrderCustomer(id: nil, email: nil, firstName: nil, lastName: nil, acceptsMarketing: nil)
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            switch cursor.field(key, in: Self.customerFields) {
            case .id?: customer.id = try cursor.readOptionalString()
            case .email?: customer.email = try cursor.readOptionalString()
            case .firstName?: customer.firstName = try cursor.readOptionalString()
            case .lastName?: customer.lastName = try cursor.readOptionalString()
            case .acceptsMarketing?: customer.acceptsMarketing = try cursor.readOptionalBool()
            case nil: try cursor.skipValue()
            }
        }
        return customer
    }

    /// `taxes.prices_include_tax`; `false` for `null` or when absent.
    private static func readPricesIncludeTax(_ cursor: inout JSONCursor) throws -> Bool {
        if try cursor.readNull() { return false }
        var included = false
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            if cursor.field(key, in: Self.taxesFields) == .pricesIncludeTax {
                included = try cursor.readBool()
            } else {
                try cursor.skipValue()
            }
        }
        return included
    }

    /// The lines, with each line's `subtotal_tax` beside it (`nil` when absent).
    private static func readLineItems(_ cursor: inout JSONCursor) throws -> ([Item], [Decimal?]) {
        var items: [Item] = []
        var taxes: [Decimal?] = []
        var array = try cursor.beginArray()
        while try cursor.nextElement(&array) {
            var productID: String?
            var sku: String?
            var name: String?
            var quantity: Int?
            var unitPrice: Decimal?
            var subtotalTax: Decimal?
            var hasTotal = false
            var object = try cursor.beginObject()
            while let key = try cursor.nextKey(&object) {
                switch cursor.field(key, in: Self.itemFields) {
                case .productID?: productID = try cursor.readOptionalString()
                case .variantID?: try cursor.skipOptionalString()
                case .sku?: sku = try cursor.readOptionalString()
                case .name?: name = try cursor.readString()
                case .quantity?: quantity = try cursor.readInt()
                case .unitPrice?: unitPrice = try cursor.readDecimal()
                case .total?:
                    _ = try cursor.readDecimal()
                    hasTotal = true
                case .subtotalTax?: subtotalTax = try cursor.readNull() ? nil : try cursor.readDecimal()
                case nil: try cursor.skipValue()
                }
            }
            guard let name, let quantity, let unitPrice, hasTotal else {
                throw cursor.failure("a line item lacks its name, quantity, unit_price or total")
            }
            items.append(Item(productID: productID, sku: sku, name: name, quantity: quantity, unitPrice: unitPrice))
            taxes.append(subtotalTax)
        }
        return (items, taxes)
    }

    private static func checkTracking(_ cursor: inout JSONCursor) throws {
        var array = try cursor.beginArray()
        while try cursor.nextElement(&array) {
            var hasNumber = false
            var object = try cursor.beginObject()
            while let key = try cursor.nextKey(&object) {
                switch cursor.field(key, in: Self.shipmentFields) {
                case .number?:
                    try cursor.skipString()
                    hasNumber = true
                case .carrier?, .url?: try cursor.skipOptionalString()
                case nil: try cursor.skipValue()
                }
            }
            if !hasNumber { throw cursor.failure("a tracking entry has no \"number\"") }
        }
    }

    // MARK: Names

    private enum OrderField: String, CaseIterable {
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
        case planning
    }

    private enum TaxesField: String, CaseIterable {
        case pricesIncludeTax = "prices_include_tax"
    }

    private enum CustomerField: String, CaseIterable {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case acceptsMarketing = "accepts_marketing"
    }

    private enum ItemField: String, CaseIterable {
        case productID = "product_id"
        case variantID = "variant_id"
        case sku, name, quantity
        case unitPrice = "unit_price"
        case total
        case subtotalTax = "subtotal_tax"
    }

    private enum ShipmentField: String, CaseIterable {
        case carrier, number, url
    }

    /// Required members that are checked but not kept.
    private static let checkedOnly: [OrderField] = [
        .store, .number, .fulfillmentStatus, .subtotal, .discountTotal, .shippingTotal, .taxTotal,
    ]
    private static let orderFields = ByteNames(cases: OrderField.self)
    private static let customerFields = ByteNames(cases: CustomerField.self)
    private static let itemFields = ByteNames(cases: ItemField.self)
    private static let taxesFields = ByteNames(cases: TaxesField.self)
    private static let shipmentFields = ByteNames(cases: ShipmentField.self)
    static let orderStatuses = ByteNames(cases: OrderStatus.self)
    static let financialStatuses = ByteNames(cases: FinancialStatus.self)
    static let fulfillmentStatuses = ByteNames(cases: FulfillmentStatus.self)
    static let shipmentStatuses = ByteNames(cases: ShipmentStatus.self)
}
