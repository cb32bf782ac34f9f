/// Where an outbox action is in its life.
///
/// ```
/// pending ──claim──► leased ──complete──► done
///    ▲                 │ ├──skip────────────► skipped  (the platform cannot do it: final, like done)
///    ▲                 │ ├──fail(retryAt:)──► pending (later)
///    │                 │ ├──fail(nil)───────► failed
///    │                 │ └──markUnknown─────► unknown   (outcome unknown: never retried by itself)
///    └─requeue── failed / unknown;   pending / failed / unknown ──cancel──► cancelled
/// ```
/// A `leased` row whose lease expired is claimed again like a pending one.
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case leased
    case done
    case failed
    case unknown
    case cancelled
    /// Final without effect: the store cannot do what the row asks (a
    /// WooCommerce customer tag, a consent field the store lacks).
    case skipped
}
