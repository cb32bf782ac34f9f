/// Shopify writes: price rules, discount codes, customer metafields, customer tags and
/// order notes/tags. Each moves the store clock a second and bumps `updated_at`.
extension ShopifyEmulator {
    private func body(_ req: MockRequest, _ root: String) -> [String: JSONValue]? {
        req.json?[root]?.object
    }

    func createPriceRule(_ req: MockRequest) -> MockResponse {
        guard let b = body(req, "price_rule") else {
            return Self.fieldErrors(400, "price_rule", ["Required parameter missing or invalid"])
        }
        var errors: [(String, String)] = []
        let title = b["title"]?.text ?? ""
        if title.isEmpty { errors.append(("title", "can't be blank")) }
        let valueType = b["value_type"]?.text ?? ""
        if !["fixed_amount", "percentage"].contains(valueType) {
            errors.append(("value_type", "is not included in the list"))
        }
        let valueText = b["value"]?.text ?? ""
        if MoneyText.parse(valueText, exponent: 4) == nil { errors.append(("value", "is not a number")) }
        let target = b["target_type"]?.text ?? ""
        if !["line_item", "shipping_line"].contains(target) {
            errors.append(("target_type", "is not included in the list"))
        }
        let selection = b["customer_selection"]?.text ?? ""
        if !["all", "prerequisite"].contains(selection) {
            errors.append(("customer_selection", "is not included in the list"))
        }
        let allocation = b["allocation_method"]?.text ?? ""
        if !["each", "across"].contains(allocation) {
            errors.append(("allocation_method", "is not included in the list"))
        }
        let startsAt = b["starts_at"]?.text.flatMap(ParsedTimestamp.parse)
        if startsAt == nil { errors.append(("starts_at", "can't be blank")) }
        if !errors.isEmpty {
            var w = JSONWriter(style: .plain, capacity: 256)
            w.beginObject()
            w.key("errors")
            w.beginObject()
            for (field, message) in errors {
                w.key(field)
                w.beginArray()
                w.string(message)
                w.endArray()
            }
            w.endObject()
            w.endObject()
            return .json(422, w)
        }
        let zone = state.profile.timeZone
        func utc(_ p: ParsedTimestamp) -> Int64 {
            p.offsetSeconds.map { p.wallSeconds - Int64($0) } ?? zone.utc(fromLocalWall: p.wallSeconds)
        }
        let ends = b["ends_at"]?.text.flatMap(ParsedTimestamp.parse).map(utc)
        let prerequisites = (b["prerequisite_customer_ids"]?.array ?? []).compactMap(\.int64)
        let k: Int = state.mutate { o in
            let now = o.tick()
            let k = state.profile.couponCount + o.createdCoupons
            o.createdCoupons += 1
            let magnitude = valueText.hasPrefix("-") ? String(valueText.dropFirst()) : valueText
            o.coupons[k] = CouponRecord(
                index: k, code: title.lowercased(), kind: valueType == "percentage" ? .percent : .fixedCart,
                amountText: MoneyText.fixed(MoneyText.parse(magnitude, exponent: 2) ?? 0, exponent: 2), description: "",
                createdAt: now, modifiedAt: now, expiresAt: ends, usageLimit: b["usage_limit"]?.int,
                usageLimitPerUser: nil,
                usageCount: 0, usedBy: [], individualUse: false, freeShipping: target == "shipping_line",
                excludeSaleItems: false,
                minimumAmountText: "0.00", maximumAmountText: "0.00", emailRestrictions: [], productIDs: [], meta: [],
                shopifyTitle: title, shopifyTargetType: target, shopifyValueType: valueType, shopifyValue: valueText,
                shopifyCustomerSelection: selection, shopifyPrerequisiteCustomerIDs: prerequisites,
                shopifyOncePerCustomer: b["once_per_customer"]?.bool ?? false, shopifyAllocationMethod: allocation,
                discountCodes: [])
            return k
        }
        events.record(.init(kind: .coupon, index: k, event: .created))
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        w.beginObject()
        w.key("price_rule")
        customerRenderer.renderPriceRule(state.coupon(k, snap), into: &w)
        w.endObject()
        return .json(201, w)
    }

