import AftercartModel
import AftercartStore
import Foundation

/// What performing one row came to, before it is recorded.
enum StepResult: Sendable {
    /// Performed; the text is the row's result.
    case done(String)
    /// Not performed because the platform cannot do it (a WooCommerce
    /// customer tag); final like `done`, but nothing was written.
    case skipped(String)
    /// Not performed, may pass later.
    case retry(String, hint: Double?)
    /// Not performed and never will be as written.
    case fail(String)
    /// Waits for other rows; looks again at the date.
    case waiting(String, until: Date)
    /// Performed or not: nobody knows (a send whose outcome was lost).
    case unknown(String)
}

extension DeliveryExecutor {
    /// Writes `step` into the outbox row, as the lease owner.
    func record(_ entry: OutboxEntry, _ step: StepResult) async throws -> (DeliveryReport.Outcome, String) {
        let owner = options.owner
        let moment = now()
        var outcome: DeliveryReport.Outcome
        var detail: String
        var recorded: Bool
        switch step {
        case .done(let result):
            (outcome, detail) = (.done, result)
            recorded = try await outbox.complete(id: entry.id, owner: owner, result: result, now: moment)
        case .skipped(let reason):
            (outcome, detail) = (.skipped, reason)
            recorded = try await outbox.skip(id: entry.id, owner: owner, result: reason, now: moment)
        case .retry(let error, let hint):
            if entry.attempts >= options.maxAttempts {
                (outcome, detail) = (.failed, "gave up after \(entry.attempts) attempts: \(error)")
                recorded = try await outbox.fail(id: entry.id, owner: owner, error: detail, retryAt: nil, now: moment)
            } else {
                let retryAt = moment.addingTimeInterval(options.backoff(afterAttempt: entry.attempts, hint: hint))
                (outcome, detail) = (.retrying, "\(error) (retry at \(Timestamp.format(retryAt)))")
                recorded = try await outbox.fail(
                    id: entry.id, owner: owner, error: error, retryAt: retryAt, now: moment)
            }
        case .fail(let error):
            (outcome, detail) = (.failed, error)
            recorded = try await outbox.fail(id: entry.id, owner: owner, error: error, retryAt: nil, now: moment)
        case .waiting(let reason, let until):
            (outcome, detail) = (.waiting, reason)
            recorded = try await outbox.postpone(id: entry.id, owner: owner, until: until, reason: reason, now: moment)
        case .unknown(let error):
            (outcome, detail) = (.unknown, error)
            recorded = try await outbox.markUnknown(id: entry.id, owner: owner, error: error, now: moment)
        }
        if !recorded {
            outcome = .lostLease
            detail = "another worker took the row over before this one recorded: \(detail)"
        }
        return (outcome, detail)
    }
}
