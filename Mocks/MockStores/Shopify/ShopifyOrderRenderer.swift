/// Renders orders in Shopify REST Admin shape (2025-10): string money with `*_set` bags,
/// local times with offset, fulfillments carrying `shipment_status`.
struct ShopifyOrderRenderer {
    let state: StoreState
    let shopDomain: String
    let customers: ShopifyCustomerRenderer

    var profile: StoreProfile { state.profile }
    func money(_ minor: Int64) -> String { profile.currency.fixed(minor) }
    func time(_ t: Int64) -> String { profile.timeZone.offsetString(t) }

    func moneySet(_ w: inout JSONWriter, _ key: StaticString, _ minor: Int64) {
        w.key(key)
        moneySetValue(&w, minor)
    }

    func moneySetValue(_ w: inout JSONWriter, _ minor: Int64) {
        w.beginObject()
        for k: StaticString in ["shop_money", "presentment_money"] {
            w.key(k)
            w.beginObject()
            w.field("amount", money(minor))
            w.field("currency_code", profile.currency.code)
            w.endObject()
        }
        w.endObject()
    }

    func financialStatus(_ o: OrderRecord, now: Int64) -> String {
        switch o.outcome {
        case .unpaid, .failed: return "pending"
        case .cancelled: return o.happened(o.schedule.cancelledAt, now) ? "voided" : "pending"
        case .onHold: return o.happened(o.schedule.paidAt, now) ? "authorized" : "pending"
        case .shipped:
            if o.happened(o.schedule.refundedAt, now) {
                return o.refundFraction >= 100 ? "refunded" : "partially_refunded"
            }
            return o.happened(o.schedule.paidAt, now) ? "paid" : "pending"
        }
    }

    func cancelledAt(_ o: OrderRecord, now: Int64) -> Int64? {
        o.outcome == .cancelled && o.happened(o.schedule.cancelledAt, now) ? o.schedule.cancelledAt : nil
    }

    /// Orders are archived (closed) once delivery ends or they are cancelled.
    func closedAt(_ o: OrderRecord, now: Int64) -> Int64? {
        let s = o.schedule
        let candidates = [s.cancelledAt, s.deliveredAt, s.deliveryFailedAt].compactMap { $0 }.filter { $0 <= now }
        return candidates.max()
    }

    func shipmentStatus(_ o: OrderRecord, now: Int64) -> String? {
        switch o.shipmentStage(now) {
        case .none: return nil
        case .labelPrinted: return o.index % 2 == 0 ? "confirmed" : "label_printed"
        case let stage: return stage.rawValue
        }
    }

