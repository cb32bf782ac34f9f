import AsyncHTTPClient
import Crypto
public import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// A carrier-tracking service on 127.0.0.1 shaped like AfterShip's Tracking
/// API (2026-07): `POST /trackings`, `GET /trackings?tracking_numbers=`,
/// `GET /trackings/{id}`, the `as-api-key` header, a per-second rate limit
/// answering 429 with `X-RateLimit-*` only (the Tracking API documents no
/// `Retry-After`: the wait is until `X-RateLimit-Reset`), and signed
/// `tracking_update` webhooks (`aftership-hmac-sha256`) sent when a test
/// moves a parcel with ``advance(_:to:at:)``.
///
/// ```swift
/// let service = try await AfterShipEmulator.start(apiKey: "k", webhookSecret: "s")
/// defer { Task { await service.stop() } }
/// ```
public final class AfterShipEmulator: Sendable {
    /// `http://127.0.0.1:PORT/tracking/2026-07`, what `tracking_service_url` points at.
    public let baseURL: String
    public let apiKey: String
    public let webhookSecret: String
    /// Tracking numbers starting with this are ones no carrier knows:
    /// creating them answers 400 with code 4012, as the real service does.
    public static let unknownPrefix = "NOSUCH"
    private let state = NIOLockedValueBox(AfterShipEmulatorState())
    private let webhookURL = NIOLockedValueBox<String?>(nil)
    private let limitPerSecond: Int
    private let runTask: Task<Void, any Error>

    private init(
        baseURL: String, apiKey: String, webhookSecret: String, limitPerSecond: Int, runTask: Task<Void, any Error>
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.webhookSecret = webhookSecret
        self.limitPerSecond = limitPerSecond
        self.runTask = runTask
    }

