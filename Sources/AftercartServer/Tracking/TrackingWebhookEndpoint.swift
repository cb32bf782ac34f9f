import AftercartConnector
public import AftercartModel
public import AftercartSync
public import Foundation

/// The stores whose tracking service posts status webhooks to
/// `POST /tracking/{service}/{store}`, each with the secret that signs them.
public struct TrackingWebhookEndpoint: Sendable {
    /// One store's follower and `tracking_webhook_secret`.
    public struct Store: Sendable {
        public var follower: TrackingFollower
        /// Without one every delivery is refused.
        public var secret: Secret?

        public init(follower: TrackingFollower, secret: Secret?) {
            self.follower = follower
            self.secret = secret
        }
    }

    let stores: [StoreID: Store]
    let now: @Sendable () -> Date

    public init(_ stores: [Store], now: @escaping @Sendable () -> Date = { Date() }) {
        self.stores = Dictionary(stores.map { ($0.follower.store, $0) }) { _, last in last }
        self.now = now
    }

    /// Verifies, decodes and keeps one delivery; the follow-up (plan → send)
    /// is the caller's, for the order named in the outcome.
    ///
    /// Order of checks: store and service (404), signature (401 before the
    /// body is parsed; nothing is stored), body (422), database (503 so the
    /// service retries).
    func receive(service: String, store: String, headers: HeaderFields, body: Data) async -> (
        WebhookOutcome, changedOrder: String?
    ) {
        guard let entry = stores[StoreID(store)], entry.follower.service.name == service else {
            return (.notFound, nil)
        }
        guard let secret = entry.secret, !secret.isEmpty,
            entry.follower.service.verifyWebhook(body: body, headers: headers, secret: secret)
        else { return (.unauthorized, nil) }
        let update: TrackingUpdate?
        do {
            update = try entry.follower.service.decodeWebhook(body: body)
        } catch {
            return (.unprocessable("\(error)"), nil)
        }
        guard let update else { return (.ignored(topic: "not a tracking update"), nil) }
        do {
            let changed = try await entry.follower.receive(update, now: now())
            return (changed == nil ? .duplicate : .applied(changed: 1, stale: 0), changed)
        } catch {
            return (.unavailable("the database is unavailable; retry later"), nil)
        }
    }
}
