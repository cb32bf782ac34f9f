import AftercartModel
import AftercartStore
import Foundation

/// Model values for tests, at fixed times: tests never read the clock.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_793_000_000)
    static let tokyo: StoreID = "tokyo-woo"
    static let osaka: StoreID = "osaka-shopify"

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static func order(
        _ id: String, store: StoreID = tokyo, status: OrderStatus = .completed, email: String? = "Hana@Example.com",
        total: Decimal = 12_800
    ) -> Order {
        let yen = { (amount: Decimal) in Money(amount, .jpy) }
        return Order(
            store: store, id: id, number: id, status: status, financialStatus: .paid, fulfillmentStatus: .fulfilled,
            shipmentStatus: .delivered, currency: .jpy, total: yen(total), subtotal: yen(12_000),
            discountTotal: yen(1_200), shippingTotal: yen(800), taxTotal: yen(1_200), refundedTotal: yen(0),
            createdAt: at(-86_400 * 3), updatedAt: at(-3_600), shippedAt: at(-86_400 * 2), deliveredAt: at(-3_600),
            customer: OrderCustomer(
                id: "77", email: email, firstName: "Hana", lastName: "Sato", acceptsMarketing: true),
            lineItems: [
                LineItem(
                    productID: "12", variantID: nil, sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: yen(6_000),
                    total: yen(12_000))
            ],
            couponCodes: ["WELCOME10"], tracking: [Shipment(carrier: "Yamato", number: "1234", url: nil)])
    }

    static func customer(_ id: String, store: StoreID = tokyo) -> Customer {
        Customer(
            store: store, id: id, email: "Customer\(id)@Example.com", firstName: "Ken", lastName: "Ito",
            acceptsMarketing: nil, ordersCount: 3, totalSpent: Money(Decimal(string: "31.90")!, .usd),
            createdAt: at(-86_400 * 30), updatedAt: at(-60))
    }

    static func coupon(_ id: String, store: StoreID = tokyo) -> Coupon {
        Coupon(
            store: store, id: id, code: "THANKS-\(id)", kind: .percent, amount: 10, currency: nil,
            expiresAt: at(86_400 * 30), usageLimit: 1, usedCount: 0, emailRestrictions: ["hana@example.com"],
            createdByAftercart: true, updatedAt: at(-60))
    }

    static func loyalty(_ customerID: String, store: StoreID = tokyo) -> LoyaltyAccount {
        LoyaltyAccount(
            store: store, customerID: customerID, points: 1_250, tier: "gold", pointsExpiring: 200,
            expiresAt: at(86_400 * 10), source: "customer_meta", updatedAt: at(-60))
    }

    static func review(_ id: String, store: StoreID = tokyo, rating: Int = 5) -> Review {
        Review(
            store: store, id: id, productID: "12", customerEmail: "Hana@Example.com", reviewerName: "Hana",
            rating: rating, verified: true, status: .approved, createdAt: at(-120))
    }

    static func checkpoint(
        _ resource: ResourceKind = .orders, store: StoreID = tokyo, cursor: String?, at: Date = t0,
        completesRun: Bool = false
    ) -> CheckpointUpdate {
        CheckpointUpdate(store: store, resource: resource, cursor: cursor, at: at, completesRun: completesRun)
    }

    static func outboxEntry(_ key: String, store: StoreID = tokyo, notBefore: Date = t0) -> NewOutboxEntry {
        NewOutboxEntry(
            idempotencyKey: key, store: store, campaign: "review-request", subjectKind: .orders, subjectID: key,
            action: .sendEmail, payload: #"{"template":"review-request"}"#, notBefore: notBefore)
    }
}
