import AftercartModel
import Foundation

/// What the planner's scanning looks at in an order: status, dates, buyer,
/// amounts and products. The full ``Order`` (number, tracking, line totals)
/// is decoded only for the few orders a message is rendered for
/// (``StoreSnapshot/fullOrder(at:)``).
struct PlanningOrder: Sendable, Hashable {
    /// A product line as conditions, recommendations and review requests see it.
    struct Item: Sendable, Hashable {
        var productID: String?
        var sku: String?
        var name: String
        var quantity: Int
        /// One unit as the shop shows its price, in the order's currency:
        /// tax included where the store's prices include tax (Japan), so
        /// a recommendation quotes what the buyer would pay.
        var unitPrice: Decimal
    }

    /// Where the order is: what the triggers look at for every order of a
    /// store. It holds no references, so reading it copies no strings.
    struct Lifecycle: Sendable, Hashable {
        var status: OrderStatus
        var shipmentStatus: ShipmentStatus
        var createdAt: Date
        var updatedAt: Date?
        var shippedAt: Date?
        var deliveredAt: Date?
        /// A tracking source reports this order's stages, so a "delivered"
        /// will come: the review wait does not fall back to the estimate.
        var carrierReports = false
    }

    var id: String
    var lifecycle: Lifecycle
    var financialStatus: FinancialStatus
    var currency: Currency
    var total: Money
    var refundedTotal: Money
    var customer: OrderCustomer
    var lineItems: [Item]

    var status: OrderStatus { lifecycle.status }
    var shipmentStatus: ShipmentStatus { lifecycle.shipmentStatus }
    var createdAt: Date { lifecycle.createdAt }
    var updatedAt: Date? { lifecycle.updatedAt }
    var shippedAt: Date? { lifecycle.shippedAt }
    var deliveredAt: Date? { lifecycle.deliveredAt }

    init(
        id: String, status: OrderStatus, financialStatus: FinancialStatus, shipmentStatus: ShipmentStatus,
        currency: Currency, total: Money, refundedTotal: Money, createdAt: Date, updatedAt: Date?, shippedAt: Date?,
        deliveredAt: Date?, customer: OrderCustomer, lineItems: [Item]
    ) {
        self.id = id
        self.lifecycle = Lifecycle(
            status: status, shipmentStatus: shipmentStatus, createdAt: createdAt, updatedAt: updatedAt,
            shippedAt: shippedAt, deliveredAt: deliveredAt)
        self.financialStatus = financialStatus
        self.currency = currency
        self.total = total
        self.refundedTotal = refundedTotal
        self.customer = customer
        self.lineItems = lineItems
    }

    /// The planning view of a decoded order.
    init(_ order: Order) {
        self.init(
            id: order.id, status: order.status, financialStatus: order.financialStatus,
            shipmentStatus: order.shipmentStatus, currency: order.currency, total: order.total,
            refundedTotal: order.refundedTotal, createdAt: order.createdAt, updatedAt: order.updatedAt,
            shippedAt: order.shippedAt, deliveredAt: order.deliveredAt, customer: order.customer,
            lineItems: zip(order.lineItems, order.charged.lines).map { item, shown in
                Item(
                    productID: item.productID, sku: item.sku, name: item.name, quantity: item.quantity,
                    unitPrice: shown.unitPrice.amount)
            })
    }

    /// `unit × quantity + tax`, per unit, as ``AftercartModel/Order/charged`` shows it.
    static func taxIncludedUnitPrice(_ unit: Decimal, tax: Decimal, quantity: Int, currency: Currency) -> Decimal {
        ChargedAmounts.unitPrice(lineAmount: unit * Decimal(quantity) + tax, quantity: quantity, currency: currency)
    }
}
