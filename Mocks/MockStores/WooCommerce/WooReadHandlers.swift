/// WooCommerce collection and single-record reads.
extension WooCommerceEmulator {
    static let orderStatuses = [
        "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash", "checkout-draft",
        "delivered",
    ]

    func listOrders(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        let params: WooListParams
        switch WooListParams.parse(
            req, orderby: ["date", "id", "include", "title", "slug", "modified"], defaultOrderby: "date",
            defaultDescending: true, dateFilters: ["after", "before", "modified_after", "modified_before"],
            zone: state.profile.timeZone)
        {
        case .success(let p): params = p
        case .failure(let f): return f.response
        }
        var statuses: Set<String>?
        if let list = req.list("status"), !list.contains("any") {
            for s in list where !Self.orderStatuses.contains(s) && s != "any" {
                return WooError.invalidParam(
                    "status[0]", "status[0] is not one of any, \(Self.orderStatuses.joined(separator: ", ")).",
                    detailCode: "rest_not_in_enum")
            }
            statuses = Set(list)
        }
        let customerFilter = req.param("customer").flatMap(Int.init)
        // WooCommerce's `search` matches text anywhere in the order (the
        // billing address and names among others), case-insensitively.
        let search = req.param("search").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        let now = snap.now
        let gen = state.orders
        let layout = TimeLayout(
            grid: state.profile.orderGrid, baseCount: state.profile.orderCount,
            total: state.profile.orderCount, maxLag: StoreProfile.maxLifecycleSeconds)
        let bounds = params.bounds
        var selection = bounds.select(layout: layout, overlayKeys: Array(snap.orders.keys)) { i in
            if let o = snap.orders[i] {
                return bounds.matches(created: o.createdAt, modified: o.modifiedAt(now), index: i)
            }
            return bounds.matches(created: gen.createdAt(i), modified: gen.baseModifiedAt(i, now: now), index: i)
        }
        // Deleted orders are gone; trashed ones only show when `status` names trash.
        let hidden = snap.orders.contains { $0.value.isDeleted || $0.value.trashedAt != nil }
        if statuses != nil || customerFilter != nil || search != nil || hidden {
            let key =
                "orders|\(req.list("status") ?? [])|\(customerFilter ?? -1)|\(search ?? "")|\(bounds)|\(snap.version)|\(now)"
            let base = selection
            selection = .explicit(
                scans.members(key) {
                    base.allMembers().filter { i in
                        let o = state.order(i, snap)
                        if o.isDeleted || (statuses == nil && o.trashedAt != nil) { return false }
                        if let s = statuses, !s.contains(orderRenderer.status(o, now: now)) { return false }
                        if let c = customerFilter, (o.customerIndex.map { WooIDs.customer($0) } ?? 0) != c {
                            return false
                        }
                        if let search, !searchableText(o).contains(search) { return false }
                        return true
                    }
                })
        }
        let ordered = orderedMembers(selection, params: params, cacheKey: "orders-mod|\(bounds)|\(snap.version)|\(now)")
        {
            state.orderModifiedAt($0, snap)
        }
        return WooListing.respond(req, params: params, total: selection.count, homeURL: homeURL) { position, w in
            orderRenderer.render(state.order(ordered(position), snap), now: now, into: &w)
        }
    }

    /// What `search` looks in: the billing address and name, lowercased.
    private func searchableText(_ o: OrderRecord) -> String {
        let name = o.customerIndex.map { state.people.name(stream: .customer, index: $0) }
        let email = o.customerIndex.map { state.people.email($0) } ?? o.guestEmail
        let first = name?.first ?? o.guestFirstName
        let last = name?.last ?? o.guestLastName
        return "\(email) \(first) \(last)".lowercased()
    }

    /// Maps a result position to a record index for the requested order. Index order equals
    /// id and date order; `modified` needs a sort, done once per query and cached.
    func orderedMembers(
        _ selection: IndexSelection, params: WooListParams, cacheKey: String,
        modified: (Int) -> Int64
    ) -> (Int) -> Int {
        let total = selection.count
        if params.orderby == "modified" {
            let sorted = scans.members(cacheKey) { Self.sortedByKey(selection.allMembers(), modified) }
            return { params.descending ? sorted[total - 1 - $0] : sorted[$0] }
        }
        return { params.descending ? selection.element(at: total - 1 - $0) : selection.element(at: $0) }
    }

