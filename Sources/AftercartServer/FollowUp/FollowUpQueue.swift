import AftercartModel
import AftercartStore
import Foundation
import Logging
import ServiceLifecycle

/// Runs the follow-ups of applied webhooks one at a time, in arrival order,
/// outside the requests; on graceful shutdown it finishes what is queued.
///
/// Also forgets webhook deliveries older than the retention when it starts:
/// platforms stop retrying after hours (Shopify: 4), so a week is ample.
final class FollowUpQueue: Service {
    struct Job: Sendable {
        let store: StoreID
        let resource: ResourceKind
        let ids: [String]
    }

    private let followUp: (any WebhookFollowUp)?
    private let inbox: any WebhookInbox
    private let retention: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let stream: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation

    init(
        followUp: (any WebhookFollowUp)?, inbox: any WebhookInbox, retention: TimeInterval,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.followUp = followUp
        self.inbox = inbox
        self.retention = retention
        self.now = now
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: Job.self)
    }

    /// Queues the follow-up of one applied delivery; nothing when no
    /// follow-up is wired.
    func enqueue(store: StoreID, changed: [ResourceKind: [String]]) {
        guard followUp != nil else { return }
        for (resource, ids) in changed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !ids.isEmpty {
            continuation.yield(Job(store: store, resource: resource, ids: ids))
        }
    }

    func run() async throws {
        do {
            let forgotten = try await inbox.pruneWebhookDeliveries(receivedBefore: now().addingTimeInterval(-retention))
            if forgotten > 0 { logger.debug("old webhook deliveries forgotten", metadata: ["count": "\(forgotten)"]) }
        } catch {
            logger.warning("could not forget old webhook deliveries", metadata: ["error": "\(error)"])
        }
        let continuation = self.continuation
        await withGracefulShutdownHandler {
            for await job in stream {
                await followUp?.recordsChanged(store: job.store, resource: job.resource, ids: job.ids)
            }
        } onGracefulShutdown: {
            continuation.finish()
        }
    }
}
