import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The routes: `POST /webhooks/{platform}/{store}`, `POST /tracking/{service}/{store}`
/// (a tracking service's status webhooks), `GET`/`POST /unsubscribe/{token}`,
/// `GET /o/{token}` (an order's status page), `GET /dashboard` (the merchant's
/// outcomes, behind admin credentials), `GET /healthz`, `GET /metrics`.
struct ServerRoutes: Sendable {
    let directory: WebhookStoreDirectory
    let receiver: WebhookReceiver
    let persistence: any Persistence
    let metrics: ServerMetrics
    let maximumBodySize: Int
    let logger: Logger
    /// The way out of marketing mail; `nil` answers its paths 404.
    var unsubscribe: UnsubscribeEndpoint? = nil
    /// Orders' status pages; `nil` answers their paths 404.
    var orderPages: OrderPageEndpoint? = nil
    /// Merchants' installs of platform apps; `nil` answers their paths 404.
    var installs: AppInstallEndpoint? = nil
    /// Tracking services' status webhooks; `nil` answers their paths 404.
    var tracking: TrackingWebhookEndpoint? = nil
    /// The merchant's outcomes dashboard; `nil` (no admin credentials) answers it 404.
    var dashboard: DashboardEndpoint? = nil

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.post("/webhooks/:platform/:store") { request, context in
            try await webhook(request, context: context)
        }
        router.post("/tracking/:service/:store") { request, context in
            try await trackingWebhook(request, context: context)
        }
        router.get("/unsubscribe/:token") { request, context in
            await unsubscribe(request, context: context, post: false)
        }
        router.post("/unsubscribe/:token") { request, context in
            await unsubscribe(request, context: context, post: true)
        }
        router.get("/o/:token") { request, context in
            await orderPage(request, context: context)
        }
        router.get("/:platform/install/:store") { request, context in
            await install(request, context: context) { endpoint, platform in
                try await endpoint.begin(platform: platform, store: context.parameters.get("store") ?? "")
            }
        }
        router.get("/:platform/install") { request, context in
            await install(request, context: context) { endpoint, platform in
                try await endpoint.beginFromPlatform(platform: platform, query: Self.query(request))
            }
        }
        router.get("/:platform/callback") { request, context in
            await install(request, context: context) { endpoint, platform in
                try await endpoint.callback(platform: platform, query: Self.query(request))
            }
        }
        router.get("/dashboard") { request, _ in
            await dashboardPage(request)
        }
        router.get("/healthz") { _, _ in
            await health()
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }
        return router
    }

    private func webhook(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let platform = context.parameters.get("platform") ?? ""
        let store = context.parameters.get("store") ?? ""
        guard let endpoint = await directory.endpoint(platform: platform, store: store) else {
            logger.info("webhook for an unknown store refused", metadata: ["store": "\(store.prefix(80))"])
            return answer(.notFound, platform: "unknown", started: started)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBodySize {
            return answer(.tooLarge(limit: maximumBodySize), platform: endpoint.platform, started: started)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodySize)
        } catch is NIOTooManyBytesError {
            return answer(.tooLarge(limit: maximumBodySize), platform: endpoint.platform, started: started)
        }
        var headers = HeaderFields()
        for field in request.headers { headers.add(name: field.name.canonicalName, value: field.value) }
        let outcome = await receiver.receive(endpoint, headers: headers, body: Data(buffer: buffer))
        return answer(outcome, platform: endpoint.platform, started: started)
    }

    /// A tracking service's status webhook: kept per parcel, then the
    /// order's follow-up (plan → send) queued like a store webhook's.
    private func trackingWebhook(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let service = context.parameters.get("service") ?? ""
        guard let tracking else { return answer(.notFound, platform: "unknown", started: started) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodySize)
        } catch is NIOTooManyBytesError {
            return answer(.tooLarge(limit: maximumBodySize), platform: service, started: started)
        }
        var headers = HeaderFields()
        for field in request.headers { headers.add(name: field.name.canonicalName, value: field.value) }
        let store = context.parameters.get("store") ?? ""
        let (outcome, changed) = await tracking.receive(
            service: service, store: store, headers: headers, body: Data(buffer: buffer))
        if outcome.status == 401 {
            logger.warning(
                "tracking webhook refused: signature missing or does not match", metadata: ["service": "\(service)"])
        }
        if let changed { receiver.followUps.enqueue(store: StoreID(store), changed: [.orders: [changed]]) }
        return answer(outcome, platform: service, started: started)
    }

    /// An unsubscribe link opened (GET: the question) or answered (POST:
    /// a person's button or a mail client's RFC 8058 one-click POST).
    private func unsubscribe(_ request: Request, context: BasicRequestContext, post: Bool) async -> Response {
        let visitorLocale = UnsubscribePage.locale(acceptLanguage: request.headers[.acceptLanguage])
        var answer = UnsubscribeEndpoint.Answer.notFound
        if let endpoint = unsubscribe, let token = context.parameters.get("token") {
            do {
                answer = try await endpoint.answer(token: token, post: post)
            } catch {
                logger.error("unsubscribe not recorded", metadata: ["error": "\(error)"])
                return Response(status: .internalServerError)
            }
        }
        if case .done = answer { logger.info("unsubscribe recorded") }
        let page = UnsubscribePage.html(answer, fallbackLocale: visitorLocale)
        return Response(
            status: answer == .notFound ? .notFound : .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// An order's status page. Personal data: never cached by a shared
    /// cache or kept by the browser, never indexed, and the token in the
    /// address is not sent on to the carrier or shop pages it links to.
    private func orderPage(_ request: Request, context: BasicRequestContext) async -> Response {
        var html: String?
        if let endpoint = orderPages, let token = context.parameters.get("token") {
            do {
                html = try await endpoint.page(token)
            } catch {
                logger.error("order page not rendered", metadata: ["error": "\(error)"])
                return Response(status: .internalServerError, headers: Self.personalPageHeaders)
            }
        }
        let visitorLocale = UnsubscribePage.locale(acceptLanguage: request.headers[.acceptLanguage])
        let body = html ?? orderPages?.notFound(visitorLocale) ?? ""
        return Response(
            status: html == nil ? .notFound : .ok, headers: Self.personalPageHeaders,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// An install step: a redirect, or the merchant's page (400 when refused).
    private func install(
        _ request: Request, context: BasicRequestContext,
        _ step: (AppInstallEndpoint, String) async throws -> AppInstallEndpoint.Answer
    ) async -> Response {
        var answer = AppInstallEndpoint.Answer.notFound
        if let installs, let platform = context.parameters.get("platform") {
            do {
                answer = try await step(installs, platform)
            } catch {
                // The adapter's error names the store and the cause, never a token.
                logger.error("app install failed", metadata: ["error": "\(error)"])
                return Response(
                    status: .badGateway, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: ResponseBody(
                        byteBuffer: ByteBuffer(string: "The shop did not complete the install: \(error)")))
            }
        }
        if case .redirect(let location) = answer {
            return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
        }
        if case .refused(let refusal) = answer {
            logger.warning("app install refused", metadata: ["reason": "\(refusal.rawValue)"])
        }
        let status: HTTPResponse.Status =
            switch answer {
            case .connected: .ok
            case .refused: .badRequest
            case .notFound, .redirect: .notFound
            }
        let page = InstallPage.html(
            answer, locale: UnsubscribePage.locale(acceptLanguage: request.headers[.acceptLanguage]))
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// The query's parameters, decoded; a name given twice keeps the first.
    static func query(_ request: Request) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where fields[String(name)] == nil {
            fields[String(name)] = String(value)
        }
        return fields
    }

    /// Headers of a page that shows one customer's data.
    static let personalPageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8", .cacheControl: "private, no-store, max-age=0",
        HTTPField.Name("X-Robots-Tag")!: "noindex, nofollow", HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
    ]

    private func answer(_ outcome: WebhookOutcome, platform: String, started: ContinuousClock.Instant) -> Response {
        metrics.record(platform: platform, outcome: outcome.label, duration: ContinuousClock.now - started)
        var object: [String: Any] = [outcome.status < 300 ? "status" : "error": outcome.message]
        if outcome.status < 300 { object["outcome"] = outcome.label }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: HTTPResponse.Status(code: outcome.status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func health() async -> Response {
        var platforms: [StoreID: String] = [:]
        for endpoint in await directory.all { platforms[endpoint.store] = endpoint.platform }
        let report = await HealthReport.make(persistence: persistence, platforms: platforms)
        return Response(
            status: HTTPResponse.Status(code: report.httpStatus), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: report.json())))
    }
}
