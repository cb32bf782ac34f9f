public import AftercartModel
public import Foundation

/// WooCommerce REST v3 orders → ``Order``. Pure: no I/O, no clock.
///
/// - Money is read exactly (strings strictly parsed, JSON numbers from
///   their digits); `""` and `null` are zero; anything else throws
///   ``WooCommerceDecodingError`` naming the field.
/// - Dates are the `*_gmt` fields, read as UTC.
/// - Guests (`customer_id` 0) have no customer id; `billing.email` is
///   their identity.
/// - `trash` and draft orders, and statuses that are neither core nor
///   configured, are skipped with a reason (``WooCommerceSkipReason``).
/// - `subtotal` is the sum of the line subtotals (before discounts),
///   `tax_total` is `total_tax`, `refunded_total` the sum of the
///   (negative) `refunds[].total`, made positive.
public struct WooCommerceOrderMapper: Sendable {
    public var store: StoreID
    /// Custom statuses, consent, tracking keys and time zone.
    public var options: WooCommerceOrderMappingOptions

    public init(store: StoreID, options: WooCommerceOrderMappingOptions = WooCommerceOrderMappingOptions()) {
        self.store = store
        self.options = options
    }

    /// Maps a `GET /orders` page body (a JSON array).
    public func mapPage(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMappedPage<Order> {
        // The byte reader is the fast way; the decoder reads what it gives up on and names the field at fault.
        let wires: [WooOrderWire]
        if let read = WooOrderBytesReader.page(body) {
            wires = read
        } else {
            wires = try WooWireDecoder.decodePage(WooOrderWire.self, from: body, resource: .orders)
        }
        var page = WooCommerceMappedPage<Order>()
        let root = WooFieldPath(resource: .orders)
        for (index, wire) in wires.enumerated() {
            let path = root.index(index)
            let outcome = try map(wire, at: path)
            page.append(outcome, modified: try? WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path))
        }
        return page
    }

