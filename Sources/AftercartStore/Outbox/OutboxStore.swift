public import AftercartModel
public import Foundation

/// The outbox: planned actions with idempotency keys and leases, so any
/// worker may die mid-action and another takes over after the lease lapses.
///
/// State changes by a worker (`complete`, `fail`, `markUnknown`) apply only
/// while that worker holds the row's lease; they return `false` when another
/// worker has taken the row over, and the caller must not report success.
public protocol OutboxStore: Sendable {
    /// Adds each entry whose idempotency key is new, as `pending`, in one
    /// transaction.
    ///
    /// - Returns: for each entry, `true` when it was added and `false` when
    ///   its key already existed (whatever that row's state): a key that
    ///   exists is never planned again.
    func enqueue(_ entries: [NewOutboxEntry], now: Date) async throws -> [Bool]

    /// The row with `idempotencyKey`, or `nil` (for `plan --dry-run`).
    func outboxEntry(idempotencyKey: String) async throws -> OutboxEntry?

    /// The row with `id`, or `nil`.
    func outboxEntry(id: Int64) async throws -> OutboxEntry?

    /// Leases up to `limit` due rows to `owner` until `now + leaseFor`: rows
    /// `pending` with `notBefore <= now`, and rows `leased` whose lease
    /// expired. Oldest `notBefore` first. Each claim counts an attempt.
    /// An expired row marked with ``markSending(id:owner:now:)`` is never
    /// claimed: it becomes `unknown`.
    func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date) async throws -> [OutboxClaim]

    /// Records, durably and before anything leaves the machine, that
    /// `owner` starts sending its leased row (an email).
    ///
    /// If the lease then expires without ``complete(id:owner:result:now:)``
    /// or ``fail(id:owner:error:retryAt:now:)``, the worker died mid-send:
    /// the next claim turns the row `unknown` instead of sending it again.
    ///
    /// - Returns: `false` when `owner` no longer holds a live lease (do not send).
    @discardableResult
    func markSending(id: Int64, owner: String, now: Date) async throws -> Bool

    /// Extends `owner`'s live leases on the rows `ids` to `now + leaseFor`,
    /// so a batch that takes longer than one lease is not taken over while
    /// it is being worked on.
    ///
    /// - Returns: the ids `owner` still holds; a row missing from it was
    ///   taken over (its lease ran out) and must not be performed.
    func renewClaims(ids: [Int64], owner: String, leaseFor: TimeInterval, now: Date) async throws -> Set<Int64>

    /// Turns every leased row that was marked sending and whose lease has
    /// expired into `unknown`, and returns those rows.
    /// ``claimDue(owner:limit:leaseFor:now:)`` does the same before it
    /// claims, so such a row is never claimed.
    func expireInterruptedSends(now: Date) async throws -> [OutboxEntry]

    /// Every worker that holds `leased` rows, live or expired, by owner:
    /// for `status`, and to find the rows of a worker that died.
    func outboxLeases() async throws -> [OutboxLease]

    /// Ends `owner`'s live leases at `now`, so the next claim takes its rows
    /// over at once instead of after the lease: for an owner known to be
    /// dead (a killed process on this host). A row it had marked sending
    /// then becomes `unknown`, as after any lapsed lease.
    ///
    /// - Returns: how many leases ended.
    @discardableResult
    func expireOutboxLeases(owner: String, now: Date) async throws -> Int

    /// Like ``claimDue(owner:limit:leaseFor:now:)``, restricted to rows of
    /// `stores` when it is not `nil` (`aftercart send --store`).
    func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date, stores: Set<StoreID>?) async throws
        -> [OutboxClaim]

    /// Gives `owner`'s leased row back as `pending` until `until`, without
    /// counting the claim as an attempt: the action waits for another one
    /// (an email for the coupon it names). `reason` is kept as the row's
    /// last error so `status` says what it waits for.
    @discardableResult
    func postpone(id: Int64, owner: String, until: Date, reason: String, now: Date) async throws -> Bool

    /// Marks `owner`'s leased row `done` with the action's `result`.
    @discardableResult
    func complete(id: Int64, owner: String, result: String?, now: Date) async throws -> Bool

    /// Marks `owner`'s leased row `skipped` with the reason in `result`: the
    /// platform cannot do the action, nothing was written, and the row is
    /// final like a `done` one (never claimed again).
    @discardableResult
    func skip(id: Int64, owner: String, result: String, now: Date) async throws -> Bool

    /// Records a failure of `owner`'s leased row: back to `pending` until
    /// `retryAt`, or `failed` for good when `retryAt` is `nil`.
    @discardableResult
    func fail(id: Int64, owner: String, error: String, retryAt: Date?, now: Date) async throws -> Bool

    /// Marks `owner`'s leased row `unknown`: the action may or may not have
    /// happened (an email whose send outcome is unknown). It is never
    /// retried automatically and `status` shows it.
    @discardableResult
    func markUnknown(id: Int64, owner: String, error: String, now: Date) async throws -> Bool

    /// An operator's decision to retry a `failed` or `unknown` row at `at`.
    @discardableResult
    func requeue(id: Int64, at: Date, now: Date) async throws -> Bool

    /// An operator's decision to drop a `pending`, `failed` or `unknown` row.
    @discardableResult
    func cancel(id: Int64, now: Date) async throws -> Bool

    /// How many rows are in each state; every state is present, zero included.
    func outboxCounts() async throws -> [OutboxState: Int]

    /// Up to `limit` rows with an id greater than `after`, in id order (for
    /// `export actions`).
    func outboxPage(after: Int64?, limit: Int) async throws -> [OutboxEntry]

    /// Up to `limit` rows in `state`, oldest first (for `status` to list the
    /// `unknown` and `failed` ones an operator must look at).
    func outboxEntries(in state: OutboxState, limit: Int) async throws -> [OutboxEntry]
}

extension OutboxStore {
    /// Claims due rows of every store.
    public func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date) async throws -> [OutboxClaim] {
        try await claimDue(owner: owner, limit: limit, leaseFor: leaseFor, now: now, stores: nil)
    }

    /// Adds `entry` unless its idempotency key exists.
    ///
    /// - Returns: `false` when the key already existed.
    @discardableResult
    public func enqueue(_ entry: NewOutboxEntry, now: Date) async throws -> Bool {
        try await enqueue([entry], now: now).first ?? false
    }

    /// Every outbox row once, in id order, read `pageSize` at a time.
    public func allOutboxEntries(pageSize: Int = 500) -> PagedSequence<OutboxEntry, Int64> {
        PagedSequence { after in
            let entries = try await self.outboxPage(after: after, limit: pageSize)
            return (entries, entries.count < pageSize ? nil : entries.last?.id)
        }
    }
}
