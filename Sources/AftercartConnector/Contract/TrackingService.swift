public import AftercartModel
public import Foundation

/// A parcel to follow at a carrier-tracking service: the order it belongs
/// to and the tracking number the store synced.
public struct TrackedParcel: Sendable, Hashable {
    public var orderID: String
    public var trackingNumber: String
    /// The carrier as the store named it (`"Yamato"`); a hint only, the
    /// service detects the carrier itself.
    public var carrier: String?

    public init(orderID: String, trackingNumber: String, carrier: String? = nil) {
        self.orderID = orderID
        self.trackingNumber = trackingNumber
        self.carrier = carrier
    }
}

/// What a tracking service says about one parcel, in the model's stages.
public struct TrackingUpdate: Sendable, Hashable {
    public var trackingNumber: String
    /// The order id the parcel was registered with, when the service echoes it.
    public var orderID: String?
    /// `nil` while the service knows the parcel but has no stage the model
    /// names (AfterShip's `Pending`, `Expired`).
    public var stage: ShipmentStatus?
    /// When the stage happened, as the carrier dates it.
    public var at: Date

    public init(trackingNumber: String, orderID: String?, stage: ShipmentStatus?, at: Date) {
        self.trackingNumber = trackingNumber
        self.orderID = orderID
        self.stage = stage
        self.at = at
    }
}

/// How a service answered the registration of a parcel.
public enum TrackingRegistration: Sendable, Hashable {
    /// Followed from now on; `id` is the service's handle for it.
    case registered(id: String)
    /// The service refuses the number (no carrier recognises it): it is
    /// remembered as such and not offered again.
    case unknownNumber(reason: String)
}

/// A carrier-tracking service (AfterShip and the like): turns tracking
/// numbers into stage events, by signed webhooks and by polling.
///
/// Pacing within the service's rate limit, retries and `Retry-After` are the
/// transport's; the service states endpoints and mappings.
public protocol TrackingService: Sendable {
    /// The config name (`aftership`), also the path segment of its webhook
    /// route `/tracking/{name}/{store}`.
    var name: String { get }

    /// Asks the service to follow `parcel`. A parcel the service already
    /// follows answers ``TrackingRegistration/registered(id:)`` too.
    func register(_ parcel: TrackedParcel) async throws -> TrackingRegistration

    /// The parcel's current stage; `nil` when the service does not know the id.
    func latest(id: String) async throws -> TrackingUpdate?

    /// Whether `body`, exactly as received, carries a valid signature by
    /// `secret`, compared in constant time; `false` without one.
    func verifyWebhook(body: Data, headers: HeaderFields, secret: Secret) -> Bool

    /// The update a verified delivery carries; `nil` for a delivery that is
    /// not about a tracking's stage.
    ///
    /// - Throws: ``ConnectorError/decoding`` when the body does not map.
    func decodeWebhook(body: Data) throws -> TrackingUpdate?
}

/// An optional capability of an adapter: the tracking service configured
/// for its store (`tracking_service`), or `nil` when none is.
public protocol TrackingServiceProviding: StoreConnector {
    var trackingService: (any TrackingService)? { get }
    /// `tracking_webhook_secret`, which signs the service's webhooks.
    var trackingWebhookSecret: Secret? { get }
}
