/// Renders orders exactly as WooCommerce 10.x (HPOS) prints them: key order, string
/// money, site-local `date_*` and UTC `date_*_gmt` without `Z`, numeric `price`.
struct WooOrderRenderer {
    let state: StoreState
    let homeURL: String
    let deliveredStatus: Bool
    /// A shop whose prices are entered with tax (Japan): amounts stay
    /// tax-exclusive, as on a real store, but the flag says so and the
    /// coupon's tax share is reported apart (api-facts §8.3).
    var pricesIncludeTax = false
    /// Whether the TrackShip plugin writes each parcel's stage to `shipment_status`.
    var trackShip = false

    var profile: StoreProfile { state.profile }
    var zone: StoreTimeZone { profile.timeZone }

    func status(_ o: OrderRecord, now: Int64) -> String {
        if o.trashedAt != nil { return "trash" }
        if let status = o.statusOverride { return status }
        switch o.outcome {
        case .unpaid: return "pending"
        case .failed: return "failed"
        case .cancelled: return o.happened(o.schedule.cancelledAt, now) ? "cancelled" : "pending"
        case .onHold: return o.happened(o.schedule.paidAt, now) ? "on-hold" : "pending"
        case .shipped:
            if o.refundFraction >= 100, o.happened(o.schedule.refundedAt, now) { return "refunded" }
            let stage = o.shipmentStage(now)
            if deliveredStatus, stage == .delivered { return "delivered" }
            if stage != .none { return "completed" }
            return o.happened(o.schedule.paidAt, now) ? "processing" : "pending"
        }
    }

    private func date(_ w: inout JSONWriter, _ local: StaticString, _ t: Int64?) {
        w.key(local)
        if let t { w.string(zone.localString(t)) } else { w.null() }
    }

    private func gmt(_ w: inout JSONWriter, _ key: StaticString, _ t: Int64?) {
        w.key(key)
        if let t { w.string(zone.gmtString(t)) } else { w.null() }
    }

    func money(_ minor: Int64) -> String { profile.currency.fixed(minor) }

    /// The tax share of the coupon discount: the lines' tax before the
    /// discount less their tax after it. Zero for tax-exclusive shops,
    /// whose generated orders keep the older shape.
    func discountTax(_ o: OrderRecord) -> Int64 {
        guard pricesIncludeTax else { return 0 }
        let before = o.lines.reduce(Int64(0)) { $0 + profile.currency.tax(on: $1.subtotalMinor) }
        return max(0, before - o.cartTaxMinor)
    }

