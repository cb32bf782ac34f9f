public import AftercartConnector
public import AftercartModel
public import Foundation

/// REST Admin orders → ``Order``. Pure: no I/O, no clock.
///
/// - Money is the shop-currency text (`total_price`, …) parsed strictly;
///   malformed text throws ``ConnectorError/decoding(field:reason:_:)``
///   naming the field (`orders[3].total_price`).
/// - `subtotal` is `total_line_items_price` (before discounts, as on every
///   platform; `subtotal_price` when absent), `discount_total`
///   `total_discounts`, `shipping_total` `total_shipping_price_set.shop_money`
///   (else the sum of `shipping_lines[].price`), `tax_total` `total_tax`.
/// - `refunded_total` is the sum of `refunds[].transactions[]` with
///   `kind` `refund` and `status` `success`: the money that actually went
///   back. `refund_line_items` subtotals are not used: they exclude
///   shipping and adjustments, and a refund can return money without lines.
/// - Line `total` is `price × quantity` minus the line's
///   `discount_allocations`; `name` is the line `name` (with the variant).
/// - Dates carry offsets and are stored as UTC.
/// - `customer: null` is a guest: no id, `email` (else `contact_email`).
///   Consent: ``ShopifyConsent``; guests have none recorded, so `false`.
/// - Status: ``ShopifyOrderLifecycle``; shipments: ``ShopifyShipmentReader``.
public struct ShopifyOrderMapper: Sendable {
    public var store: StoreID

    public init(store: StoreID) {
        self.store = store
    }

    private var context: ErrorContext { ErrorContext(store: store, resource: "orders", platform: "shopify") }

    /// Maps a `GET orders.json` body.
    public func mapPage(_ body: Data) throws(ConnectorError) -> ShopifyMappedPage<Order> {
        // The byte reader is the fast way; the decoder reads what it gives up on and names the field at fault.
        let orders: [ShopifyOrderWire]
        if let read = ShopifyOrderBytesReader.page(body) {
            orders = read
        } else {
            orders = try ShopifyWireDecoder.decode(ShopifyOrderListWire.self, from: body, context: context).orders
        }
        var page = ShopifyMappedPage<Order>()
        for (index, wire) in orders.enumerated() {
            let order = try map(wire, at: ShopifyFieldPath("orders").index(index))
            page.records.append(order)
            page.noteChange(order.updatedAt)
        }
        return page
    }

    /// Maps a `GET orders/{id}.json` body (`{"order": {…}}`).
    public func mapOrder(_ body: Data) throws(ConnectorError) -> Order {
        if let wire = ShopifyOrderBytesReader.envelope(body) { return try map(wire, at: ShopifyFieldPath("order")) }
        let envelope = try ShopifyWireDecoder.decode(ShopifyOrderEnvelopeWire.self, from: body, context: context)
        return try map(envelope.order, at: ShopifyFieldPath("order"))
    }

    /// Maps an `orders/*` webhook body: the bare order object.
    public func mapWebhookOrder(_ body: Data) throws(ConnectorError) -> Order {
        if let wire = ShopifyOrderBytesReader.record(body) { return try map(wire, at: ShopifyFieldPath("")) }
        let wire = try ShopifyWireDecoder.decode(ShopifyOrderWire.self, from: body, context: context)
        return try map(wire, at: ShopifyFieldPath(""))
    }

    func map(_ wire: ShopifyOrderWire, at path: ShopifyFieldPath) throws(ConnectorError) -> Order {
        let reading = ShopifyFieldReading(context: context, record: "order \(wire.id)")
        let currency = try reading.currency(wire.currency, at: path.key("currency"))

        let lineItems = try (wire.lineItems ?? []).enumerated().map { (index, item) throws(ConnectorError) in
            try lineItem(item, currency, reading: reading, at: path.key("line_items").index(index))
        }
        let subtotal: Money
        if let text = wire.totalLineItemsPrice {
            subtotal = try reading.money(text, currency, at: path.key("total_line_items_price"))
        } else {
            subtotal = try reading.optionalMoney(wire.subtotalPrice, currency, at: path.key("subtotal_price"))
        }
        let shipping = try shippingTotal(wire, currency, reading: reading, at: path)
        let refunded = try refundedTotal(wire.refunds ?? [], currency, reading: reading, at: path.key("refunds"))

        let financial = ShopifyOrderLifecycle.financial(wire.financialStatus)
        let fulfillment = ShopifyOrderLifecycle.fulfillment(wire.fulfillmentStatus)
        let cancelledAt = try reading.optionalDate(wire.cancelledAt, at: path.key("cancelled_at"))
        let closedAt = try reading.optionalDate(wire.closedAt, at: path.key("closed_at"))
        let shipments = try ShopifyShipmentReader(reading: reading)
            .read(wire.fulfillments ?? [], at: path.key("fulfillments"))
        let id = String(wire.id)

        return Order(
            store: store, id: id, number: ShopifyFieldReading.nonEmpty(wire.name) ?? id,
            status: ShopifyOrderLifecycle.status(
                cancelled: cancelledAt != nil, closed: closedAt != nil, financial: financial, fulfillment: fulfillment),
            financialStatus: financial, fulfillmentStatus: fulfillment, shipmentStatus: shipments.status,
            currency: currency,
            total: try reading.money(wire.totalPrice, currency, at: path.key("total_price")),
            subtotal: subtotal,
            discountTotal: try reading.optionalMoney(wire.totalDiscounts, currency, at: path.key("total_discounts")),
            shippingTotal: shipping,
            taxTotal: try reading.optionalMoney(wire.totalTax, currency, at: path.key("total_tax")),
            refundedTotal: refunded,
            createdAt: try reading.date(wire.createdAt, at: path.key("created_at")),
            updatedAt: try reading.optionalDate(wire.updatedAt, at: path.key("updated_at")),
            shippedAt: shipments.shippedAt, deliveredAt: shipments.deliveredAt,
            customer: customer(wire), lineItems: lineItems,
            couponCodes: (wire.discountCodes ?? []).compactMap { ShopifyFieldReading.nonEmpty($0.code) },
            tracking: shipments.shipments, taxes: taxes(wire, currency))
    }

