/// The outbox's state machine as data: each change of state an operation
/// may make, from which states, and whether only the lease owner may make it.
///
/// ``OutboxState`` draws the picture; this table is what the SQL core
/// enforces, once for both databases, in the `WHERE` of one `UPDATE`.
struct OutboxTransition: Sendable {
    /// What the operation is called in messages ("completing outbox action #4").
    let verb: String
    /// The states the row may be in.
    let from: [OutboxState]
    /// The state it moves to.
    let to: OutboxState
    /// Whether only the worker holding the row's live or expired lease may
    /// make it (a worker's transitions); an operator's need no lease.
    let byLeaseOwner: Bool

    /// A worker performed the action.
    static let complete = OutboxTransition(verb: "completing", from: [.leased], to: .done, byLeaseOwner: true)
    /// A worker found the action impossible on the platform; nothing was written.
    static let skip = OutboxTransition(verb: "skipping", from: [.leased], to: .skipped, byLeaseOwner: true)
    /// A worker failed and will try again later.
    static let reschedule = OutboxTransition(verb: "rescheduling", from: [.leased], to: .pending, byLeaseOwner: true)
    /// A worker failed for good.
    static let fail = OutboxTransition(verb: "failing", from: [.leased], to: .failed, byLeaseOwner: true)
    /// A worker can't tell whether the action happened.
    static let markUnknown = OutboxTransition(
        verb: "marking unknown", from: [.leased], to: .unknown, byLeaseOwner: true)
    /// A worker gives the row back to wait for another action.
    static let postpone = OutboxTransition(verb: "postponing", from: [.leased], to: .pending, byLeaseOwner: true)
    /// An operator retries a row that failed or whose outcome is unknown.
    static let requeue = OutboxTransition(
        verb: "requeueing", from: [.failed, .unknown], to: .pending, byLeaseOwner: false)
    /// An operator drops a row that has not been done.
    static let cancel = OutboxTransition(
        verb: "cancelling", from: [.pending, .failed, .unknown], to: .cancelled, byLeaseOwner: false)
}