    func createDiscountCode(_ req: MockRequest, ruleID: Int64) -> MockResponse {
        guard let k = ruleIndex(ruleID, state.snapshot()) else { return Self.notFound() }
        guard let code = body(req, "discount_code")?["code"]?.text, !code.isEmpty else {
            return Self.fieldErrors(422, "code", ["can't be blank"])
        }
        let created: CouponRecord.DiscountCode? = state.mutate { o in
            if findDiscountCode(code, o) != nil { return nil }
            let now = o.tick()
            var rule = o.coupons[k] ?? state.catalog.coupon(k)
            let d = CouponRecord.DiscountCode(
                id: ShopifyIDs.discountCodeBase + 900_000_000 + Int64(o.allocateID()), code: code,
                usageCount: 0, createdAt: now, updatedAt: now)
            rule.discountCodes.append(d)
            rule.modifiedAt = now
            o.coupons[k] = rule
            return d
        }
        guard let d = created else {
            return Self.fieldErrors(422, "code", ["must be unique. Please try a different code."])
        }
        events.record(.init(kind: .coupon, index: k, event: .updated))
        var w = JSONWriter(style: .plain, capacity: 256)
        w.beginObject()
        w.key("discount_code")
        customerRenderer.renderDiscountCode(d, ruleIndex: k, into: &w)
        w.endObject()
        return .json(201, w)
    }

    /// Creating a metafield whose namespace and key exist updates it (Shopify upserts).
    func createMetafield(_ req: MockRequest, customerID: Int64) -> MockResponse {
        guard let c = customerIndex(customerID) else { return Self.notFound() }
        guard let b = body(req, "metafield") else {
            return Self.fieldErrors(400, "metafield", ["Required parameter missing or invalid"])
        }
        let namespace = b["namespace"]?.text ?? ""
        let key = b["key"]?.text ?? ""
        guard let value = b["value"]?.text, !namespace.isEmpty, key.count >= 2 else {
            return Self.fieldErrors(
                422, namespace.isEmpty ? "namespace" : key.count < 2 ? "key" : "value",
                [
                    namespace.isEmpty
                        ? "can't be blank" : key.count < 2 ? "is too short (minimum is 2 characters)" : "can't be blank"
                ])
        }
        let type = b["type"]?.text ?? "single_line_text_field"
        let metafield: CustomerRecord.Metafield = state.mutate { o in
            let now = o.tick()
            var rec = o.customers[c] ?? state.people.customer(c)
            let existing = customerRenderer.metafields(rec).first { $0.namespace == namespace && $0.key == key }
            let m = CustomerRecord.Metafield(
                id: existing?.id ?? 31_000_000_000 + o.allocateID(), namespace: namespace, key: key,
                value: value, type: type, createdAt: existing?.createdAt ?? now, updatedAt: now)
            rec.metafields.removeAll { $0.namespace == namespace && $0.key == key }
            rec.metafields.append(m)
            rec.lastWriteAt = now
            o.customers[c] = rec
            return m
        }
        events.record(.init(kind: .customer, index: c, event: .updated))
        var w = JSONWriter(style: .plain, capacity: 512)
        w.beginObject()
        w.key("metafield")
        customerRenderer.renderMetafield(metafield, owner: customerID, into: &w)
        w.endObject()
        return .json(201, w)
    }

    func updateCustomer(_ req: MockRequest, _ id: Int64) -> MockResponse {
        guard let c = customerIndex(id) else { return Self.notFound() }
        guard let b = body(req, "customer") else {
            return Self.fieldErrors(400, "customer", ["Required parameter missing or invalid"])
        }
        state.mutate { o in
            let now = o.tick()
            var rec = o.customers[c] ?? state.people.customer(c)
            if let v = b["tags"]?.text { rec.tags = v }
            if let v = b["note"]?.text { rec.note = v }
            if let v = b["first_name"]?.text { rec.firstName = v }
            if let v = b["last_name"]?.text { rec.lastName = v }
            if let consent = b["email_marketing_consent"]?["state"]?.text,
                let s = CustomerRecord.Consent(rawValue: consent)
            {
                rec.consent = s
            }
            rec.lastWriteAt = now
            o.customers[c] = rec
        }
        events.record(.init(kind: .customer, index: c, event: .updated))
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        w.beginObject()
        w.key("customer")
        customerRenderer.render(state.customer(c, snap), embedded: false, into: &w)
        w.endObject()
        return .json(200, w)
    }

    func updateOrder(_ req: MockRequest, _ id: Int64) -> MockResponse {
        guard let i = orderIndex(id) else { return Self.notFound() }
        guard let b = body(req, "order") else {
            return Self.fieldErrors(400, "order", ["Required parameter missing or invalid"])
        }
        state.mutate { o in
            let now = o.tick()
            var rec = o.orders[i] ?? state.orders.order(i)
            if let v = b["tags"]?.text { rec.tags = v }
            if let v = b["note"] { rec.note = v.text }
            rec.lastWriteAt = now
            o.orders[i] = rec
        }
        events.record(.init(kind: .order, index: i, event: .updated))
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        w.beginObject()
        w.key("order")
        orderRenderer.render(state.order(i, snap), snap: snap, into: &w)
        w.endObject()
        return .json(200, w)
    }
}
