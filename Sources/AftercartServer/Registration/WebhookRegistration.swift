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
        /// Subscriptions that already pointed there.
        public var existing: [WebhookSubscription]
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

    /// Lists the store's subscriptions and creates those missing for
    /// ``WebhookDecoding/webhookTopics`` at this server's address.
    public static func ensure(
        _ connector: any WebhookRegistering & WebhookDecoding, publicURL: URL, secret: Secret
    ) async throws -> Report {
        let address = address(publicURL: publicURL, platform: connector.platform, store: connector.store)
        let before = try await connector.listWebhooks()
        let existing = before.filter { $0.address == address && connector.webhookTopics.contains($0.topic) }
        let present = Set(existing.map(\.topic))
        var created: [WebhookSubscription] = []
        for topic in connector.webhookTopics where !present.contains(topic) {
            created.append(try await connector.registerWebhook(topic: topic, address: address, secret: secret))
        }
        return Report(address: address, existing: existing, created: created, all: before + created)
    }
}