    func render(_ o: OrderRecord, snap: StoreOverlay, into w: inout JSONWriter) {
        let now = snap.now
        let id = ShopifyIDs.order(o.index)
        let number = o.index + 1
        let email = o.customerIndex.map { state.people.email($0) } ?? o.guestEmail
        let customer = o.customerIndex.map { state.customer($0, snap) }
        let refunded = o.refundedMinor(now)
        let processed = o.schedule.paidAt ?? o.createdAt
        w.beginObject()
        w.field("id", id)
        w.field("admin_graphql_api_id", "gid://shopify/Order/\(id)")
        w.fieldNull("app_id")
        w.field("browser_ip", "203.0.113.\(o.index % 250 + 1)")
        w.field("buyer_accepts_marketing", customer?.acceptsMarketing ?? false)
        w.field("cancel_reason", cancelledAt(o, now: now) != nil ? "customer" : nil)
        w.field("cancelled_at", cancelledAt(o, now: now).map(time))
        w.field("cart_token", String(o.token.prefix(32)))
        w.field("checkout_id", Int64(900_000_000) + Int64(o.index))
        w.field("checkout_token", String(o.token.suffix(32)))
        w.key("client_details")
        w.beginObject()
        w.fieldNull("accept_language")
        w.fieldNull("browser_height")
        w.field("browser_ip", "203.0.113.\(o.index % 250 + 1)")
        w.fieldNull("browser_width")
        w.fieldNull("session_hash")
        w.fieldNull("user_agent")
        w.endObject()
        w.field("closed_at", closedAt(o, now: now).map(time))
        w.field("confirmation_number", String(o.token.prefix(9)).uppercased())
        w.field("confirmed", true)
        w.field("contact_email", email)
        w.field("created_at", time(o.createdAt))
        w.field("currency", profile.currency.code)
        w.field(
            "current_subtotal_price",
            money(o.subtotalMinor - o.discountMinor - min(refunded, o.subtotalMinor - o.discountMinor)))
        moneySet(
            &w, "current_subtotal_price_set",
            o.subtotalMinor - o.discountMinor - min(refunded, o.subtotalMinor - o.discountMinor))
        w.fieldNull("current_total_additional_fees_set")
        w.field("current_total_discounts", money(o.discountMinor))
        moneySet(&w, "current_total_discounts_set", o.discountMinor)
        w.fieldNull("current_total_duties_set")
        w.field("current_total_price", money(o.totalMinor - refunded))
        moneySet(&w, "current_total_price_set", o.totalMinor - refunded)
        w.field("current_total_tax", money(refunded >= o.totalMinor ? 0 : o.cartTaxMinor))
        moneySet(&w, "current_total_tax_set", refunded >= o.totalMinor ? 0 : o.cartTaxMinor)
        w.field("customer_locale", profile.region.country == "JP" ? "ja" : profile.region.country == "DE" ? "de" : "en")
        w.fieldNull("device_id")
        w.key("discount_codes")
        w.beginArray()
        if let code = o.couponCode {
            w.beginObject()
            w.field("code", code.uppercased())
            w.field("amount", money(o.discountMinor))
            w.field("type", "percentage")
            w.endObject()
        }
        w.endArray()
        w.field("duties_included", false)
        w.field("email", email)
        w.field("estimated_taxes", false)
        w.field("financial_status", financialStatus(o, now: now))
        w.field("fulfillment_status", o.shipmentStage(now) == .none ? nil : "fulfilled")
        w.field("landing_site", "/")
        w.fieldNull("landing_site_ref")
        w.fieldNull("location_id")
        w.field("merchant_business_entity_id", "MTU0ODM4MDAwOQ")
        w.fieldNull("merchant_of_record_app_id")
        w.field("name", "#\(1000 + number)")
        w.field("note", o.note)
        w.emptyArray("note_attributes")
        w.field("number", number)
        w.field("order_number", 1000 + number)
        w.field(
            "order_status_url",
            "https://\(shopDomain)/\(profile.seed)/orders/\(o.token)/authenticate?key=\(o.token.prefix(16))")
        w.fieldNull("original_total_additional_fees_set")
        w.fieldNull("original_total_duties_set")
        w.key("payment_gateway_names")
        w.beginArray()
        w.string(o.paymentMethod.id == "bacs" ? "manual" : "shopify_payments")
        w.endArray()
        w.field("phone", nil as String?)
        w.fieldNull("po_number")
        w.field("presentment_currency", profile.currency.code)
        w.field("processed_at", time(processed))
        w.fieldNull("reference")
        w.fieldNull("referring_site")
        w.fieldNull("source_identifier")
        w.field("source_name", "web")
        w.fieldNull("source_url")
        w.field("subtotal_price", money(o.subtotalMinor - o.discountMinor))
        moneySet(&w, "subtotal_price_set", o.subtotalMinor - o.discountMinor)
        w.field("tags", o.tags)
        w.field("tax_exempt", false)
        renderTaxLines(&w, o.cartTaxMinor)
        w.field("taxes_included", false)
        w.field("test", false)
        w.field("token", o.token)
        moneySet(&w, "total_cash_rounding_payment_adjustment_set", 0)
        moneySet(&w, "total_cash_rounding_refund_adjustment_set", 0)
        w.field("total_discounts", money(o.discountMinor))
        moneySet(&w, "total_discounts_set", o.discountMinor)
        w.field("total_line_items_price", money(o.subtotalMinor))
        moneySet(&w, "total_line_items_price_set", o.subtotalMinor)
        w.field("total_outstanding", money(o.happened(o.schedule.paidAt, now) ? 0 : o.totalMinor))
        w.field("total_price", money(o.totalMinor))
        moneySet(&w, "total_price_set", o.totalMinor)
        moneySet(&w, "total_shipping_price_set", o.shippingMinor)
        w.field("total_tax", money(o.cartTaxMinor))
        moneySet(&w, "total_tax_set", o.cartTaxMinor)
        w.field("total_tip_received", money(0))
        w.field("total_weight", o.lines.reduce(0) { $0 + $1.quantity * 200 })
        w.field("updated_at", time(o.modifiedAt(now)))
        w.fieldNull("user_id")
        renderAddress(&w, "billing_address", o)
        w.key("customer")
        if let customer { customers.render(customer, embedded: true, into: &w) } else { w.null() }
        w.key("discount_applications")
        w.beginArray()
        if let code = o.couponCode {
            w.beginObject()
            w.field("target_type", "line_item")
            w.field("type", "discount_code")
            w.field("value", money(o.discountMinor))
            w.field("value_type", "fixed_amount")
            w.field("allocation_method", "across")
            w.field("target_selection", "all")
            w.field("code", code.uppercased())
            w.endObject()
        }
        w.endArray()
        renderFulfillments(&w, o, now: now)
        w.key("line_items")
        w.beginArray()
        for line in o.lines { renderLine(&w, line, fulfilled: o.shipmentStage(now) != .none) }
        w.endArray()
        w.fieldNull("payment_terms")
        renderRefunds(&w, o, now: now)
        renderAddress(&w, "shipping_address", o)
        w.key("shipping_lines")
        w.beginArray()
        w.beginObject()
        w.field("id", ShopifyIDs.lineItem(o.index * 8 + 7) + 500_000_000)
        w.fieldNull("carrier_identifier")
        w.field("code", o.shippingMinor == 0 ? "Free Shipping" : "Standard")
        w.field("discounted_price", money(o.shippingMinor))
        moneySet(&w, "discounted_price_set", o.shippingMinor)
        w.field("is_removed", false)
        w.fieldNull("phone")
        w.field("price", money(o.shippingMinor))
        moneySet(&w, "price_set", o.shippingMinor)
        w.fieldNull("requested_fulfillment_service_id")
        w.field("source", "shopify")
        w.field("title", o.shippingMinor == 0 ? "Free Shipping" : "Standard")
        w.emptyArray("tax_lines")
        w.emptyArray("discount_allocations")
        w.endObject()
        w.endArray()
        w.endObject()
    }

