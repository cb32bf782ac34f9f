/// Driving a WooCommerce webhook subscription's delivery outcomes from a test.
extension MockStoreServer {
    /// A webhook subscription's state after one delivery attempt, including
    /// what the platform's REST API never shows (the failure count).
    public struct WebhookDeliveryOutcome: Sendable, Hashable {
        public var delivered: Bool
        public var status: String
        public var failureCount: Int
    }

    /// Delivers one payload to WooCommerce subscription `id` at its own
    /// address, counting a failure as WooCommerce does (the 7th in a row
    /// disables it); `nil` when no such subscription exists.
    public func deliverToWebhookSubscription(id: String, index: Int = 0) async -> WebhookDeliveryOutcome? {
        guard platform == .woocommerce, let emulator = core.emulator, let number = Int64(id),
            let result = await WebhookSubscriptionDelivery.deliver(
                id: number, index: index, emulator: emulator, core: core)
        else { return nil }
        return WebhookDeliveryOutcome(
            delivered: result.delivered, status: result.0.status, failureCount: result.0.failureCount)
    }
}
