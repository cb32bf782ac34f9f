public import AftercartModel
public import Foundation
public import Logging

/// After a store's sync, one round at its tracking service (new parcels
/// registered, quiet ones polled), then the inner step (plan → send), so
/// the plan sees the stages the round brought.
public struct TrackingFollowStep: PostSyncStep {
    let inner: any PostSyncStep
    let followers: [StoreID: TrackingFollower]
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        inner: any PostSyncStep, followers: [TrackingFollower], logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.inner = inner
        self.followers = Dictionary(followers.map { ($0.store, $0) }) { first, _ in first }
        self.logger = logger
        self.now = now
    }

    public func afterSync(store: StoreID, report: StoreSyncReport) async {
        if let follower = followers[store] {
            do {
                let round = try await follower.followRound(now: now())
                logger.info(
                    "tracking service round",
                    metadata: [
                        "store": "\(store)", "registered": "\(round.registered)", "refused": "\(round.refused)",
                        "polled": "\(round.polled)", "recorded": "\(round.recorded)",
                    ])
            } catch {
                // The rest waits for the next round; planning goes on with what is stored.
                logger.warning("tracking service round stopped", metadata: ["store": "\(store)", "error": "\(error)"])
            }
        }
        await inner.afterSync(store: store, report: report)
    }
}
