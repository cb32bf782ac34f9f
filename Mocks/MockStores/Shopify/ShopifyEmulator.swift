import Foundation
import NIOCore

/// The Shopify REST Admin emulator: `/admin/api/{version}/...` for any version.
final class ShopifyEmulator: PlatformEmulator {
    let state: StoreState
    let options: ShopifyMockOptions
    let bucket: LeakyBucket
    let orderRenderer: ShopifyOrderRenderer
    let customerRenderer: ShopifyCustomerRenderer
    let events: ChangeFeed
    /// Base for `Link` and `Location` URLs (the server's own URL, so clients can follow them).
    let publicURL: String
    /// GraphQL's calculated-cost bucket, separate from REST's request bucket.
    let graphQLBucket: ShopifyGraphQLCostBucket
    let storeCredit: ShopifyStoreCreditLedger
    let grantedScopes: Set<String>
    let appCredentials: ShopifyAppCredentialLedger
    let installs: ShopifyAppInstallLedger
    let bulkOperations = ShopifyBulkOperationLedger()

    init(state: StoreState, options: ShopifyMockOptions, publicURL: String, events: ChangeFeed) {
        self.state = state
        self.options = options
        self.publicURL = publicURL
        self.events = events
        bucket = LeakyBucket(size: options.bucketSize, leakRate: options.leakRate)
        graphQLBucket = ShopifyGraphQLCostBucket(
            maximum: options.graphQLBucketSize, restoreRate: options.graphQLRestoreRate)
        storeCredit = ShopifyStoreCreditLedger(profile: state.profile)
        grantedScopes = Set(options.accessScopes ?? ShopifyAccessScopeGate.all)
        appCredentials = ShopifyAppCredentialLedger(options: options)
        installs = ShopifyAppInstallLedger(options: options)
        customerRenderer = ShopifyCustomerRenderer(state: state)
        orderRenderer = ShopifyOrderRenderer(state: state, shopDomain: options.shopDomain, customers: customerRenderer)
    }

