public import AftercartConnector
public import AftercartModel
public import Foundation

/// Subscribes a store to every topic the server follows, at the public
/// address of its webhook route, without duplicating what exists.
public enum WebhookRegistration {
    /// What a store has after ``ensure(_:publicURL:secret:)``.
    public struct Report: Sendable {
        /// The address deliveries go to.
        public var address: String
        /// Active subscriptions that already pointed there.
        public var existing: [WebhookSubscription]
        /// Subscriptions that pointed there but that the store had switched
        /// off (disabled after failed deliveries, paused), active again now.
        public var reactivated: [WebhookSubscription] = []
        /// Subscriptions created now.
        public var created: [WebhookSubscription]
        /// Every subscription on the store, for the listing.
        public var all: [WebhookSubscription]
    }

    /// `publicURL` + `/webhooks/{platform}/{store}`.
    public static func address(publicURL: URL, platform: String, store: StoreID) -> String {
        var base = publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/webhooks/\(platform)/\(store.rawValue)"
    }

    /// Lists the store's subscriptions, re-activates those at this server's
    /// address that the store switched off, and creates those missing for
    /// ``WebhookDecoding/webhookTopics``.
    public static func ensure(
        _ connector: any WebhookRegistering & WebhookDecoding, publicURL: URL, secret: Secret
    ) async throws -> Report {
        let address = address(publicURL: publicURL, platform: connector.platform, store: connector.store)
        var all = try await connector.listWebhooks()
        let matching = all.filter { $0.address == address && connector.webhookTopics.contains($0.topic) }
        // One active subscription per topic is enough; a switched-off one is
        // re-activated only when no active one covers its topic.
        let existing = matching.filter(\.isActive)
        var present = Set(existing.map(\.topic))
        var reactivated: [WebhookSubscription] = []
        for subscription in matching where !subscription.isActive && !present.contains(subscription.topic) {
            let active = try await connector.activateWebhook(id: subscription.id)
            reactivated.append(active)
            present.insert(subscription.topic)
            if let index = all.firstIndex(where: { $0.id == subscription.id }) { all[index] = active }
        }
        var created: [WebhookSubscription] = []
        for topic in connector.webhookTopics where !present.contains(topic) {
            created.append(try await connector.registerWebhook(topic: topic, address: address, secret: secret))
        }
        return Report(
            address: address, existing: existing, reactivated: reactivated, created: created, all: all + created)
    }
}
