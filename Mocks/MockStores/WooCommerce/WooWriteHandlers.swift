/// WooCommerce writes: coupons, order notes, customer updates. Each write moves the store
/// clock one second and bumps `date_modified`, so incremental reads find it.
extension WooCommerceEmulator {
    func createCoupon(_ req: MockRequest) -> MockResponse {
        guard let body = req.json?.object else {
            return WooError.response(400, "rest_invalid_json", "Invalid JSON body passed.")
        }
        guard let rawCode = body["code"]?.text, !rawCode.trimmingCharacters(in: .whitespaces).isEmpty else {
            return WooError.response(400, "woocommerce_rest_empty_coupon_code", "The coupon code cannot be empty.")
        }
        let kindText = body["discount_type"]?.text ?? "fixed_cart"
        guard let kind = CouponRecord.Kind(rawValue: kindText) else {
            return WooError.invalidParam(
                "discount_type", "discount_type is not one of percent, fixed_cart, and fixed_product.",
                detailCode: "rest_not_in_enum")
        }
        for name in ["usage_limit", "usage_limit_per_user", "limit_usage_to_x_items"] {
            if let v = body[name], !v.isNull, v.int == nil {
                return WooError.invalidParam(name, "\(name) is not of type integer.", detailCode: "rest_invalid_type")
            }
        }
        var expires: Int64?
        if let v = body["date_expires"]?.text, !v.isEmpty {
            guard let parsed = ParsedTimestamp.parse(v) else {
                return WooError.invalidParam("date_expires", "Invalid date.", detailCode: "rest_invalid_date")
            }
            expires =
                parsed.offsetSeconds.map { parsed.wallSeconds - Int64($0) }
                ?? state.profile.timeZone.utc(fromLocalWall: parsed.wallSeconds)
        }
        let code = rawCode.trimmingCharacters(in: .whitespaces).lowercased()
        // An unparsable amount is silently stored as 0, as WooCommerce does.
        let amount = body["amount"]?.text.flatMap { MoneyText.parse($0, exponent: 2) } ?? 0
        let result: Int? = state.mutate { o in
            if state.couponIndex(code: code, o) != nil { return nil }
            let now = o.tick()
            let k = state.profile.couponCount + o.createdCoupons
            o.createdCoupons += 1
            var meta: [MetaEntry] = []
            for entry in body["meta_data"]?.array ?? [] {
                if let key = entry["key"]?.text {
                    meta.append(MetaEntry(id: o.allocateID(), key: key, value: entry["value"] ?? .null))
                }
            }
            let percent = kind == .percent
            o.coupons[k] = CouponRecord(
                index: k, code: code, kind: kind, amountText: MoneyText.fixed(amount, exponent: 2),
                description: body["description"]?.text ?? "", createdAt: now, modifiedAt: now, expiresAt: expires,
                usageLimit: body["usage_limit"]?.int, usageLimitPerUser: body["usage_limit_per_user"]?.int,
                usageCount: 0, usedBy: [], individualUse: body["individual_use"]?.bool ?? false,
                freeShipping: body["free_shipping"]?.bool ?? false,
                excludeSaleItems: body["exclude_sale_items"]?.bool ?? false,
                minimumAmountText: MoneyText.fixed(
                    body["minimum_amount"]?.text.flatMap { MoneyText.parse($0, exponent: 2) } ?? 0, exponent: 2),
                maximumAmountText: MoneyText.fixed(
                    body["maximum_amount"]?.text.flatMap { MoneyText.parse($0, exponent: 2) } ?? 0, exponent: 2),
                emailRestrictions: (body["email_restrictions"]?.array ?? []).compactMap { $0.text?.lowercased() },
                productIDs: (body["product_ids"]?.array ?? []).compactMap(\.int), meta: meta,
                shopifyTitle: code.uppercased(), shopifyTargetType: "line_item",
                shopifyValueType: percent ? "percentage" : "fixed_amount",
                shopifyValue: "-" + MoneyText.minimal(amount, exponent: 2), shopifyCustomerSelection: "all",
                shopifyPrerequisiteCustomerIDs: [], shopifyOncePerCustomer: false, shopifyAllocationMethod: "across",
                discountCodes: [])
            return k
        }
        guard let k = result else {
            return WooError.response(
                400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists")
        }
        events.record(.init(kind: .coupon, index: k, event: .created))
        let snap = state.snapshot()
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCoupon(state.coupon(k, snap), into: &w)
        return .json(201, w)
    }

    private func orderIndex(_ id: Int) -> Int? {
        let i = WooIDs.orderIndex(id)
        return i >= 0 && i < state.profile.orderCount ? i : nil
    }

    func createNote(_ req: MockRequest, orderID: Int) -> MockResponse {
        guard let i = orderIndex(orderID) else {
            return WooError.response(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.")
        }
        guard let body = req.json?.object, let text = body["note"]?.text, !text.isEmpty else {
            return WooError.response(400, "rest_missing_callback_param", "Missing parameter(s): note")
        }
        let note: OrderRecord.Note = state.mutate { o in
            let now = o.tick()
            var order = o.orders[i] ?? state.orders.order(i)
            let n = OrderRecord.Note(
                id: o.allocateID(), text: text, customerNote: body["customer_note"]?.bool ?? false,
                addedByUser: body["added_by_user"]?.bool ?? false, at: now)
            order.notes.append(n)
            order.lastWriteAt = now
            o.orders[i] = order
            return n
        }
        events.record(.init(kind: .order, index: i, event: .updated))
        var w = JSONWriter(style: .php, capacity: 512)
        renderNote(note, orderID: orderID, into: &w)
        return .json(201, w)
    }

    private func renderNote(_ n: OrderRecord.Note, orderID: Int, into w: inout JSONWriter) {
        let zone = state.profile.timeZone
        w.beginObject()
        w.field("id", n.id)
        w.field("author", n.addedByUser ? "aftercart" : "WooCommerce")
        w.field("date_created", zone.localString(n.at))
        w.field("date_created_gmt", zone.gmtString(n.at))
        w.field("note", n.text)
        w.field("customer_note", n.customerNote)
        w.key("_links")
        w.beginObject()
        WooLinks.selfAndCollection(&w, homeURL: homeURL, collection: "orders/\(orderID)/notes", id: n.id)
        w.key("up")
        w.beginArray()
        w.beginObject()
        w.field("href", "\(homeURL)/wp-json/wc/v3/orders/\(orderID)")
        w.endObject()
        w.endArray()
        w.endObject()
        w.endObject()
    }

    /// Status-change notes WooCommerce itself would have written, then notes added over REST.
    func listNotes(orderID: Int, _ snap: StoreOverlay) -> MockResponse {
        guard let i = orderIndex(orderID) else {
            return WooError.response(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.")
        }
        let o = state.order(i, snap)
        var notes: [OrderRecord.Note] = []
        let s = o.schedule
        let system: [(Int64?, String)] = [
            (s.paidAt, "Order status changed from Pending payment to Processing."),
            (s.cancelledAt, "Order status changed from Pending payment to Cancelled."),
            (s.labelPrintedAt, "Order status changed from Processing to Completed."),
            (
                s.refundedAt,
                o.refundFraction >= 100
                    ? "Order status changed from Completed to Refunded."
                    : "Refunded \(state.profile.currency.fixed(o.refundedMinor(snap.now))) – Partial refund: damaged item"
            ),
        ]
        for (n, entry) in system.enumerated() {
            if let t = entry.0, t <= snap.now {
                notes.append(
                    .init(id: WooIDs.note(order: i, n), text: entry.1, customerNote: false, addedByUser: false, at: t))
            }
        }
        notes += o.notes
        notes.sort { $0.at == $1.at ? $0.id > $1.id : $0.at > $1.at }
        var w = JSONWriter(style: .php, capacity: 512 * (notes.count + 1))
        w.beginArray()
        for n in notes { renderNote(n, orderID: orderID, into: &w) }
        w.endArray()
        return .json(200, w)
    }

    /// `PUT customers/{id}`: names, e-mail and `meta_data` (merged by key, as WooCommerce does).
    func updateCustomer(_ req: MockRequest, customerID: Int) -> MockResponse {
        let c = WooIDs.customerIndex(customerID)
        guard c >= 0, c < state.profile.customerCount else {
            return WooError.response(404, "wc_user_invalid_id", "Invalid resource ID.")
        }
        guard let body = req.json?.object else {
            return WooError.response(400, "rest_invalid_json", "Invalid JSON body passed.")
        }
        if let email = body["email"]?.text, !email.contains("@") {
            return WooError.invalidParam("email", "Invalid email address.", detailCode: "rest_invalid_email")
        }
        state.mutate { o in
            let now = o.tick()
            var rec = o.customers[c] ?? state.people.customer(c)
            if let v = body["first_name"]?.text { rec.firstName = v }
            if let v = body["last_name"]?.text { rec.lastName = v }
            if let v = body["email"]?.text { rec.email = v.lowercased() }
            for entry in body["meta_data"]?.array ?? [] {
                // Protected keys are dropped without an error (api-facts §8.1).
                guard let key = entry["key"]?.text, !WooCatalogRenderer.isProtected(key) else { continue }
                let value = entry["value"] ?? .null
                if key == "aftercart_marketing_consent", let text = value.text {
                    rec.consent = text == "yes" ? .subscribed : .notSubscribed
                }
                if let at = rec.meta.firstIndex(where: { $0.key == key }) {
                    rec.meta[at].value = value
                } else {
                    let id =
                        WooCatalogRenderer.loyaltyKeys.firstIndex(of: key).map { 400_000_000 + c * 8 + $0 }
                        ?? o.allocateID()
                    rec.meta.append(MetaEntry(id: id, key: key, value: value))
                }
            }
            rec.lastWriteAt = now
            o.customers[c] = rec
        }
        events.record(.init(kind: .customer, index: c, event: .updated))
        return singleCustomer(customerID, state.snapshot())
    }
}
