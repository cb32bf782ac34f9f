import AftercartConnector
import Foundation

/// Paces GraphQL Admin API calls by calculated query cost, from what Shopify reports in
/// `extensions.cost.throttleStatus` (`maximumAvailable`, `currentlyAvailable`,
/// `restoreRate`): a query waits until the points it is expected to cost have been
/// restored, instead of being refused with `THROTTLED`.
///
/// The expected cost of an operation is its last `requestedQueryCost` (Shopify reserves
/// the requested cost before running a query and refunds the unused part afterwards), or
/// the caller's estimate before the first answer. Nothing is known before the first
/// answer, so the first query is sent at once.
actor ShopifyGraphQLThrottle {
    /// What one answer said about the bucket.
    struct Status: Sendable, Equatable {
        var maximumAvailable: Double
        var currentlyAvailable: Double
        var restoreRate: Double
    }

    private let clock: any TransportClock
    private var status: Status?
    /// When ``status`` was observed, on ``clock``.
    private var observedAt: Duration = .zero
    private var requestedCosts: [String: Int] = [:]

    init(clock: any TransportClock) {
        self.clock = clock
    }

    /// Points available now by the last report plus what has been restored since.
    var available: Double? {
        guard let status else { return nil }
        let elapsed = Self.seconds(clock.now - observedAt)
        return min(status.maximumAvailable, status.currentlyAvailable + max(0, elapsed) * status.restoreRate)
    }

    /// The points `operation` is expected to cost.
    func expectedCost(of operation: String, estimate: Int) -> Int { requestedCosts[operation] ?? estimate }

    /// Waits until `operation` fits in the bucket and reserves its expected cost, so a
    /// second caller queues behind the first instead of both spending the same points.
    func acquire(_ operation: String, estimate: Int) async throws {
        try Task.checkCancellation()
        guard var status, status.restoreRate > 0, let current = available else { return }
        // A query can never need more than the whole bucket (Shopify refuses larger ones itself).
        let cost = min(Double(expectedCost(of: operation, estimate: estimate)), status.maximumAvailable)
        status.currentlyAvailable = current - cost
        self.status = status
        observedAt = clock.now
        guard current < cost else { return }
        try await clock.sleep(for: .nanoseconds(Int64(((cost - current) / status.restoreRate * 1e9).rounded(.up))))
    }

    /// Learns from an answer: the bucket as Shopify sees it after this query, and what the
    /// operation asks for.
    func observe(_ operation: String, requestedCost: Int?, status reported: Status?) {
        if let requestedCost, requestedCost > 0 { requestedCosts[operation] = requestedCost }
        guard let reported else { return }
        status = reported
        observedAt = clock.now
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, atto) = duration.components
        return Double(whole) + Double(atto) / 1e18
    }
}