    private func renderTaxLines(_ w: inout JSONWriter, _ tax: Int64) {
        w.key("tax_lines")
        w.beginArray()
        if tax > 0 {
            w.beginObject()
            w.field("price", money(tax))
            w.key("rate")
            w.number(MoneyText.minimal(profile.currency.taxBasisPoints, exponent: 4))
            w.field("title", profile.currency.taxLabel)
            moneySet(&w, "price_set", tax)
            w.fieldNull("channel_liable")
            w.endObject()
        }
        w.endArray()
    }

    private func renderAddress(_ w: inout JSONWriter, _ key: StaticString, _ o: OrderRecord) {
        let name = o.customerIndex.map { state.people.name(stream: .customer, index: $0) }
        let first = name?.first ?? o.guestFirstName
        let last = name?.last ?? o.guestLastName
        let city = profile.region.cities[o.cityIndex]
        w.key(key)
        w.beginObject()
        w.field("first_name", first)
        w.field("address1", "\(o.index % 900 + 100) Market Street")
        w.fieldNull("phone")
        w.field("city", city.city)
        w.field("zip", city.postcode)
        w.field("province", city.stateName)
        w.field("country", profile.region.countryName)
        w.field("last_name", last)
        w.field("address2", "")
        w.fieldNull("company")
        w.fieldNull("latitude")
        w.fieldNull("longitude")
        w.field("name", "\(first) \(last)")
        w.field("country_code", profile.region.country)
        w.field("province_code", city.state)
        w.endObject()
    }

