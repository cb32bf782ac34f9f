public import AftercartModel

/// What happens after a webhook changed records: plan → send for those
/// subjects only. The server calls it after the records are committed,
/// off the request, so the platform gets its answer at once.
public protocol WebhookFollowUp: Sendable {
    /// `ids` of `resource` in `store` were inserted or changed by a webhook.
    func recordsChanged(store: StoreID, resource: ResourceKind, ids: [String]) async
}

/// A ``WebhookFollowUp`` made of a closure.
public struct WebhookFollowUpClosure: WebhookFollowUp {
    private let body: @Sendable (StoreID, ResourceKind, [String]) async -> Void

    /// Calls `body` for every change.
    public init(_ body: @escaping @Sendable (StoreID, ResourceKind, [String]) async -> Void) {
        self.body = body
    }

    public func recordsChanged(store: StoreID, resource: ResourceKind, ids: [String]) async {
        await body(store, resource, ids)
    }
}
