import Foundation
import NIOCore

/// The WooCommerce emulator: `/wp-json/wc/v3/...` plus the Shipment Tracking and
/// Advanced Coupons Loyalty Program extension routes.
final class WooCommerceEmulator: PlatformEmulator {
    let state: StoreState
    let auth: WooAuthenticator
    let homeURL: String
    let options: WooCommerceMockOptions
    let orderRenderer: WooOrderRenderer
    let catalogRenderer: WooCatalogRenderer
    let scans = ScanCache()
    let events: ChangeFeed

    init(state: StoreState, options: WooCommerceMockOptions, homeURL: String, events: ChangeFeed) {
        self.state = state
        self.options = options
        self.homeURL = homeURL.hasSuffix("/") ? String(homeURL.dropLast()) : homeURL
        auth = WooAuthenticator(
            consumerKey: options.consumerKey, consumerSecret: options.consumerSecret, homeURL: self.homeURL,
            permission: options.keyPermission)
        orderRenderer = WooOrderRenderer(
            state: state, homeURL: self.homeURL, deliveredStatus: options.deliveredStatus,
            pricesIncludeTax: options.site.pricesIncludeTax, trackShip: options.trackShip)
        catalogRenderer = WooCatalogRenderer(
            state: state, homeURL: self.homeURL, keyOwner: options.site.keyOwner)
        self.events = events
    }

    func handle(_ req: MockRequest) async -> MockResponse {
        let path = req.path.hasSuffix("/") && req.path.count > 1 ? String(req.path.dropLast()) : req.path
        let parts = path.split(separator: "/").map(String.init)
        guard parts.first == "wp-json" else { return WooError.noRoute() }
        let route = Array(parts.dropFirst())
        // The index and the tracking providers list are public, as in WordPress.
        if route == ["wc", "v3"] { return index() }
        if route.isEmpty { return siteIndex() }

        switch auth.authenticate(req, wallClock: Int64(Date().timeIntervalSince1970)) {
        case .authenticated: break
        case .anonymous: return WooError.cannot(method: req.method, single: route.count > 3)
        case .rejected(let code, let message): return WooError.response(401, code, message)
        }

        if req.method == "GET", let slow = options.slowPages,
            slow.isSlow(perPage: req.param("per_page").flatMap { Int($0) })
        {
            try? await Task.sleep(for: slow.delay)
        }
        let snap = state.snapshot()
        switch (req.method, route.count > 1 ? Array(route.prefix(2)) : route) {
        case (_, ["wc", "v3"]):
            return routeV3(req, Array(route.dropFirst(2)), snap)
        case ("GET", ["wc-shipment-tracking", "v3"]):
            let rest = Array(route.dropFirst(2))
            guard rest.count == 3, rest[0] == "orders", rest[2] == "shipment-trackings", let id = Int(rest[1]) else {
                return WooError.noRoute()
            }
            return shipmentTrackings(orderID: id, snap)
        case ("GET", ["wc-loyalty-program", "v1"]):
            let rest = Array(route.dropFirst(2))
            guard rest.count == 3, rest[0] == "customers", rest[1] == "status", let id = Int(rest[2]) else {
                return WooError.noRoute()
            }
            return loyaltyStatus(userID: id, snap)
        default:
            return WooError.noRoute()
        }
    }

    private func routeV3(_ req: MockRequest, _ r: [String], _ snap: StoreOverlay) -> MockResponse {
        switch (req.method, r.count) {
        case ("GET", 1):
            switch r[0] {
            case "orders": return listOrders(req, snap)
            case "customers": return listCustomers(req, snap)
            case "coupons": return listCoupons(req, snap)
            case "products": return listProducts(req, snap)
            case "system_status": return systemStatus()
            default: return WooError.noRoute()
            }
        case ("GET", 2) where r[0] == "settings":
            return settingsGroup(r[1])
        case ("GET", 3) where r[0] == "settings":
            return setting(group: r[1], id: r[2])
        case ("GET", 2):
            if r == ["products", "reviews"] { return listReviews(req, snap) }
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            switch r[0] {
            case "orders": return singleOrder(id, snap)
            case "customers": return singleCustomer(id, snap)
            case "coupons": return singleCoupon(id, snap)
            default: return WooError.noRoute()
            }
        case ("GET", 3) where r[0] == "orders" && r[2] == "notes":
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            return listNotes(orderID: id, snap)
        case ("POST", 1) where r[0] == "coupons":
            return createCoupon(req)
        case ("POST", 3) where r[0] == "orders" && r[2] == "notes":
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            return createNote(req, orderID: id)
        case ("PUT", 3) where r[0] == "products" && r[1] == "reviews":
            guard let id = Int(r[2]) else { return WooError.noRoute() }
            return moderateReview(req, reviewID: id)
        case ("DELETE", 2) where r[0] == "coupons":
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            return deleteCoupon(req, couponID: id)
        case ("DELETE", 2) where r[0] == "orders":
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            return deleteOrder(req, orderID: id)
        case ("PUT", 2) where r[0] == "orders", ("POST", 2) where r[0] == "orders", ("PATCH", 2) where r[0] == "orders":
            guard let id = Int(r[1]) else { return WooError.noRoute() }
            return updateOrder(req, orderID: id)
        case ("PUT", 2), ("POST", 2), ("PATCH", 2):
            guard r[0] == "customers", let id = Int(r[1]) else { return WooError.noRoute() }
            return updateCustomer(req, customerID: id)
        default:
            return WooError.noRoute()
        }
    }