    func render(_ o: OrderRecord, now: Int64, into w: inout JSONWriter) {
        let id = WooIDs.order(o.index)
        let st = status(o, now: now)
        let paid = o.happened(o.schedule.paidAt, now) ? o.schedule.paidAt : nil
        let completed =
            (st == "completed" || st == "delivered" || st == "refunded") ? (o.schedule.labelPrintedAt ?? paid) : nil
        let modified = o.modifiedAt(now)
        let customer = o.customerIndex.map { state.people.name(stream: .customer, index: $0) }
        let first = customer?.first ?? o.guestFirstName
        let last = customer?.last ?? o.guestLastName
        let email = o.customerIndex.map { state.people.email($0) } ?? o.guestEmail
        let city = profile.region.cities[o.cityIndex]
        let orderKey = "wc_order_" + String(o.token.prefix(13))

        w.beginObject()
        w.field("id", id)
        w.field("parent_id", 0)
        w.field("status", st)
        w.field("currency", profile.currency.code)
        w.field("version", "10.0.2")
        w.field("prices_include_tax", pricesIncludeTax)
        date(&w, "date_created", o.createdAt)
        date(&w, "date_modified", modified)
        w.field("discount_total", money(o.discountMinor))
        w.field("discount_tax", money(discountTax(o)))
        w.field("shipping_total", money(o.shippingMinor))
        w.field("shipping_tax", money(0))
        w.field("cart_tax", money(o.cartTaxMinor))
        w.field("total", money(o.totalMinor))
        w.field("total_tax", money(o.cartTaxMinor))
        w.field("customer_id", o.customerIndex.map { WooIDs.customer($0) } ?? 0)
        w.field("order_key", orderKey)
        w.key("billing")
        w.beginObject()
        w.field("first_name", first)
        w.field("last_name", last)
        w.field("company", "")
        w.field("address_1", "\(o.index % 900 + 100) Market Street")
        w.field("address_2", "")
        w.field("city", city.city)
        w.field("state", city.state)
        w.field("postcode", city.postcode)
        w.field("country", profile.region.country)
        w.field("email", email)
        w.field("phone", profile.region.phonePrefix + String(1_000_000 + o.index % 9_000_000))
        w.endObject()
        w.key("shipping")
        w.beginObject()
        w.field("first_name", first)
        w.field("last_name", last)
        w.field("company", "")
        w.field("address_1", "\(o.index % 900 + 100) Market Street")
        w.field("address_2", "")
        w.field("city", city.city)
        w.field("state", city.state)
        w.field("postcode", city.postcode)
        w.field("country", profile.region.country)
        w.field("phone", "")
        w.endObject()
        w.field("payment_method", o.paymentMethod.id)
        w.field("payment_method_title", o.paymentMethod.title)
        w.field("transaction_id", paid != nil && o.paymentMethod.id != "bacs" ? "ch_" + String(o.token.suffix(24)) : "")
        w.field("customer_ip_address", "")
        w.field("customer_user_agent", "")
        w.field("created_via", "checkout")
        w.field("customer_note", "")
        date(&w, "date_completed", completed)
        date(&w, "date_paid", paid)
        w.field("cart_hash", o.token)
        w.field("number", String(id))
        renderMeta(o, now: now, into: &w)
        renderLines(o, into: &w)
        renderTotalsLines(o, now: now, into: &w)
        w.field("payment_url", "\(homeURL)/checkout/order-pay/\(id)/?pay_for_order=true&key=\(orderKey)")
        w.field("is_editable", st == "pending" || st == "on-hold")
        w.field("needs_payment", st == "pending" || st == "failed")
        w.field("needs_processing", true)
        gmt(&w, "date_created_gmt", o.createdAt)
        gmt(&w, "date_modified_gmt", modified)
        gmt(&w, "date_completed_gmt", completed)
        gmt(&w, "date_paid_gmt", paid)
        w.field("currency_symbol", profile.currency.symbol)
        w.key("_links")
        w.beginObject()
        WooLinks.selfAndCollection(&w, homeURL: homeURL, collection: "orders", id: id)
        w.key("email_templates")
        w.beginArray()
        w.beginObject()
        w.field("embeddable", true)
        w.field("href", "\(homeURL)/wp-json/wc/v3/orders/\(id)/actions/email_templates")
        w.endObject()
        w.endArray()
        if let c = o.customerIndex {
            w.key("customer")
            w.beginArray()
            w.beginObject()
            w.field("href", "\(homeURL)/wp-json/wc/v3/customers/\(WooIDs.customer(c))")
            w.endObject()
            w.endArray()
        }
        w.endObject()
        w.endObject()
    }

    /// Shipment Tracking keeps its items in order meta; the extension has no delivery status.
    /// With TrackShip the carrier's stage of each item follows in `shipment_status`.
    func trackingItems(_ o: OrderRecord, now: Int64) -> [JSONValue] {
        guard o.outcome == .shipped, let label = o.schedule.labelPrintedAt, label <= now else { return [] }
        return [
            .object([
                "tracking_provider": .string(o.carrier.provider),
                "custom_tracking_provider": .string(""),
                "custom_tracking_link": .string(""),
                "tracking_number": .string(o.trackingNumber),
                "date_shipped": .string(String(label)),
                "tracking_id": .string(String(o.token.prefix(32))),
            ])
        ]
    }