    /// Starts the emulator on a free loopback port; `limitPerSecond` requests
    /// a second are answered, the rest get 429.
    public static func start(apiKey: String, webhookSecret: String, limitPerSecond: Int = 10) async throws
        -> AfterShipEmulator
    {
        let box = NIOLockedValueBox<AfterShipEmulator?>(nil)
        let router = Router()
        router.post("/tracking/2026-07/trackings") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            return respond(box, request) { $0.create(Data(buffer: body)) }
        }
        router.get("/tracking/2026-07/trackings") { request, _ in
            respond(box, request) { $0.list(request.uri.queryParameters.get("tracking_numbers") ?? "") }
        }
        router.get("/tracking/2026-07/trackings/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return respond(box, request) { $0.find(id) }
        }
        var logger = Logger(label: "aftership-emulator")
        logger.logLevel = .critical
        let bound = PortSignal()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? 0)) }, logger: logger)
        let task = Task {
            do {
                try await app.run()
            } catch {
                bound.resolve(.failure(error))
                throw error
            }
        }
        let port = try await bound.value()
        let emulator = AfterShipEmulator(
            baseURL: "http://127.0.0.1:\(port)/tracking/2026-07", apiKey: apiKey, webhookSecret: webhookSecret,
            limitPerSecond: limitPerSecond, runTask: task)
        box.withLockedValue { $0 = emulator }
        return emulator
    }

    /// Stops the server.
    public func stop() async {
        runTask.cancel()
        _ = try? await runTask.value
    }

    /// Where ``advance(_:to:at:)`` posts its webhooks (`nil`: nowhere).
    public func sendWebhooks(to url: String?) {
        webhookURL.withLockedValue { $0 = url }
    }

    /// The next `count` requests are refused with 429 whatever the window holds.
    public func refuseNext(_ count: Int) {
        state.withLockedValue { $0.forcedTooMany += count }
    }

    /// Requests received, and how many were refused with 429.
    public var requestCounts: (total: Int, refused: Int) {
        state.withLockedValue { ($0.requests, $0.refused) }
    }

    /// The tracking numbers the service follows.
    public var trackedNumbers: [String] {
        state.withLockedValue { $0.idsByNumber.keys.sorted() }
    }

    /// Moves the tracking of `number` to `tag` (`InTransit`, `OutForDelivery`,
    /// `Delivered`, `AttemptFail`, `Exception`) at `at`, and posts the signed
    /// webhook when a URL is set. Returns the webhook's HTTP status (`nil`
    /// when the number is not followed or nothing was posted).
    @discardableResult
    public func advance(_ number: String, to tag: String, at: Date) async -> Int? {
        let tracking: AfterShipEmulatorState.Tracking? = state.withLockedValue { s in
            guard let id = s.idsByNumber[number], var tracking = s.trackings[id] else { return nil }
            tracking.tag = tag
            tracking.checkpoints.append((tag, at))
            tracking.updatedAt = at
            s.trackings[id] = tracking
            return tracking
        }
        guard let tracking, let url = webhookURL.withLockedValue({ $0 }) else { return nil }
        return await post(webhook(tracking), to: url)
    }

    /// The body of a `tracking_update` webhook about `tracking`.
    func webhook(_ tracking: AfterShipEmulatorState.Tracking) -> Data {
        let object: [String: any Sendable] = [
            "event": "tracking_update", "event_id": UUID().uuidString.lowercased(),
            "is_tracking_first_tag": tracking.checkpoints.filter { $0.tag == tracking.tag }.count == 1,
            "msg": tracking.wire(), "ts": Int(tracking.updatedAt.timeIntervalSince1970),
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// Posts `body` signed with the webhook secret (or with `signature`
    /// when a test forges one); returns the HTTP status, `nil` when unreachable.
    public func post(_ body: Data, to url: String, signature: String? = nil) async -> Int? {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(
            name: "aftership-hmac-sha256", value: signature ?? WebhookSignature.sign(Array(body), secret: webhookSecret)
        )
        request.body = .bytes(ByteBuffer(bytes: body))
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(30)) else { return nil }
        return Int(response.status.code)
    }

    /// `2026-12-01T10:00:00+00:00`, the shape of AfterShip's timestamps.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
    }

    // MARK: Answers

    /// Checks the key and the rate limit, then answers with `body`.
    private static func respond(
        _ box: NIOLockedValueBox<AfterShipEmulator?>, _ request: Request,
        _ body: (AfterShipEmulator) -> AfterShipAnswer
    ) -> Response {
        guard let emulator = box.withLockedValue({ $0 }) else { return Response(status: .serviceUnavailable) }
        let answer: AfterShipAnswer
        if request.headers[HTTPFields.Element.Name("as-api-key")!] != emulator.apiKey {
            answer = .envelope(401, code: 401, type: "Unauthorized", message: "Invalid API key.")
        } else if let refused = emulator.admit() {
            answer = refused
        } else {
            answer = body(emulator)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        for (name, value) in answer.headers { headers[HTTPFields.Element.Name(name)!] = value }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.json())))
    }

    /// `nil` when the request is within the limit; the 429 answer otherwise.
    private func admit() -> AfterShipAnswer? {
        let now = Int64(Date().timeIntervalSince1970)
        let refused: Bool = state.withLockedValue { s in
            s.requests += 1
            if s.windowStart != now { (s.windowStart, s.windowCount) = (now, 0) }
            if s.forcedTooMany > 0 {
                s.forcedTooMany -= 1
            } else if s.windowCount < limitPerSecond {
                s.windowCount += 1
                return false
            }
            s.refused += 1
            return true
        }
        guard refused else { return nil }
        var answer = AfterShipAnswer.envelope(
            429, code: 429, type: "TooManyRequests", message: "You have exceeded the API call rate limit.")
        answer.headers = [
            ("X-RateLimit-Limit", "\(limitPerSecond)"), ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "\(now + 1)"),
        ]
        return answer
    }

    private func create(_ body: Data) -> AfterShipAnswer {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        guard let number = object?["tracking_number"] as? String, !number.isEmpty else {
            return .envelope(400, code: 4007, type: "BadRequest", message: "tracking_number is required.")
        }
        if number.hasPrefix(Self.unknownPrefix) {
            return .envelope(
                400, code: 4012, type: "BadRequest",
                message: "Cannot detect courier. Activate courier at https://admin.aftership.com/settings/couriers.")
        }
        return state.withLockedValue { s in
            if let id = s.idsByNumber[number], let existing = s.trackings[id] {
                return .envelope(
                    400, code: 4003, type: "BadRequest", message: "Tracking already exists.",
                    data: ["id": existing.id, "tracking_number": number])
            }
            let id = String(format: "as%010d", s.nextID)
            s.nextID += 1
            let tracking = AfterShipEmulatorState.Tracking(
                id: id, number: number, orderID: object?["order_id"] as? String, tag: "Pending", checkpoints: [],
                updatedAt: Date())
            s.trackings[id] = tracking
            s.idsByNumber[number] = id
            return .envelope(201, code: 201, type: "Created", message: "", data: tracking.wire())
        }
    }

    private func list(_ numbers: String) -> AfterShipAnswer {
        let wanted = Set(numbers.split(separator: ",").map(String.init))
        let found = state.withLockedValue { s in
            wanted.sorted().compactMap { s.idsByNumber[$0].flatMap { s.trackings[$0] }?.wire() }
        }
        return .envelope(200, code: 200, type: "OK", message: "", data: ["trackings": found])
    }

    private func find(_ id: String) -> AfterShipAnswer {
        guard let tracking = state.withLockedValue({ $0.trackings[id] }) else {
            return .envelope(404, code: 4004, type: "NotFound", message: "Tracking does not exist.")
        }
        return .envelope(200, code: 200, type: "OK", message: "", data: tracking.wire())
    }
}
