/// A row the executor now holds, as returned by ``OutboxStore/claimDue(owner:limit:leaseFor:now:)``.
public struct OutboxClaim: Sendable, Hashable {
    /// The row after the claim: `leased` to the claiming owner, attempts counted.
    public var entry: OutboxEntry
    /// The owner whose lease had expired when this row was taken over, or
    /// `nil` when the row was pending.
    ///
    /// A takeover means an earlier worker may have performed the action and
    /// died before recording it: an email must then be marked `unknown`
    /// rather than sent twice; coupon creation looks the code up first.
    public var expiredOwner: String?

    /// Creates a claim.
    public init(entry: OutboxEntry, expiredOwner: String?) {
        self.entry = entry
        self.expiredOwner = expiredOwner
    }

    /// Whether the row was taken over from an expired lease.
    public var isTakeover: Bool { expiredOwner != nil }
}
