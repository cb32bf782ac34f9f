public import AftercartConnector
public import AftercartModel
public import Foundation

/// AfterShip's Tracking API as a ``TrackingService``: `POST /trackings`
/// registers a parcel, `GET /trackings/{id}` polls it, and its
/// `tracking_update` webhooks arrive signed with `aftership-hmac-sha256`.
///
/// The transport carries the `as-api-key` header, pacing within the rate
/// limit, and 429 `Retry-After` retries (see ``transport(store:apiKey:environment:trust:)``).
public struct AfterShipTrackingService: TrackingService {
    public var name: String { "aftership" }
    /// The API root, version included, without a trailing slash.
    let baseURL: String
    let transport: HTTPTransport
    let clock: any TransportClock

    /// The real API, at the version whose shapes this adapter reads.
    public static let defaultURL = "https://api.aftership.com/tracking/2026-07"
    /// The header that carries the webhook's signature.
    public static let signatureHeader = "aftership-hmac-sha256"
    /// AfterShip's error codes the adapter acts on.
    enum ErrorCode {
        static let alreadyExists = 4003
        static let doesNotExist = 4004
    }

    /// A service at `baseURL` over `transport`, which carries the key.
    public init(baseURL: String, transport: HTTPTransport, clock: any TransportClock = SystemClock()) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.transport = transport
        self.clock = clock
    }

    /// A transport for the API over the process's shared client: the key
    /// as `as-api-key`, and a bucket of 5 requests a second, the tightest of
    /// AfterShip's per-endpoint limits (`GET /trackings/{id}`), so polling
    /// stays inside it; a 429 is retried after its `Retry-After`.
    public static func transport(
        store: StoreID, apiKey: Secret, environment: ConnectorEnvironment, trust: TransportTrust
    ) -> HTTPTransport {
        let configuration = TransportConfiguration(
            store: store, platform: "aftership", credentialName: "tracking_api_key", trust: trust)
        return HTTPTransport(
            client: environment.client, configuration: configuration,
            authorizer: HeaderTokenAuthorizer(name: "as-api-key", token: apiKey),
            rateLimiter: TokenBucket(capacity: 5, refillPerSecond: 5, clock: environment.clock),
            logger: environment.logger, clock: environment.clock)
    }

    public func register(_ parcel: TrackedParcel) async throws -> TrackingRegistration {
        // Creating twice is harmless (4003), so a retry after a lost answer is safe.
        var request = try TransportRequest.json(
            .post, url: baseURL + "/trackings",
            body: AfterShipNewTracking(trackingNumber: parcel.trackingNumber, orderID: parcel.orderID),
            isIdempotent: true, resource: "trackings")
        request.acceptedStatuses = [400, 422]
        let response = try await transport.send(request)
        if response.isSuccess {
            guard let tracking = try decode(AfterShipEnvelope<AfterShipTrackingWire>.self, response, request).data
            else {
                throw ConnectorError.decoding(
                    field: "data", reason: "a created tracking without data", transport.errorContext(for: request))
            }
            return .registered(id: tracking.id)
        }
        // The refusal's `data` differs by error; only its code matters here.
        let meta = try decode(AfterShipEnvelope<AfterShipIgnored>.self, response, request).meta
        if meta.code == ErrorCode.alreadyExists, let id = try await find(parcel.trackingNumber) {
            return .registered(id: id)
        }
        return .unknownNumber(reason: "\(meta.code) \(meta.message ?? "refused")")
    }

    /// The id of the tracking with `number`, when the service follows one.
    private func find(_ number: String) async throws -> String? {
        let request = TransportRequest(url: baseURL + "/trackings", resource: "trackings")
            .appendingQuery([("tracking_numbers", number)])
        let response = try await transport.send(request)
        let list = try decode(AfterShipEnvelope<AfterShipTrackingList>.self, response, request)
        return list.data?.trackings.first { $0.trackingNumber == number }?.id
    }

    public func latest(id: String) async throws -> TrackingUpdate? {
        var request = TransportRequest(
            url: baseURL + "/trackings/" + TransportRequest.encode(id), resource: "trackings")
        request.acceptedStatuses = [404]
        let response = try await transport.send(request)
        guard response.status != 404 else { return nil }
        let envelope = try decode(AfterShipEnvelope<AfterShipTrackingWire>.self, response, request)
        return envelope.data?.update(receivedAt: clock.date)
    }

    public func verifyWebhook(body: Data, headers: HeaderFields, secret: Secret) -> Bool {
        // The same scheme as WooCommerce's: base64(HMAC-SHA256(raw body, secret)).
        guard let signature = headers[Self.signatureHeader] else { return false }
        return WooCommerceWebhookSignature.verify(body: body, signature: signature, secret: secret)
    }

    public func decodeWebhook(body: Data) throws -> TrackingUpdate? {
        let wire: AfterShipWebhookWire
        do {
            wire = try JSONDecoder().decode(AfterShipWebhookWire.self, from: body)
        } catch {
            throw ConnectorError.decoding(
                field: "msg", reason: "not an AfterShip webhook body",
                ErrorContext(resource: "trackings", platform: name))
        }
        guard wire.event == nil || wire.event == "tracking_update", let tracking = wire.msg else { return nil }
        return tracking.update(receivedAt: clock.date)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: TransportResponse, _ request: TransportRequest)
        throws -> T
    {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw ConnectorError.decoding(
                field: "data", reason: "the answer is not AfterShip's JSON", transport.errorContext(for: request))
        }
    }
}