    static func errors(_ status: Int, _ message: String, headers: [(String, String)] = []) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 128)
        w.beginObject()
        w.field("errors", message)
        w.endObject()
        return .json(status, w, headers: headers)
    }

    static func fieldErrors(_ status: Int, _ field: String, _ messages: [String]) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 128)
        w.beginObject()
        w.key("errors")
        w.beginObject()
        w.key(field)
        w.beginArray()
        for m in messages { w.string(m) }
        w.endArray()
        w.endObject()
        w.endObject()
        return .json(status, w)
    }

    static func notFound() -> MockResponse { errors(404, "Not Found") }

    /// Whether the request carries the static token or a live issued one.
    func isAuthorized(_ req: MockRequest) -> Bool {
        let token = req.headers["x-shopify-access-token"]
        return token == options.accessToken || appCredentials.accepts(token) || installs.accepts(token)
    }

    static func unauthorized() -> MockResponse {
        errors(401, "[API] Invalid API key or access token (unrecognized login or wrong password)")
    }

    /// The version that answers a request naming `requested`: a retired one
    /// falls forward to the oldest supported version, as Shopify does.
    func servedVersion(_ requested: String) -> String {
        guard let oldest = options.supportedAPIVersions.first, requested != "unstable", requested < oldest else {
            return requested
        }
        return oldest
    }

    func handle(_ req: MockRequest) async -> MockResponse {
        let parts = req.path.split(separator: "/").map(String.init)
        if parts == ["admin", "oauth", "access_scopes.json"], req.method == "GET" {
            return accessScopes(req)
        }
        if parts == ["admin", "oauth", "access_token"], req.method == "POST" {
            return installs.exchange(req) ?? appCredentials.grant(req)
        }
        if parts == ["admin", "oauth", "authorize"], req.method == "GET" {
            return installs.authorize(req)
        }
        if parts.count == 2, parts[0] == "bulk-results" { return bulkDownload(req, file: parts[1]) }
        guard parts.count >= 4, parts[0] == "admin", parts[1] == "api" else { return Self.notFound() }
        let version = servedVersion(parts[2])
        var segments = Array(parts.dropFirst(3))
        guard let last = segments.last, last.hasSuffix(".json") else { return Self.notFound() }
        segments[segments.count - 1] = String(last.dropLast(5))

        guard isAuthorized(req) else { return Self.unauthorized() }
        if segments == ["graphql"] {
            // GraphQL is paced by query cost, not by REST's request bucket.
            var response = graphQL(req)
            response.headers.append(("X-Shopify-API-Version", version))
            return response
        }
        let decision = bucket.take()
        let limitHeader = ("X-Shopify-Shop-Api-Call-Limit", "\(decision.used)/\(decision.size)")
        guard decision.allowed else {
            let rate =
                options.leakRate == options.leakRate.rounded()
                ? String(Int(options.leakRate)) : String(options.leakRate)
            return Self.errors(
                429,
                "Exceeded \(rate) calls per second for api client. Reduce request rates to resume uninterrupted service.",
                headers: [limitHeader, ("Retry-After", String(format: "%.1f", max(0.1, decision.retryAfter)))])
        }
        if let scope = ShopifyAccessScopeGate.required(method: req.method, segments: segments),
            !ShopifyAccessScopeGate.grants(scope, in: grantedScopes)
        {
            return ShopifyAccessScopeGate.denied(scope, headers: [limitHeader])
        }
        var response = route(req, segments, version: version)
        response.headers.append(limitHeader)
        response.headers.append(("X-Shopify-API-Version", version))
        return response
    }

    private func route(_ req: MockRequest, _ r: [String], version: String) -> MockResponse {
        let snap = state.snapshot()
        switch (req.method, r.count) {
        case ("GET", 1):
            switch r[0] {
            case "orders": return listOrders(req, snap, version: version)
            case "customers": return listCustomers(req, snap, version: version)
            case "price_rules": return listPriceRules(req, snap, version: version)
            case "shop":
                var w = JSONWriter(style: .plain, capacity: 2_048)
                customerRenderer.renderShop(domain: options.shopDomain, into: &w)
                return .json(200, w)
            default: return Self.notFound()
            }
        case ("GET", 2):
            if r == ["discount_codes", "lookup"] { return lookupDiscountCode(req, snap, version: version) }
            if r == ["customers", "search"] { return searchCustomers(req, snap) }
            guard let id = Int64(r[1]) else { return Self.notFound() }
            switch r[0] {
            case "orders": return singleOrder(req, id, snap)
            case "customers": return singleCustomer(req, id, snap)
            case "price_rules": return singlePriceRule(id, snap)
            default: return Self.notFound()
            }
        case ("GET", 3):
            guard let id = Int64(r[1]) else { return Self.notFound() }
            if r[0] == "price_rules" && r[2] == "discount_codes" { return listDiscountCodes(ruleID: id, snap) }
            if r[0] == "customers" && r[2] == "metafields" { return listMetafields(customerID: id, snap) }
            return Self.notFound()
        case ("GET", 4) where r[0] == "price_rules" && r[2] == "discount_codes":
            guard let id = Int64(r[1]), let codeID = Int64(r[3]) else { return Self.notFound() }
            return singleDiscountCode(ruleID: id, codeID: codeID, snap)
        case ("POST", 1) where r[0] == "price_rules":
            return createPriceRule(req)
        case ("POST", 3):
            guard let id = Int64(r[1]) else { return Self.notFound() }
            if r[0] == "price_rules" && r[2] == "discount_codes" { return createDiscountCode(req, ruleID: id) }
            if r[0] == "customers" && r[2] == "metafields" { return createMetafield(req, customerID: id) }
            return Self.notFound()
        case ("PUT", 2):
            guard let id = Int64(r[1]) else { return Self.notFound() }
            if r[0] == "customers" { return updateCustomer(req, id) }
            if r[0] == "orders" { return updateOrder(req, id) }
            return Self.notFound()
        default:
            return Self.notFound()
        }
    }

    func faultResponse(status: Int) -> MockResponse {
        switch status {
        case 429:
            return Self.errors(
                429,
                "Exceeded \(Int(options.leakRate.rounded())) calls per second for api client. Reduce request rates to resume uninterrupted service.",
                headers: [
                    ("Retry-After", "1.0"),
                    ("X-Shopify-Shop-Api-Call-Limit", "\(options.bucketSize)/\(options.bucketSize)"),
                ])
        case 500: return Self.errors(500, "Internal Server Error")
        case 502: return Self.errors(502, "Bad Gateway")
        case 503: return Self.errors(503, "Service Unavailable")
        default: return Self.errors(status, "Error")
        }
    }

    /// Shopify has no WordPress pages; a status fault's body stands in.
    func pageFault(_ page: MockFaultPlan.Page, request: MockRequest) -> MockResponse {
        switch page {
        case .critical: faultResponse(status: 500)
        case .maintenance: faultResponse(status: 503)
        case .html200:
            MockResponse(
                status: 200, headers: [("Content-Type", "text/html")],
                body: ByteBuffer(string: "<html><body>Security check: please enable JavaScript</body></html>"))
        }
    }

    func clearCaches() {
        bucket.reset()
        graphQLBucket.reset()
        storeCredit.reset()
        bulkOperations.reset()
    }

    /// `GET /admin/oauth/access_scopes.json`: outside the versioned API, but authenticated
    /// and counted against the request bucket like any REST call.
    private func accessScopes(_ req: MockRequest) -> MockResponse {
        guard isAuthorized(req) else { return Self.unauthorized() }
        let decision = bucket.take()
        let limitHeader = ("X-Shopify-Shop-Api-Call-Limit", "\(decision.used)/\(decision.size)")
        guard decision.allowed else {
            return Self.errors(
                429, "Exceeded call limit for api client. Reduce request rates to resume uninterrupted service.",
                headers: [limitHeader, ("Retry-After", String(format: "%.1f", max(0.1, decision.retryAfter)))])
        }
        var response = ShopifyAccessScopeGate.listing(options.accessScopes ?? ShopifyAccessScopeGate.all)
        response.headers.append(limitHeader)
        return response
    }

    func renderOrderPayload(_ i: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        orderRenderer.render(state.order(i, snap), snap: snap, into: &w)
        return w.buffer
    }

    func renderCustomerPayload(_ c: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        customerRenderer.render(state.customer(c, snap), embedded: false, into: &w)
        return w.buffer
    }

    func renderCouponPayload(_ k: Int) -> ByteBuffer {
        let snap = state.snapshot()
        var w = JSONWriter(style: .plain)
        customerRenderer.renderPriceRule(state.coupon(k, snap), into: &w)
        return w.buffer
    }
}
