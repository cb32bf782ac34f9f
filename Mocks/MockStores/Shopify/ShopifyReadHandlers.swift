/// Shopify list and single-record reads.
extension ShopifyEmulator {
    struct ListRequest {
        var cursor: ShopifyCursor
        var limit: Int
        var fields: Set<String>?
    }

    /// Validates `limit`, `fields`, `page_info` and the filters; with `page_info`, filters
    /// are refused exactly as Shopify refuses them.
    func parseList(_ req: MockRequest, resource: String, defaultDescending: Bool, statuses: [String]?) -> Result<
        ListRequest, ShopifyFailure
    > {
        var limit = 50
        if let v = req.param("limit") {
            guard let n = Int(v), (1...250).contains(n) else {
                return .failure(.init(Self.fieldErrors(400, "limit", ["must be between 1 and 250"])))
            }
            limit = n
        }
        let fields = req.param("fields").map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let token = req.param("page_info") {
            if let extra = req.query.first(where: { !["limit", "fields", "page_info"].contains($0.name) }) {
                return .failure(
                    .init(
                        Self.fieldErrors(400, "page_info", ["\(extra.name) cannot be passed when page_info is present"])
                    ))
            }
            guard let cursor = ShopifyCursor.decode(token), cursor.resource == resource else {
                return .failure(.init(Self.fieldErrors(400, "page_info", ["Invalid value."])))
            }
            return .success(ListRequest(cursor: cursor, limit: limit, fields: fields))
        }
        var cursor = ShopifyCursor(resource: resource, descending: defaultDescending, backwards: false)
        if let statuses {
            let s = req.param("status") ?? "open"
            guard statuses.contains(s) else { return .failure(.init(Self.fieldErrors(400, "status", ["is invalid"]))) }
            cursor.status = s == "any" ? nil : s
        }
        for name in ["created_at_min", "created_at_max", "updated_at_min", "updated_at_max"] {
            guard let text = req.param(name) else { continue }
            guard let parsed = ParsedTimestamp.parse(text) else {
                return .failure(.init(Self.fieldErrors(400, name, ["is invalid"])))
            }
            let utc =
                parsed.offsetSeconds.map { parsed.wallSeconds - Int64($0) }
                ?? state.profile.timeZone.utc(fromLocalWall: parsed.wallSeconds)
            switch name {
            case "created_at_min": cursor.createdMin = utc
            case "created_at_max": cursor.createdMax = utc
            case "updated_at_min": cursor.updatedMin = utc
            default: cursor.updatedMax = utc
            }
        }
        return .success(ListRequest(cursor: cursor, limit: limit, fields: fields))
    }

    /// `since_id` switches to ascending id order, as Shopify does.
    func applySinceID(_ req: MockRequest, _ list: inout ListRequest, base: Int64, step: Int64) {
        guard req.param("page_info") == nil, let text = req.param("since_id"), let id = Int64(text) else { return }
        list.cursor.sinceIndex = ShopifyIDs.floorIndex(id, base: base, step: step) + 1
        list.cursor.descending = false
    }

