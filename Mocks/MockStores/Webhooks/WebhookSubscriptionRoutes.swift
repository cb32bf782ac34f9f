import Foundation

/// `GET`/`POST /wp-json/wc/v3/webhooks`, `GET`/`PUT /wp-json/wc/v3/webhooks/{id}` and `GET`/`POST /admin/api/{v}/webhooks.json`,
/// authenticated like every other API route of the platform.
enum WebhookSubscriptionRoutes {
    /// The answer when `req` is a webhook subscription route, else `nil`.
    static func handle(_ req: MockRequest, core: ServerCore) async -> MockResponse? {
        switch core.platform {
        case .woocommerce:
            let path = req.path.hasSuffix("/") ? String(req.path.dropLast()) : req.path
            let prefix = "/wp-json/wc/v3/webhooks"
            guard path == prefix || path.hasPrefix(prefix + "/"), let woo = core.emulator as? WooCommerceEmulator
            else { return nil }
            switch woo.auth.authenticate(req, wallClock: Int64(Date().timeIntervalSince1970)) {
            case .authenticated: break
            case .anonymous: return WooError.cannot(method: req.method, single: false)
            case .rejected(let code, let message): return WooError.response(401, code, message)
            }
            if path != prefix {
                guard let id = Int64(path.dropFirst(prefix.count + 1)) else { return WooError.noRoute() }
                return wooSingleRoute(req, id: id, core: core)
            }
            return await wooRoute(req, core: core)
        case .shopify:
            let parts = req.path.split(separator: "/")
            guard parts.count == 4, parts[0] == "admin", parts[1] == "api", parts[3] == "webhooks.json",
                let shopify = core.emulator as? ShopifyEmulator
            else { return nil }
            guard shopify.isAuthorized(req) else { return ShopifyEmulator.unauthorized() }
            return shopifyRoute(req, core: core, apiVersion: String(parts[2]))
        }
    }

    private static let wooResources: Set<String> = ["order", "customer", "coupon", "product"]
    private static let wooEvents: Set<String> = ["created", "updated", "deleted", "restored"]

    private static func wooRoute(_ req: MockRequest, core: ServerCore) async -> MockResponse {
        let subscriptions = core.webhookSubscriptions
        switch req.method {
        case "GET":
            var w = JSONWriter(style: .php, capacity: 512)
            w.beginArray()
            for subscription in subscriptions.all { wooWebhook(subscription, into: &w) }
            w.endArray()
            return .json(200, w)
        case "POST":
            let body = req.json
            let topic = body?["topic"]?.text ?? ""
            let parts = topic.split(separator: ".").map(String.init)
            guard parts.count == 2, wooResources.contains(parts[0]), wooEvents.contains(parts[1]) else {
                return WooError.response(400, "rest_invalid_param", "Invalid parameter(s): topic")
            }
            guard let address = body?["delivery_url"]?.text, URL(string: address)?.host != nil else {
                return WooError.response(400, "rest_invalid_param", "Invalid parameter(s): delivery_url")
            }
            let status = body?["status"]?.text ?? "active"
            guard
                let subscription = subscriptions.add(
                    topic: topic, address: address, secret: body?["secret"]?.text, status: status,
                    now: core.state.snapshot().now, unique: false)
            else { return WooError.response(500, "internal_server_error", "not stored") }
            if status == "active" { await MockWebhookSubscriptions.ping(subscription) }
            var w = JSONWriter(style: .php, capacity: 512)
            wooWebhook(subscription, into: &w)
            return .json(201, w)
        default:
            return WooError.noRoute()
        }
    }

    /// `GET`/`PUT /webhooks/{id}`. A PUT changes the status only (what
    /// Aftercart sends to re-activate); the failure count stays (api-facts §8.6).
    private static func wooSingleRoute(_ req: MockRequest, id: Int64, core: ServerCore) -> MockResponse {
        let subscriptions = core.webhookSubscriptions
        let found: MockWebhookSubscriptions.Subscription?
        switch req.method {
        case "GET":
            found = subscriptions.subscription(id: id)
        case "PUT", "POST", "PATCH":
            if let status = req.json?["status"]?.text {
                guard ["active", "paused", "disabled"].contains(status) else {
                    return WooError.invalidParam(
                        "status", "status is not one of active, paused, and disabled.", detailCode: "rest_not_in_enum")
                }
                found = subscriptions.update(id: id, status: status)
            } else {
                found = subscriptions.subscription(id: id)
            }
        default:
            return WooError.noRoute()
        }
        guard let subscription = found else {
            return WooError.response(404, "woocommerce_rest_webhook_invalid_id", "Invalid ID.")
        }
        var w = JSONWriter(style: .php, capacity: 512)
        wooWebhook(subscription, into: &w)
        return .json(200, w)
    }

    private static func wooWebhook(_ s: MockWebhookSubscriptions.Subscription, into w: inout JSONWriter) {
        let parts = s.topic.split(separator: ".").map(String.init)
        let time = CivilTime(epochSeconds: s.createdAt).isoLocal
        w.beginObject()
        w.field("id", s.id)
        w.field("name", "Aftercart \(s.topic)")
        w.field("status", s.status)
        w.field("topic", s.topic)
        w.field("resource", parts.first ?? "")
        w.field("event", parts.last ?? "")
        w.field("delivery_url", s.address)
        w.field("date_created", time)
        w.field("date_created_gmt", time)
        w.endObject()
    }

    private static func shopifyRoute(_ req: MockRequest, core: ServerCore, apiVersion: String) -> MockResponse {
        let subscriptions = core.webhookSubscriptions
        switch req.method {
        case "GET":
            var w = JSONWriter(style: .plain, capacity: 512)
            w.beginObject()
            w.key("webhooks")
            w.beginArray()
            for subscription in subscriptions.all { shopifyWebhook(subscription, apiVersion: apiVersion, into: &w) }
            w.endArray()
            w.endObject()
            return .json(200, w)
        case "POST":
            let webhook = req.json?["webhook"]
            guard let topic = webhook?["topic"]?.text, topic.contains("/") else {
                return .jsonText(422, #"{"errors":{"topic":["Invalid topic specified."]}}"#)
            }
            guard let address = webhook?["address"]?.text, URL(string: address)?.host != nil else {
                return .jsonText(422, #"{"errors":{"address":["can't be blank"]}}"#)
            }
            guard
                let subscription = subscriptions.add(
                    topic: topic, address: address, secret: nil, status: "active", now: core.state.snapshot().now,
                    unique: true)
            else {
                return .jsonText(422, #"{"errors":{"address":["for this topic has already been taken"]}}"#)
            }
            var w = JSONWriter(style: .plain, capacity: 512)
            w.beginObject()
            w.key("webhook")
            shopifyWebhook(subscription, apiVersion: apiVersion, into: &w)
            w.endObject()
            return .json(201, w)
        default:
            return ShopifyEmulator.errors(404, "Not Found")
        }
    }

    private static func shopifyWebhook(
        _ s: MockWebhookSubscriptions.Subscription, apiVersion: String, into w: inout JSONWriter
    ) {
        let time = CivilTime(epochSeconds: s.createdAt).isoLocal + "Z"
        w.beginObject()
        w.field("id", s.id)
        w.field("address", s.address)
        w.field("topic", s.topic)
        w.field("created_at", time)
        w.field("updated_at", time)
        w.field("format", "json")
        w.field("api_version", apiVersion)
        w.endObject()
    }
}