    /// Indices sorted by a key, ties broken by index (stable across calls).
    static func sortedByKey<Key: Comparable>(_ indices: [Int], _ key: (Int) -> Key) -> [Int] {
        var pairs: [(index: Int, key: Key)] = []
        pairs.reserveCapacity(indices.count)
        for i in indices { pairs.append((i, key(i))) }
        pairs.sort { (a: (index: Int, key: Key), b: (index: Int, key: Key)) -> Bool in
            a.key == b.key ? a.index < b.index : a.key < b.key
        }
        return pairs.map(\.index)
    }

    func listCustomers(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        let params: WooListParams
        switch WooListParams.parse(
            req, orderby: ["id", "include", "name", "registered_date"], defaultOrderby: "name",
            defaultDescending: false, dateFilters: [], zone: state.profile.timeZone)
        {
        case .success(let p): params = p
        case .failure(let f): return f.response
        }
        let count = state.profile.customerCount
        var selection = IndexSelection(range: 0..<count, excluded: [], extra: [])
        if let email = req.param("email") {
            selection = .explicit(state.customerIndex(email: email, snap).map { [$0] } ?? [])
        }
        let ordered: (Int) -> Int
        if params.orderby == "name" {
            // WordPress sorts users by display name; sorted once per data version.
            let base = selection
            let sorted = scans.members("customers-name|\(req.param("email") ?? "")|\(snap.version)") {
                Self.sortedByKey(base.allMembers()) { c -> String in
                    let r = state.customer(c, snap)
                    return r.firstName + " " + r.lastName
                }
            }
            let total = sorted.count
            ordered = { params.descending ? sorted[total - 1 - $0] : sorted[$0] }
        } else {
            let total = selection.count
            let sel = selection
            ordered = { params.descending ? sel.element(at: total - 1 - $0) : sel.element(at: $0) }
        }
        return WooListing.respond(req, params: params, total: selection.count, homeURL: homeURL) { position, w in
            catalogRenderer.renderCustomer(state.customer(ordered(position), snap), into: &w)
        }
    }

    func listCoupons(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        let params: WooListParams
        switch WooListParams.parse(
            req, orderby: ["date", "id", "include", "title", "slug", "modified"], defaultOrderby: "date",
            defaultDescending: true, dateFilters: ["after", "before", "modified_after", "modified_before"],
            zone: state.profile.timeZone)
        {
        case .success(let p): params = p
        case .failure(let f): return f.response
        }
        let total = state.couponCount(snap)
        let layout = TimeLayout(
            grid: state.profile.couponGrid, baseCount: state.profile.couponCount, total: total, maxLag: 3_600)
        let bounds = params.bounds
        var selection = bounds.select(layout: layout, overlayKeys: Array(snap.coupons.keys)) { k in
            let c = state.coupon(k, snap)
            return bounds.matches(created: c.createdAt, modified: c.modifiedAt, index: k)
        }
        if let code = req.param("code") {
            // `?code=` is normalized the way codes are on create (api-facts §8.9).
            let hit = state.couponIndex(code: code.trimmingCharacters(in: .whitespaces), snap)
            selection = .explicit(hit.map { selection.contains($0) ? [$0] : [] } ?? [])
        }
        // Trashed coupons show only when `status` names trash; deleted ones never.
        let wantsTrash = req.list("status")?.contains("trash") ?? false
        let onlyTrash = req.list("status") == ["trash"]
        if snap.coupons.values.contains(where: { $0.trashedAt != nil || $0.isDeleted }) || onlyTrash {
            let base = selection
            selection = .explicit(
                base.allMembers().filter { k in
                    let c = state.coupon(k, snap)
                    if c.isDeleted { return false }
                    if onlyTrash { return c.trashedAt != nil }
                    return c.trashedAt == nil || wantsTrash
                })
        }
        let ordered = orderedMembers(selection, params: params, cacheKey: "coupons-mod|\(bounds)|\(snap.version)") {
            state.couponModifiedAt($0, snap)
        }
        return WooListing.respond(req, params: params, total: selection.count, homeURL: homeURL) { position, w in
            catalogRenderer.renderCoupon(state.coupon(ordered(position), snap), into: &w)
        }
    }

