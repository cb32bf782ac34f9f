import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation

/// Hand-built facts written straight into a real database: orders and
/// reviews as a sync writes them, outbox rows sent at chosen instants,
/// unsubscribes and suppressed occurrences as the planner records them.
struct OutcomeFixture {
    let database: any Persistence & OutcomeFactStore & PlanningStore
    let store: StoreID
    let timeZone: TimeZone
    let currency: Currency

    /// An instant given as `yyyy-MM-dd HH:mm` in the store's time zone.
    func at(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    func money(_ text: String, _ code: String? = nil) -> Money {
        let currency = code.flatMap { Currency(code: $0) } ?? currency
        return Money(text: text, currency: currency)!
    }

    /// Writes one order.
    func order(
        _ id: String, _ email: String?, _ time: String, total: String, refunded: String = "0",
        currency code: String? = nil, status: OrderStatus = .completed, coupons: [String] = []
    ) async throws {
        let zero = money("0", code)
        let order = Order(
            store: store, id: id, number: id, status: status, financialStatus: .paid, fulfillmentStatus: .fulfilled,
            shipmentStatus: .none, currency: zero.currency, total: money(total, code), subtotal: money(total, code),
            discountTotal: zero, shippingTotal: zero, taxTotal: zero, refundedTotal: money(refunded, code),
            createdAt: at(time), updatedAt: at(time), deliveredAt: nil,
            customer: OrderCustomer(id: nil, email: email, firstName: nil, lastName: nil, acceptsMarketing: true),
            lineItems: [], couponCodes: coupons, tracking: [])
        _ = try await database.commitPage(
            [order], checkpoint: CheckpointUpdate(store: store, resource: .orders, cursor: nil, at: at(time)))
    }

    /// Writes one review.
    func review(_ id: String, _ email: String, rating: Int, _ time: String) async throws {
        let review = Review(
            store: store, id: id, productID: "p1", customerEmail: email, reviewerName: nil, rating: rating,
            verified: true, status: .approved, createdAt: at(time))
        _ = try await database.commitPage(
            [review], checkpoint: CheckpointUpdate(store: store, resource: .reviews, cursor: nil, at: at(time)))
    }

    /// An email of `campaign` to `to`, done (sent) at `time`; `step` ends its key.
    func email(
        _ campaign: String, to: String, _ time: String, transactional: Bool = false, step: String = "email"
    ) async throws {
        let payload = #"{"to":"\#(to)","subject":"s","text":"t","transactional":\#(transactional)}"#
        try await done(campaign, .sendEmail, key: "\(campaign)/\(store)/orders:\(to)-\(time)/\(step)", payload, time)
    }

    /// A coupon `code` created by `campaign` at `time`.
    func coupon(_ campaign: String, code: String, _ time: String) async throws {
        try await done(
            campaign, .createCoupon, key: "\(campaign)/\(store)/customers:\(code)/coupon", #"{"code":"\#(code)"}"#,
            time)
    }

    private func done(_ campaign: String, _ action: OutboxAction, key: String, _ payload: String, _ time: String)
        async throws
    {
        let sent = at(time)
        _ = try await database.enqueue(
            [
                NewOutboxEntry(
                    idempotencyKey: key, store: store, campaign: campaign, subjectKind: .orders, subjectID: key,
                    action: action, payload: payload, notBefore: sent)
            ], now: sent)
        for claim in try await database.claimDue(owner: "test", limit: 10, leaseFor: 60, now: sent) {
            _ = try await database.complete(id: claim.entry.id, owner: "test", result: nil, now: sent)
        }
    }
}
