import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import AftercartSync
import Logging

/// The stores with a `tracking_service`: a follower each (rounds after
/// sync in `run`) and the webhook endpoint `serve` and `run --server` take
/// their status webhooks at.
enum TrackingWiring {
    /// One follower per store whose adapter has a tracking service configured.
    static func followers(
        _ connectors: [any StoreConnector], database: any Persistence, logger: Logger
    ) -> [(follower: TrackingFollower, secret: Secret?)] {
        guard let events = database as? any RecordStore & ShipmentEventStore else { return [] }
        return connectors.compactMap { connector in
            guard let providing = connector as? any TrackingServiceProviding,
                let service = providing.trackingService
            else { return nil }
            if providing.trackingWebhookSecret == nil {
                logger.warning(
                    "\(connector.store): no tracking_webhook_secret configured; its tracking webhooks will be refused with 401 and only polling reports stages"
                )
            }
            let follower = TrackingFollower(store: connector.store, service: service, database: events, logger: logger)
            return (follower, providing.trackingWebhookSecret)
        }
    }

    /// The webhook endpoint over `followers`; `nil` when no store has a service.
    static func endpoint(_ followers: [(follower: TrackingFollower, secret: Secret?)]) -> TrackingWebhookEndpoint? {
        followers.isEmpty
            ? nil
            : TrackingWebhookEndpoint(
                followers.map { TrackingWebhookEndpoint.Store(follower: $0.follower, secret: $0.secret) })
    }
}