    func renderLine(_ w: inout JSONWriter, _ line: OrderRecord.Line, fulfilled: Bool) {
        let product = state.catalog.product(line.productIndex)
        let id = ShopifyIDs.lineItem(line.lineID)
        w.beginObject()
        w.field("id", id)
        w.field("admin_graphql_api_id", "gid://shopify/LineItem/\(id)")
        w.emptyArray("attributed_staffs")
        w.field("current_quantity", line.quantity)
        w.field("fulfillable_quantity", fulfilled ? 0 : line.quantity)
        w.field("fulfillment_service", "manual")
        w.field("fulfillment_status", fulfilled ? "fulfilled" : nil)
        w.field("gift_card", false)
        w.field("grams", 200)
        w.field("name", product.name)
        w.field("price", money(line.unitMinor))
        moneySet(&w, "price_set", line.unitMinor)
        w.field("product_exists", true)
        w.field("product_id", ShopifyIDs.product(line.productIndex))
        w.emptyArray("properties")
        w.field("quantity", line.quantity)
        w.field("requires_shipping", true)
        w.field("sku", product.sku)
        w.field("taxable", true)
        w.field("title", product.name)
        w.field("total_discount", money(0))
        moneySet(&w, "total_discount_set", 0)
        w.field("variant_id", ShopifyIDs.variant(line.productIndex))
        w.field("variant_inventory_management", "shopify")
        w.fieldNull("variant_title")
        w.field("vendor", profile.storeName)
        renderTaxLines(&w, line.taxMinor)
        w.emptyArray("duties")
        w.key("discount_allocations")
        w.beginArray()
        if line.discountMinor > 0 {
            w.beginObject()
            w.field("amount", money(line.discountMinor))
            moneySet(&w, "amount_set", line.discountMinor)
            w.field("discount_application_index", 0)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func renderFulfillments(_ w: inout JSONWriter, _ o: OrderRecord, now: Int64) {
        w.key("fulfillments")
        w.beginArray()
        if let status = shipmentStatus(o, now: now), let created = o.schedule.labelPrintedAt {
            let id = ShopifyIDs.fulfillment(o.index)
            let url = o.carrier.urlPrefix + o.trackingNumber
            w.beginObject()
            w.field("id", id)
            w.field("admin_graphql_api_id", "gid://shopify/Fulfillment/\(id)")
            w.field("created_at", time(created))
            w.field("location_id", Int64(655_441_491))
            w.field("name", "#\(1001 + o.index).1")
            w.field("order_id", ShopifyIDs.order(o.index))
            w.emptyObject("origin_address")
            w.emptyObject("receipt")
            w.field("service", "manual")
            w.field("shipment_status", status)
            w.field("status", "success")
            w.field("tracking_company", o.carrier.provider)
            w.field("tracking_number", o.trackingNumber)
            w.key("tracking_numbers")
            w.beginArray()
            w.string(o.trackingNumber)
            w.endArray()
            w.field("tracking_url", url)
            w.key("tracking_urls")
            w.beginArray()
            w.string(url)
            w.endArray()
            w.field("updated_at", time(o.modifiedAt(now)))
            w.key("line_items")
            w.beginArray()
            for line in o.lines { renderLine(&w, line, fulfilled: true) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    private func renderRefunds(_ w: inout JSONWriter, _ o: OrderRecord, now: Int64) {
        w.key("refunds")
        w.beginArray()
        let amount = o.refundedMinor(now)
        if amount > 0, let at = o.schedule.refundedAt {
            let id = ShopifyIDs.refund(o.index)
            w.beginObject()
            w.field("id", id)
            w.field("admin_graphql_api_id", "gid://shopify/Refund/\(id)")
            w.field("created_at", time(at))
            w.field("note", o.refundFraction >= 100 ? "Returned" : "Damaged item")
            w.field("order_id", ShopifyIDs.order(o.index))
            w.field("processed_at", time(at))
            w.field("restock", o.refundFraction >= 100)
            w.fieldNull("total_additional_fees_set")
            w.fieldNull("total_duties_set")
            w.fieldNull("user_id")
            w.emptyArray("order_adjustments")
            w.key("transactions")
            w.beginArray()
            w.beginObject()
            let tid = ShopifyIDs.transaction(o.index, 1)
            w.field("id", tid)
            w.field("admin_graphql_api_id", "gid://shopify/OrderTransaction/\(tid)")
            w.field("amount", money(amount))
            w.field("authorization", nil as String?)
            w.field("created_at", time(at))
            w.field("currency", profile.currency.code)
            w.fieldNull("device_id")
            w.fieldNull("error_code")
            w.field("gateway", o.paymentMethod.id == "bacs" ? "manual" : "shopify_payments")
            w.field("kind", "refund")
            w.fieldNull("location_id")
            w.fieldNull("message")
            w.field("order_id", ShopifyIDs.order(o.index))
            w.field("parent_id", ShopifyIDs.transaction(o.index, 0))
            w.field("payment_id", "#\(1001 + o.index).2")
            w.field("processed_at", time(at))
            w.emptyObject("receipt")
            w.field("source_name", "web")
            w.field("status", "success")
            w.field("test", false)
            w.fieldNull("user_id")
            w.endObject()
            w.endArray()
            w.key("refund_line_items")
            w.beginArray()
            if o.refundFraction >= 100 {
                for (n, line) in o.lines.enumerated() {
                    w.beginObject()
                    w.field("id", ShopifyIDs.lineItem(line.lineID) + 700_000_000 + Int64(n))
                    w.field("line_item_id", ShopifyIDs.lineItem(line.lineID))
                    w.field("location_id", Int64(655_441_491))
                    w.field("quantity", line.quantity)
                    w.field("restock_type", "return")
                    w.key("subtotal")
                    w.number(MoneyText.minimal(line.totalMinor, exponent: profile.currency.exponent))
                    moneySet(&w, "subtotal_set", line.totalMinor)
                    w.key("total_tax")
                    w.number(MoneyText.minimal(line.taxMinor, exponent: profile.currency.exponent))
                    moneySet(&w, "total_tax_set", line.taxMinor)
                    w.key("line_item")
                    renderLine(&w, line, fulfilled: true)
                    w.endObject()
                }
            }
            w.endArray()
            w.emptyArray("duties")
            w.emptyArray("additional_fees")
            w.endObject()
        }
        w.endArray()
    }
}