    private func renderMeta(_ o: OrderRecord, now: Int64, into w: inout JSONWriter) {
        w.key("meta_data")
        w.beginArray()
        let items = trackingItems(o, now: now)
        if !items.isEmpty {
            w.beginObject()
            w.field("id", WooIDs.meta(order: o.index, 0))
            w.field("key", "_wc_shipment_tracking_items")
            w.key("value")
            JSONValue.array(items).write(to: &w)
            w.endObject()
            if trackShip, let status = trackShipStatus(o, now: now) {
                w.beginObject()
                w.field("id", WooIDs.meta(order: o.index, 1))
                w.field("key", "shipment_status")
                w.key("value")
                JSONValue.array([status]).write(to: &w)
                w.endObject()
            }
        }
        for m in o.extraMeta { m.write(to: &w) }
        w.endArray()
    }

    private func renderLines(_ o: OrderRecord, into w: inout JSONWriter) {
        let exponent = profile.currency.exponent
        w.key("line_items")
        w.beginArray()
        for (position, line) in o.lines.enumerated() {
            let product = state.catalog.product(line.productIndex)
            let subtotalTax = profile.currency.tax(on: line.subtotalMinor)
            w.beginObject()
            w.field("id", WooIDs.lineItem(line.lineID))
            w.field("name", product.name)
            w.field("product_id", WooIDs.product(line.productIndex))
            w.field("variation_id", 0)
            if o.malformedQuantity && position == 0 {
                w.field("quantity", "two")
            } else {
                w.field("quantity", line.quantity)
            }
            w.field("tax_class", "")
            w.field("subtotal", money(line.subtotalMinor))
            w.field("subtotal_tax", money(subtotalTax))
            w.field("total", money(line.totalMinor))
            w.field("total_tax", money(line.taxMinor))
            w.key("taxes")
            w.beginArray()
            w.beginObject()
            w.field("id", 1)
            w.field("total", MoneyText.minimal(line.taxMinor, exponent: exponent))
            w.field("subtotal", MoneyText.minimal(subtotalTax, exponent: exponent))
            w.endObject()
            w.endArray()
            w.emptyArray("meta_data")
            w.field("sku", product.sku)
            // WooCommerce computes price = total / quantity as a PHP float.
            w.key("price")
            w.number(MoneyText.minimal(line.totalMinor / Int64(line.quantity), exponent: exponent))
            w.key("image")
            w.beginObject()
            w.field("id", "")
            w.field("src", "")
            w.endObject()
            w.fieldNull("parent_name")
            w.endObject()
        }
        w.endArray()
    }