    /// Shopify's amounts are as the shop priced them: with tax inside
    /// when `taxes_included`, so no tax part is left out of them.
    private func taxes(_ wire: ShopifyOrderWire, _ currency: Currency) -> OrderTaxes? {
        guard let included = wire.taxesIncluded else { return nil }
        var labels: [String] = []
        for line in wire.taxLines ?? [] {
            if let title = ShopifyFieldReading.nonEmpty(line.title), !labels.contains(title) { labels.append(title) }
        }
        return OrderTaxes(
            pricesIncludeTax: included, label: labels.isEmpty ? nil : labels.joined(separator: ", "),
            discountTax: .zero(currency), shippingTax: .zero(currency))
    }

    private func customer(_ wire: ShopifyOrderWire) -> OrderCustomer {
        let email =
            ShopifyFieldReading.nonEmpty(wire.customer?.email)
            ?? ShopifyFieldReading.nonEmpty(wire.email) ?? ShopifyFieldReading.nonEmpty(wire.contactEmail)
        guard let buyer = wire.customer else {
            return OrderCustomer(id: nil, email: email, firstName: nil, lastName: nil, acceptsMarketing: false)
        }
        return OrderCustomer(
            id: String(buyer.id), email: email, firstName: ShopifyFieldReading.nonEmpty(buyer.firstName),
            lastName: ShopifyFieldReading.nonEmpty(buyer.lastName),
            acceptsMarketing: ShopifyConsent.acceptsMarketing(buyer.emailMarketingConsent))
    }

    private func lineItem(
        _ wire: ShopifyLineItemWire, _ currency: Currency, reading: ShopifyFieldReading, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> LineItem {
        let price = try reading.money(wire.price, currency, at: path.key("price"))
        var total = Money(price.amount * Decimal(wire.quantity), currency)
        for (index, allocation) in (wire.discountAllocations ?? []).enumerated() {
            total =
                total
                - (try reading.money(
                    allocation.amount, currency, at: path.key("discount_allocations").index(index).key("amount")))
        }
        return LineItem(
            productID: wire.productID.map(String.init), variantID: wire.variantID.map(String.init),
            sku: ShopifyFieldReading.nonEmpty(wire.sku),
            name: ShopifyFieldReading.nonEmpty(wire.name) ?? ShopifyFieldReading.nonEmpty(wire.title) ?? "",
            quantity: wire.quantity, unitPrice: price, total: total)
    }

    private func shippingTotal(
        _ wire: ShopifyOrderWire, _ currency: Currency, reading: ShopifyFieldReading, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> Money {
        if let amount = wire.totalShippingPriceSet?.shopMoney?.amount {
            return try reading.money(amount, currency, at: path.key("total_shipping_price_set.shop_money.amount"))
        }
        var total = Money.zero(currency)
        for (index, line) in (wire.shippingLines ?? []).enumerated() {
            total =
                total
                + (try reading.optionalMoney(
                    line.price, currency, at: path.key("shipping_lines").index(index).key("price")))
        }
        return total
    }

    private func refundedTotal(
        _ refunds: [ShopifyRefundWire], _ currency: Currency, reading: ShopifyFieldReading, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> Money {
        var total = Money.zero(currency)
        for (refundIndex, refund) in refunds.enumerated() {
            for (index, transaction) in (refund.transactions ?? []).enumerated() {
                guard transaction.kind?.lowercased() == "refund", transaction.status?.lowercased() == "success",
                    let amount = transaction.amount
                else { continue }
                let amountPath = path.index(refundIndex).key("transactions").index(index).key("amount")
                let value = try reading.decimal(amount, at: amountPath)
                total = total + Money(value < 0 ? -value : value, currency)
            }
        }
        return total
    }
}