    func listResponse(
        _ req: MockRequest, _ list: ListRequest, rootKey: String, page: ShopifyPage, version: String,
        render: (Int, inout JSONWriter) -> Void
    ) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 64 + page.indices.count * 6_000)
        w.fieldFilter = list.fields
        w.filterDepth = 3
        w.beginObject()
        w.key(rootKey)
        w.beginArray()
        for i in page.indices { render(i, &w) }
        w.endArray()
        w.endObject()
        var links: [String] = []
        let base =
            "\(publicURL)/admin/api/\(version)/\(rootKey).json?limit=\(list.limit)"
            + (req.param("fields").map { "&fields=" + PercentEncoding.encode($0) } ?? "")
        if let prev = page.previous { links.append("<\(base)&page_info=\(prev.encoded())>; rel=\"previous\"") }
        if let next = page.next { links.append("<\(base)&page_info=\(next.encoded())>; rel=\"next\"") }
        return .json(200, w, headers: links.isEmpty ? [] : [("Link", links.joined(separator: ", "))])
    }

    func listOrders(_ req: MockRequest, _ snap: StoreOverlay, version: String) -> MockResponse {
        var list: ListRequest
        switch parseList(
            req, resource: "orders", defaultDescending: true, statuses: ["open", "closed", "cancelled", "any"])
        {
        case .success(let l): list = l
        case .failure(let f): return f.response
        }
        applySinceID(req, &list, base: ShopifyIDs.orderBase, step: 101)
        let now = snap.now
        let gen = state.orders
        let bounds = list.cursor.bounds
        let layout = TimeLayout(
            grid: state.profile.orderGrid, baseCount: state.profile.orderCount, total: state.profile.orderCount,
            maxLag: StoreProfile.maxLifecycleSeconds)
        let selection = bounds.select(layout: layout, overlayKeys: Array(snap.orders.keys)) { i in
            if let o = snap.orders[i] {
                return bounds.matches(created: o.createdAt, modified: o.modifiedAt(now), index: i)
            }
            return bounds.matches(created: gen.createdAt(i), modified: gen.baseModifiedAt(i, now: now), index: i)
        }
        let status = list.cursor.status
        let page = ShopifyListing.page(selection, cursor: list.cursor, limit: list.limit) { i in
            guard let status else { return true }
            let o = snap.orders[i] ?? lightOrder(i)
            let cancelled = orderRenderer.cancelledAt(o, now: now) != nil
            let closed = orderRenderer.closedAt(o, now: now) != nil
            switch status {
            case "open": return !cancelled && !closed
            case "closed": return closed
            default: return cancelled
            }
        }
        return listResponse(req, list, rootKey: "orders", page: page, version: version) { i, w in
            orderRenderer.render(state.order(i, snap), snap: snap, into: &w)
        }
    }

    /// Enough of an order to decide its status, without generating line items.
    private func lightOrder(_ i: Int) -> OrderRecord {
        let t = state.orders.timeline(i)
        return OrderRecord(
            index: i, customerIndex: nil, guestFirstName: "", guestLastName: "", guestEmail: "", lines: [],
            couponCode: nil, shippingMinor: 0, createdAt: t.created, outcome: t.outcome,
            paymentMethod: ("", ""), carrier: ("", ""), trackingNumber: "", refundFraction: t.refundFraction,
            schedule: t.schedule, cityIndex: 0, token: "")
    }

    func listCustomers(_ req: MockRequest, _ snap: StoreOverlay, version: String) -> MockResponse {
        var list: ListRequest
        switch parseList(req, resource: "customers", defaultDescending: false, statuses: nil) {
        case .success(let l): list = l
        case .failure(let f): return f.response
        }
        applySinceID(req, &list, base: ShopifyIDs.customerBase, step: 37)
        let count = state.profile.customerCount
        let bounds = list.cursor.bounds
        let layout = TimeLayout(
            grid: state.profile.customerGrid, baseCount: count, total: count, maxLag: StoreProfile.maxLifecycleSeconds)
        let selection = bounds.select(layout: layout, overlayKeys: Array(snap.customers.keys)) { c in
            let rec = state.customer(c, snap)
            return bounds.matches(created: rec.registeredAt, modified: rec.modifiedAt(), index: c)
        }
        let page = ShopifyListing.page(selection, cursor: list.cursor, limit: list.limit) { _ in true }
        return listResponse(req, list, rootKey: "customers", page: page, version: version) { c, w in
            customerRenderer.render(state.customer(c, snap), embedded: false, into: &w)
        }
    }

    func listPriceRules(_ req: MockRequest, _ snap: StoreOverlay, version: String) -> MockResponse {
        var list: ListRequest
        switch parseList(req, resource: "price_rules", defaultDescending: false, statuses: nil) {
        case .success(let l): list = l
        case .failure(let f): return f.response
        }
        applySinceID(req, &list, base: ShopifyIDs.priceRuleBase, step: 13)
        let total = state.couponCount(snap)
        let bounds = list.cursor.bounds
        let layout = TimeLayout(
            grid: state.profile.couponGrid, baseCount: state.profile.couponCount, total: total, maxLag: 3_600)
        let selection = bounds.select(layout: layout, overlayKeys: Array(snap.coupons.keys)) { k in
            let c = state.coupon(k, snap)
            return bounds.matches(created: c.createdAt, modified: c.modifiedAt, index: k)
        }
        let page = ShopifyListing.page(selection, cursor: list.cursor, limit: list.limit) { _ in true }
        return listResponse(req, list, rootKey: "price_rules", page: page, version: version) { k, w in
            customerRenderer.renderPriceRule(state.coupon(k, snap), into: &w)
        }
    }

    private func single(_ key: StaticString, fields: String?, render: (inout JSONWriter) -> Void) -> MockResponse {
        var w = JSONWriter(style: .plain)
        w.fieldFilter = fields.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        w.filterDepth = 2
        w.beginObject()
        w.key(key)
        render(&w)
        w.endObject()
        return .json(200, w)
    }

    func orderIndex(_ id: Int64) -> Int? {
        ShopifyIDs.orderIndex(id).flatMap { $0 < state.profile.orderCount ? $0 : nil }
    }

    func customerIndex(_ id: Int64) -> Int? {
        ShopifyIDs.customerIndex(id).flatMap { $0 < state.profile.customerCount ? $0 : nil }
    }

    func ruleIndex(_ id: Int64, _ snap: StoreOverlay) -> Int? {
        ShopifyIDs.priceRuleIndex(id).flatMap { $0 < state.couponCount(snap) ? $0 : nil }
    }

    func singleOrder(_ req: MockRequest, _ id: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let i = orderIndex(id) else { return Self.notFound() }
        return single("order", fields: req.param("fields")) {
            orderRenderer.render(state.order(i, snap), snap: snap, into: &$0)
        }
    }

    func singleCustomer(_ req: MockRequest, _ id: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let c = customerIndex(id) else { return Self.notFound() }
        return single("customer", fields: req.param("fields")) {
            customerRenderer.render(state.customer(c, snap), embedded: false, into: &$0)
        }
    }

    func singlePriceRule(_ id: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let k = ruleIndex(id, snap) else { return Self.notFound() }
        return single("price_rule", fields: nil) { customerRenderer.renderPriceRule(state.coupon(k, snap), into: &$0) }
    }

    func listDiscountCodes(ruleID: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let k = ruleIndex(ruleID, snap) else { return Self.notFound() }
        var w = JSONWriter(style: .plain, capacity: 512)
        w.beginObject()
        w.key("discount_codes")
        w.beginArray()
        for d in state.coupon(k, snap).discountCodes { customerRenderer.renderDiscountCode(d, ruleIndex: k, into: &w) }
        w.endArray()
        w.endObject()
        return .json(200, w)
    }

    func singleDiscountCode(ruleID: Int64, codeID: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let k = ruleIndex(ruleID, snap),
            let d = state.coupon(k, snap).discountCodes.first(where: { $0.id == codeID })
        else {
            return Self.notFound()
        }
        return single("discount_code", fields: nil) { customerRenderer.renderDiscountCode(d, ruleIndex: k, into: &$0) }
    }

    /// Finds a discount code across all price rules, case-insensitively.
    func findDiscountCode(_ code: String, _ snap: StoreOverlay) -> (rule: Int, code: CouponRecord.DiscountCode)? {
        let upper = code.uppercased()
        for (k, rule) in snap.coupons {
            if let d = rule.discountCodes.first(where: { $0.code.uppercased() == upper }) { return (k, d) }
        }
        if let k = state.couponIndex(code: code, snap), snap.coupons[k] == nil,
            let d = state.catalog.coupon(k).discountCodes.first(where: { $0.code.uppercased() == upper })
        {
            return (k, d)
        }
        return nil
    }

    /// Shopify answers `lookup.json` with 303 See Other pointing at the code's own URL.
    func lookupDiscountCode(_ req: MockRequest, _ snap: StoreOverlay, version: String) -> MockResponse {
        guard let code = req.param("code"), let hit = findDiscountCode(code, snap) else { return Self.notFound() }
        let location =
            "\(publicURL)/admin/api/\(version)/price_rules/\(ShopifyIDs.priceRule(hit.rule))/discount_codes/\(hit.code.id).json"
        var w = JSONWriter(style: .plain, capacity: 256)
        w.beginObject()
        w.key("discount_code")
        customerRenderer.renderDiscountCode(hit.code, ruleIndex: hit.rule, into: &w)
        w.endObject()
        return .json(303, w, headers: [("Location", location)])
    }

    func listMetafields(customerID: Int64, _ snap: StoreOverlay) -> MockResponse {
        guard let c = customerIndex(customerID) else { return Self.notFound() }
        var w = JSONWriter(style: .plain, capacity: 1_024)
        w.beginObject()
        w.key("metafields")
        w.beginArray()
        for m in customerRenderer.metafields(state.customer(c, snap)) {
            customerRenderer.renderMetafield(m, owner: customerID, into: &w)
        }
        w.endArray()
        w.endObject()
        return .json(200, w)
    }
}

/// A ready error response carried through `Result`.
struct ShopifyFailure: Error {
    let response: MockResponse
    init(_ response: MockResponse) { self.response = response }
}