    func faultResponse(status: Int) -> MockResponse {
        switch status {
        case 429:
            return MockResponse(
                status: 429, headers: [("Content-Type", "text/html"), ("Retry-After", "1")],
                body: ByteBuffer(string: "<html><body><h1>429 Too Many Requests</h1></body></html>"))
        default:
            return WooError.response(
                status, "internal_server_error", "<p>There has been a critical error on this website.</p>")
        }
    }

    func pageFault(_ page: MockFaultPlan.Page, request: MockRequest) -> MockResponse {
        let accepts = request.headers["accept"]?.lowercased().contains("application/json") ?? false
        // Observed: a fatal error during an OAuth-signed request over HTTP
        // came back as HTML even to a JSON request.
        let oauth =
            request.headers["authorization"]?.hasPrefix("OAuth") == true
            || request.query.contains { $0.name == "oauth_signature" }
        return WordPressFaultPages.response(page, acceptsJSON: accepts && !(page == .critical && oauth))
    }

    func renderOrderPayload(_ i: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .php)
        orderRenderer.render(state.order(i, snap), now: snap.now, into: &w)
        return w.buffer
    }

    func renderCustomerPayload(_ c: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCustomer(state.customer(c, snap), into: &w)
        return w.buffer
    }

    func renderCouponPayload(_ k: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCoupon(state.coupon(k, snap), into: &w)
        return w.buffer
    }

    func clearCaches() {
        scans.clear()
        auth.resetNonces()
    }

    // MARK: Index and system status

    private func index() -> MockResponse {
        var w = JSONWriter(style: .php, capacity: 512)
        w.beginObject()
        w.field("namespace", "wc/v3")
        w.key("routes")
        w.beginObject()
        for route in [
            "", "/orders", "/orders/(?P<id>[\\d]+)", "/orders/(?P<order_id>[\\d]+)/notes", "/customers",
            "/customers/(?P<id>[\\d]+)", "/coupons", "/coupons/(?P<id>[\\d]+)", "/products", "/products/reviews",
            "/system_status",
        ] {
            w.key("/wc/v3" + route)
            w.beginObject()
            w.field("namespace", "wc/v3")
            w.key("methods")
            w.beginArray()
            w.string("GET")
            w.endArray()
            w.endObject()
        }
        w.endObject()
        w.key("_links")
        w.beginObject()
        w.key("up")
        w.beginArray()
        w.beginObject()
        w.field("href", homeURL + "/wp-json/")
        w.endObject()
        w.endArray()
        w.endObject()
        w.endObject()
        return .json(200, w)
    }

    /// WordPress's own `/wp-json/` root: public, names the site, its home
    /// URL, time zone and the REST namespaces plugins registered.
    private func siteIndex() -> MockResponse {
        let p = state.profile
        var w = JSONWriter(style: .php, capacity: 512)
        w.beginObject()
        w.field("name", p.storeName)
        w.field("description", "A store emulated by aftercart-mock")
        w.field("url", homeURL)
        w.field("home", homeURL)
        // A JSON number of hours, as WordPress sends it (`9`, `5.5`).
        let offset = p.timeZone.offset(atUTC: p.clockStart)
        w.key("gmt_offset")
        w.number(offset % 3_600 == 0 ? String(offset / 3_600) : String(Double(offset) / 3_600))
        w.field("timezone_string", p.timeZone.identifier)
        w.key("namespaces")
        w.beginArray()
        for namespace in ["oembed/1.0", "wc/v3", "wc-shipment-tracking/v3", "wc-loyalty-program/v1", "wp/v2"] {
            w.string(namespace)
        }
        w.endArray()
        w.endObject()
        return .json(200, w)
    }

    private func systemStatus() -> MockResponse {
        let p = state.profile
        var w = JSONWriter(style: .php, capacity: 1_024)
        w.beginObject()
        w.key("environment")
        w.beginObject()
        w.field("home_url", homeURL)
        w.field("site_url", homeURL)
        w.field("store_id", "mock-\(p.seed)")
        w.field("version", "10.0.2")
        w.field("wp_version", "6.8.3")
        w.field("wp_multisite", false)
        w.field("language", options.site.language)
        w.field("external_object_cache", false)
        w.endObject()
        w.key("database")
        w.beginObject()
        w.field("wc_database_version", "10.0.2")
        w.endObject()
        w.key("settings")
        w.beginObject()
        w.field("api_enabled", true)
        w.field("force_ssl", false)
        w.field("currency", p.currency.code)
        w.field("currency_symbol", p.currency.symbol)
        w.field("currency_position", p.currency.code == "EUR" ? "right_space" : "left")
        w.field("thousand_separator", p.currency.code == "EUR" ? "." : ",")
        w.field("decimal_separator", p.currency.code == "EUR" ? "," : ".")
        w.field("number_of_decimals", p.currency.exponent)
        w.field("timezone", p.timeZone.identifier)
        w.endObject()
        w.key("aftercart_mock")
        w.beginObject()
        w.field("store_name", p.storeName)
        w.field("seed", String(p.seed))
        w.field("orders", p.orderCount)
        w.field("customers", p.customerCount)
        w.endObject()
        w.endObject()
        return .json(200, w)
    }
}