    /// Maps one order body: `GET /orders/{id}` or an `order.*` webhook delivery.
    public func mapOrder(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMapped<Order> {
        let wire: WooOrderWire
        if let read = WooOrderBytesReader.record(body) {
            wire = read
        } else {
            wire = try WooWireDecoder.decodeRecord(WooOrderWire.self, from: body, resource: .orders)
        }
        return try map(wire, at: WooFieldPath(resource: .orders))
    }

    func map(_ wire: WooOrderWire, at path: WooFieldPath) throws(WooCommerceDecodingError) -> WooCommerceMapped<Order> {
        let id = try WooFieldReading.id(wire.id, at: path.key("id"))
        do {
            return try mapIdentified(wire, id: id, at: path)
        } catch {
            var error = error
            error.recordID = error.recordID ?? id
            throw error
        }
    }

    private func mapIdentified(
        _ wire: WooOrderWire, id: String, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> WooCommerceMapped<Order> {
        let core: OrderStatus
        let custom: WooCommerceCustomOrderStatus?
        switch WooOrderLifecycle.classify(wire.status, customStatuses: options.customStatuses) {
        case .skip(let reason):
            return .skipped(WooCommerceSkippedRecord(id: id, reason: reason))
        case .core(let status):
            (core, custom) = (status, nil)
        case .custom(.same(let status)):
            (core, custom) = (status, nil)
        case .custom(let kind):
            (core, custom) = (kind == .partiallyShipped ? .processing : .completed, kind)
        }

        let currency = try WooFieldReading.currency(wire.currency, at: path.key("currency"))
        let total = try WooFieldReading.money(wire.total, currency, at: path.key("total"))
        var lineItems: [LineItem] = []
        var subtotal = Money.zero(currency)
        for (index, item) in (wire.lineItems ?? []).enumerated() {
            let itemPath = path.key("line_items").index(index)
            lineItems.append(try lineItem(item, currency, at: itemPath))
            subtotal = subtotal + (try WooFieldReading.money(item.subtotal, currency, at: itemPath.key("subtotal")))
        }
        var refunded: Decimal = 0
        for (index, refund) in (wire.refunds ?? []).enumerated() {
            let amount = try WooFieldReading.decimal(refund.total, at: path.key("refunds").index(index).key("total"))
            refunded += amount < 0 ? -amount : amount
        }

        let createdAt = try WooFieldReading.requiredDate(
            gmt: wire.dateCreatedGMT, gmtKey: "date_created_gmt", local: wire.dateCreated, localKey: "date_created",
            siteTimeZone: options.siteTimeZone, at: path)
        let modifiedAt = try WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path.key("date_modified_gmt"))
        let tracking = WooShipmentTrackingReader(metaKeys: options.trackingMetaKeys).read(wire.metaData)
        let trackingStatus = WooTrackingStatusReader(metaKeys: options.trackingStatusMetaKeys)
            .summary(wire.metaData, parcelCount: tracking.shipments.count)
        let lifecycle = WooOrderLifecycle(
            custom: custom, core: core,
            facts: .init(
                datePaid: try WooFieldReading.gmtDate(wire.datePaidGMT, at: path.key("date_paid_gmt")),
                dateCompleted: try WooFieldReading.gmtDate(wire.dateCompletedGMT, at: path.key("date_completed_gmt")),
                dateModified: modifiedAt, tracking: tracking, trackingStatus: trackingStatus, total: total.amount,
                refunded: refunded))

        let order = Order(
            store: store, id: id, number: WooFieldReading.nonEmpty(wire.number?.text) ?? id,
            status: lifecycle.status, financialStatus: lifecycle.financial,
            fulfillmentStatus: lifecycle.fulfillment, shipmentStatus: lifecycle.shipment, currency: currency,
            total: total, subtotal: subtotal,
            discountTotal: try WooFieldReading.money(wire.discountTotal, currency, at: path.key("discount_total")),
            shippingTotal: try WooFieldReading.money(wire.shippingTotal, currency, at: path.key("shipping_total")),
            taxTotal: try WooFieldReading.money(wire.totalTax, currency, at: path.key("total_tax")),
            refundedTotal: Money(refunded, currency), createdAt: createdAt, updatedAt: modifiedAt,
            shippedAt: lifecycle.shippedAt, deliveredAt: lifecycle.deliveredAt,
            customer: customer(wire), lineItems: lineItems,
            couponCodes: (wire.couponLines ?? []).compactMap { WooFieldReading.nonEmpty($0.code) },
            tracking: tracking.shipments, taxes: try taxes(wire, currency, at: path),
            accessKey: WooFieldReading.nonEmpty(wire.orderKey))
        return .record(order)
    }

    /// The tax display and the tax parts the ex-tax amounts leave out.
    /// Several rates (a compound or a regional one) are named together.
    private func taxes(
        _ wire: WooOrderWire, _ currency: Currency, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> OrderTaxes {
        var labels: [String] = []
        for line in wire.taxLines ?? [] {
            if let label = WooFieldReading.nonEmpty(line.label), !labels.contains(label) { labels.append(label) }
        }
        return OrderTaxes(
            pricesIncludeTax: wire.pricesIncludeTax ?? false,
            label: labels.isEmpty ? nil : labels.joined(separator: ", "),
            discountTax: try WooFieldReading.money(wire.discountTax, currency, at: path.key("discount_tax")),
            shippingTax: try WooFieldReading.money(wire.shippingTax, currency, at: path.key("shipping_tax")))
    }

    private func customer(_ wire: WooOrderWire) -> OrderCustomer {
        OrderCustomer(
            id: WooFieldReading.optionalID(wire.customerID),
            email: WooFieldReading.nonEmpty(wire.billing?.email),
            firstName: WooFieldReading.nonEmpty(wire.billing?.firstName),
            lastName: WooFieldReading.nonEmpty(wire.billing?.lastName),
            acceptsMarketing: options.consent.consent(in: wire.metaData))
    }

    /// A line. The unit price is the price before order-level discounts:
    /// `subtotal / quantity` when that division is exact in the currency
    /// (it almost always is: WooCommerce computed the subtotal as price ×
    /// quantity). A line whose subtotal does not divide evenly (`10.00`
    /// for 3) gets the quotient rounded to the currency's minor units; the
    /// line total stays exact.
    private func lineItem(
        _ wire: WooLineItemWire, _ currency: Currency, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> LineItem {
        let quantityValue = try WooFieldReading.decimal(wire.quantity, at: path.key("quantity"))
        guard let quantity = WooInteger.wholeNumber(quantityValue) else {
            throw path.key("quantity").error("\(quantityValue) is not a whole number")
        }
        let subtotal = try WooFieldReading.money(wire.subtotal, currency, at: path.key("subtotal"))
        let total = try WooFieldReading.money(wire.total, currency, at: path.key("total"))
        let price = try WooFieldReading.optionalDecimal(wire.price, at: path.key("price"))
        let unitPrice: Decimal
        if quantity > 0, wire.subtotal.map({ !$0.isBlank }) ?? false {
            unitPrice = Self.unitPrice(subtotal.amount, quantity: quantity, minorUnits: currency.minorUnits)
        } else {
            unitPrice = price ?? subtotal.amount
        }
        return LineItem(
            productID: WooFieldReading.optionalID(wire.productID),
            variantID: WooFieldReading.optionalID(wire.variationID),
            sku: WooFieldReading.nonEmpty(wire.sku), name: wire.name ?? "", quantity: quantity,
            unitPrice: Money(unitPrice, currency), total: total,
            subtotalTax: try wire.subtotalTax.map { (tax) throws(WooCommerceDecodingError) in
                try WooFieldReading.money(tax, currency, at: path.key("subtotal_tax"))
            })
    }

    static func unitPrice(_ subtotal: Decimal, quantity: Int, minorUnits: Int) -> Decimal {
        if quantity == 1 { return subtotal }
        // Foundation's long division was a large share of a sync's CPU; integers do the exact case.
        if let exact = DecimalParts(subtotal)?.dividedExactly(by: quantity) { return exact.decimal }
        let count = Decimal(quantity)
        let exact = subtotal / count
        if exact * count == subtotal { return exact }
        var value = exact
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, minorUnits, .plain)
        return rounded
    }
}
