import AftercartConnector
import AftercartModel
import Foundation

/// Scratch pages to the model: pure functions of the body. A record that
/// cannot map is skipped with its reason; a page that does not decode is
/// a `.decoding` error the stream names the store and resource in.
struct ScratchMapper {
    let store: StoreID

    func orders(_ body: Data) throws -> MappedPage<Order, SkippedRecord> {
        var page = MappedPage<Order, SkippedRecord>()
        for wire in try decode([ScratchOrderWire].self, body) {
            let updated = Timestamp.parse(wire.updatedAt)
            page.noteChange(updated)
            guard let currency = Currency(code: wire.currency), let total = Money(text: wire.total, currency: currency),
                let created = Timestamp.parse(wire.createdAt)
            else {
                page.skipped.append(SkippedRecord(id: wire.id, reason: "unreadable money or time", level: .warning))
                continue
            }
            guard let status = Self.statuses[wire.status] else {
                page.skipped.append(
                    SkippedRecord(id: wire.id, reason: "unknown status \(wire.status)", level: .warning))
                continue
            }
            let zero = Money.zero(currency)
            page.records.append(
                Order(
                    store: store, id: wire.id, number: wire.number, status: status.order,
                    financialStatus: status.financial, fulfillmentStatus: status.fulfillment, shipmentStatus: .none,
                    currency: currency, total: total, subtotal: total, discountTotal: zero, shippingTotal: zero,
                    taxTotal: zero, refundedTotal: zero, createdAt: created, updatedAt: updated, deliveredAt: nil,
                    customer: OrderCustomer(
                        id: wire.customerId, email: wire.email, firstName: nil, lastName: nil, acceptsMarketing: nil),
                    lineItems: [], couponCodes: [], tracking: []))
        }
        return page
    }

    func customers(_ body: Data) throws -> MappedPage<Customer, SkippedRecord> {
        var page = MappedPage<Customer, SkippedRecord>()
        for wire in try decode([ScratchCustomerWire].self, body) {
            let updated = wire.updatedAt.flatMap { Timestamp.parse($0) }
            page.noteChange(updated)
            let currency = wire.currency.flatMap { Currency(code: $0) }
            page.records.append(
                Customer(
                    store: store, id: wire.id, email: wire.email, firstName: wire.firstName, lastName: wire.lastName,
                    acceptsMarketing: wire.acceptsMarketing, ordersCount: wire.ordersCount,
                    totalSpent: currency.flatMap { currency in
                        wire.totalSpent.flatMap { Money(text: $0, currency: currency) }
                    },
                    createdAt: wire.createdAt.flatMap { Timestamp.parse($0) }, updatedAt: updated))
        }
        return page
    }

    /// Scratch's three order statuses in the model's terms.
    private static let statuses:
        [String: (order: OrderStatus, financial: FinancialStatus, fulfillment: FulfillmentStatus)] = [
            "paid": (.processing, .paid, .unfulfilled),
            "shipped": (.completed, .paid, .fulfilled),
            "cancelled": (.cancelled, .voided, .unfulfilled),
        ]

    private func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try JSONDecoding.decode(type, from: body, context: ErrorContext(), decoder: decoder)
    }
}
