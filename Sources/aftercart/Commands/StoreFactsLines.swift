import AftercartConnector
import AftercartServer
import Foundation

/// `check`'s lines about what the store said of the key and of its webhook
/// subscriptions, beside the adapter's capabilities.
enum StoreFactsLines {
    /// The key's permission as the store answered the write probe.
    static func permission(_ facts: StoreFacts) -> String? {
        switch facts.writePermission {
        case .readWrite?:
            return "key permission: read and write"
        case .readOnly?:
            let said = facts.writePermissionMessage.map { " — the store says \"\($0)\"" } ?? ""
            return "key permission: read only\(said); every write (coupons, notes, meta) is switched off"
        case nil:
            return nil
        }
    }

    /// The warning for a subscription the store does not deliver to; `nil`
    /// when it is active. `check` and `status` both say it.
    static func inactive(_ subscription: WebhookSubscription) -> String? {
        guard !subscription.isActive else { return nil }
        return "webhook \(subscription.topic) → \(subscription.address) is \(subscription.status ?? "active"): the "
            + "store does not deliver to it (a store disables a webhook after repeated failed deliveries); "
            + "run 'aftercart check --register-webhooks' to re-activate it"
    }

    /// The capability lines, with `webhooks: yes` replaced by what the store's
    /// subscriptions really are, plus a warning per followed topic that no
    /// active subscription delivers.
    ///
    /// - Parameter address: where this server receives the store's webhooks
    ///   (`[server] public_url`); without it, a subscription at any address counts.
    static func capabilities(
        _ connector: any StoreConnector, facts: StoreFacts, address: String?
    ) -> (lines: [String], warnings: [String]) {
        var lines = connector.capabilities.summary
        guard connector.capabilities.webhooks, let decoding = connector as? any WebhookDecoding,
            let listed = facts.webhooks, let index = lines.firstIndex(where: { $0.hasPrefix("webhooks:") })
        else { return (lines, []) }
        let topics = decoding.webhookTopics
        let relevant = listed.filter { topics.contains($0.topic) && (address == nil || $0.address == address) }
        let activeTopics = Set(relevant.filter(\.isActive).map(\.topic))
        let covered = topics.filter(activeTopics.contains).count
        var webhookLines = [
            "webhooks: \(covered) of \(topics.count) followed topics have an active subscription"
                + (address.map { " at \($0)" } ?? "")
        ]
        var warnings: [String] = []
        for subscription in relevant {
            webhookLines.append(
                "  \(subscription.topic) → \(subscription.address) (\(subscription.status ?? "active"))")
            if let warning = inactive(subscription) { warnings.append(warning) }
        }
        let missing = topics.filter { topic in !relevant.contains { $0.topic == topic } }
        if !missing.isEmpty {
            warnings.append(
                "no webhook for \(missing.joined(separator: ", "))\(address.map { " at \($0)" } ?? ""): changes "
                    + "arrive only with the next sync; run 'aftercart check --register-webhooks'")
        }
        lines.replaceSubrange(index...index, with: webhookLines)
        return (lines, warnings)
    }
}