    private func renderTotalsLines(_ o: OrderRecord, now: Int64, into w: inout JSONWriter) {
        w.key("tax_lines")
        w.beginArray()
        if o.cartTaxMinor > 0 {
            w.beginObject()
            w.field("id", o.index * 8 + 6)
            w.field("rate_code", "\(profile.region.country)-TAX-1")
            w.field("rate_id", 1)
            w.field("label", profile.currency.taxLabel)
            w.field("compound", false)
            w.field("tax_total", money(o.cartTaxMinor))
            w.field("shipping_tax_total", money(0))
            w.key("rate_percent")
            w.number(MoneyText.minimal(profile.currency.taxBasisPoints, exponent: 2))
            w.emptyArray("meta_data")
            w.endObject()
        }
        w.endArray()
        w.key("shipping_lines")
        w.beginArray()
        w.beginObject()
        w.field("id", o.index * 8 + 5)
        w.field("method_title", o.shippingMinor == 0 ? "Free shipping" : "Flat rate")
        w.field("method_id", o.shippingMinor == 0 ? "free_shipping" : "flat_rate")
        w.field("instance_id", "1")
        w.field("total", money(o.shippingMinor))
        w.field("total_tax", money(0))
        w.emptyArray("taxes")
        w.emptyArray("meta_data")
        w.endObject()
        w.endArray()
        w.emptyArray("fee_lines")
        w.key("coupon_lines")
        w.beginArray()
        if let code = o.couponCode {
            w.beginObject()
            w.field("id", o.index * 8 + 7)
            w.field("code", code)
            w.field("discount", MoneyText.minimal(o.discountMinor, exponent: profile.currency.exponent))
            w.field("discount_tax", MoneyText.minimal(discountTax(o), exponent: profile.currency.exponent))
            w.emptyArray("meta_data")
            let coupon = state.couponIndex(code: code, state.snapshot()).map { state.catalog.coupon($0) }
            w.field("discount_type", coupon?.kind.rawValue ?? "percent")
            w.key("nominal_amount")
            w.number(MoneyText.minimal(MoneyText.parse(coupon?.amountText ?? "0", exponent: 2) ?? 0, exponent: 2))
            w.field("free_shipping", coupon?.freeShipping ?? false)
            w.endObject()
        }
        w.endArray()
        w.key("refunds")
        w.beginArray()
        let refunded = o.refundedMinor(now)
        if refunded > 0 {
            w.beginObject()
            w.field("id", WooIDs.order(o.index) + 5_000_000)
            w.field("reason", o.refundFraction >= 100 ? "Returned" : "Partial refund: damaged item")
            w.field("total", money(-refunded))
            w.endObject()
        }
        w.endArray()
    }

    /// TrackShip's entry for the order's one parcel: its status name, when
    /// the carrier reported it (`Y-m-d H:i:s`, UTC) and the expected
    /// delivery day; `nil` before the carrier has scanned the parcel.
    func trackShipStatus(_ o: OrderRecord, now: Int64) -> JSONValue? {
        let stage = o.shipmentStage(now)
        let (name, at): (String, Int64?) =
            switch stage {
            case .none: ("", nil)
            case .labelPrinted: ("pre_transit", o.schedule.labelPrintedAt)
            case .inTransit: ("in_transit", o.schedule.inTransitAt)
            case .outForDelivery: ("out_for_delivery", o.schedule.outForDeliveryAt)
            case .delivered: ("delivered", o.schedule.deliveredAt)
            case .failure: ("failure", o.schedule.deliveryFailedAt)
            }
        guard let at else { return nil }
        var entry: [String: JSONValue] = [
            "status": .string(name),
            "status_date": .string(zone.gmtString(at).replacingOccurrences(of: "T", with: " ")),
            "tracking_events": .array([]),
        ]
        if let expected = o.schedule.deliveredAt ?? o.schedule.deliveryFailedAt {
            entry["est_delivery_date"] = .string(String(zone.gmtString(expected).prefix(10)))
        }
        return .object(entry)
    }
}

extension MetaEntry {
    /// One `meta_data` item as WooCommerce writes it: `{id, key, value}`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("key", key)
        w.key("value")
        value.write(to: &w)
        w.endObject()
    }
}

enum WooLinks {
    /// The `_links` object of a single record: `self` and `collection`.
    static func links(_ w: inout JSONWriter, homeURL: String, collection: String, id: Int) {
        w.key("_links")
        w.beginObject()
        selfAndCollection(&w, homeURL: homeURL, collection: collection, id: id)
        w.endObject()
    }

    static func selfAndCollection(_ w: inout JSONWriter, homeURL: String, collection: String, id: Int) {
        w.key("self")
        w.beginArray()
        w.beginObject()
        w.field("href", "\(homeURL)/wp-json/wc/v3/\(collection)/\(id)")
        w.key("targetHints")
        w.beginObject()
        w.key("allow")
        w.beginArray()
        for m in ["GET", "POST", "PUT", "PATCH", "DELETE"] { w.string(m) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.endArray()
        w.key("collection")
        w.beginArray()
        w.beginObject()
        w.field("href", "\(homeURL)/wp-json/wc/v3/\(collection)")
        w.endObject()
        w.endArray()
    }
}