    func listProducts(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        let params: WooListParams
        switch WooListParams.parse(
            req, orderby: ["date", "id", "include", "title", "slug", "price", "popularity", "rating", "modified"],
            defaultOrderby: "date", defaultDescending: true,
            dateFilters: ["after", "before", "modified_after", "modified_before"], zone: state.profile.timeZone)
        {
        case .success(let p): params = p
        case .failure(let f): return f.response
        }
        let count = state.profile.productCount
        let layout = TimeLayout(grid: state.profile.productGrid, baseCount: count, total: count, maxLag: 86_400)
        let bounds = params.bounds
        let selection = bounds.select(layout: layout, overlayKeys: Array(snap.productModifiedAt.keys)) { p in
            let r = state.product(p, snap)
            return bounds.matches(created: r.createdAt, modified: r.modifiedAt, index: p)
        }
        let ordered = orderedMembers(
            selection, params: params, cacheKey: "products-mod|\(bounds)|\(snap.version)"
        ) {
            state.product($0, snap).modifiedAt
        }
        return WooListing.respond(req, params: params, total: selection.count, homeURL: homeURL) { position, w in
            catalogRenderer.renderProduct(state.product(ordered(position), snap), into: &w)
        }
    }

    func listReviews(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        var params: WooListParams
        switch WooListParams.parse(
            req, orderby: ["date", "date_gmt", "id", "include", "product"], defaultOrderby: "date_gmt",
            defaultDescending: true, dateFilters: ["after", "before"], zone: state.profile.timeZone)
        {
        case .success(let p): params = p
        case .failure(let f): return f.response
        }
        if params.orderby == "product" { params.orderby = "id" }
        let status = req.param("status") ?? "approved"
        guard ["all", "approved", "hold", "spam", "trash"].contains(status) else {
            return WooError.invalidParam(
                "status", "status is not one of all, hold, approved, spam, trash.", detailCode: "rest_not_in_enum")
        }
        let emails = req.list("reviewer_email").map { Set($0.map { $0.lowercased() }) }
        let products = req.list("product").map { Set($0.compactMap(Int.init)) }
        let count = state.profile.reviewCount
        let layout = TimeLayout(grid: state.profile.reviewGrid, baseCount: count, total: count, maxLag: 0)
        let bounds = params.bounds
        let catalog = state.catalog
        let base = bounds.select(layout: layout, overlayKeys: []) { r in
            bounds.matches(created: catalog.reviewCreatedAt(r), modified: catalog.reviewCreatedAt(r), index: r)
        }
        var selection = base
        if status != "all" || emails != nil || products != nil {
            let key =
                "reviews|\(status)|\(emails.map { $0.sorted() } ?? [])|\(products.map { $0.sorted() } ?? [])|\(bounds)|\(snap.version)"
            selection = .explicit(
                scans.members(key) {
                    base.allMembers().filter { r in
                        let rec = state.review(r, snap)
                        if status != "all", rec.status.rawValue != status { return false }
                        if let e = emails, !e.contains(rec.reviewerEmail.lowercased()) { return false }
                        if let p = products, !p.contains(WooIDs.product(rec.productIndex)) { return false }
                        return true
                    }
                })
        }
        let total = selection.count
        let sel = selection
        return WooListing.respond(req, params: params, total: total, homeURL: homeURL) { position, w in
            let r = params.descending ? sel.element(at: total - 1 - position) : sel.element(at: position)
            catalogRenderer.renderReview(state.review(r, snap), into: &w)
        }
    }

    func singleOrder(_ id: Int, _ snap: StoreOverlay) -> MockResponse {
        guard let i = liveOrderIndex(id, snap) else { return Self.invalidOrderID() }
        var w = JSONWriter(style: .php)
        orderRenderer.render(state.order(i, snap), now: snap.now, into: &w)
        return .json(200, w)
    }

    func singleCustomer(_ id: Int, _ snap: StoreOverlay) -> MockResponse {
        let c = WooIDs.customerIndex(id)
        guard c >= 0, c < state.profile.customerCount else {
            return WooError.response(404, "wc_user_invalid_id", "Invalid resource ID.")
        }
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCustomer(state.customer(c, snap), into: &w)
        return .json(200, w)
    }

    func singleCoupon(_ id: Int, _ snap: StoreOverlay) -> MockResponse {
        let k = WooIDs.couponIndex(id)
        guard k >= 0, k < state.couponCount(snap), !state.coupon(k, snap).isDeleted else {
            return WooError.response(404, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.")
        }
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCoupon(state.coupon(k, snap), into: &w)
        return .json(200, w)
    }
}
