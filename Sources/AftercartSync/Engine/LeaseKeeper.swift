import AftercartStore
import Foundation

/// Keeps a lease alive while work runs, renewing it in the background at a
/// third of its lifetime, and notices when it was lost to another process.
actor LeaseKeeper {
    private let persistence: any Persistence
    private let name: String
    private let owner: String
    private let ttl: TimeInterval
    private let now: @Sendable () -> Date
    private(set) var isLost = false

    init(
        persistence: any Persistence, name: String, owner: String, ttl: TimeInterval,
        now: @escaping @Sendable () -> Date
    ) {
        self.persistence = persistence
        self.name = name
        self.owner = owner
        self.ttl = ttl
        self.now = now
    }

    /// Runs `work` while a background task renews the lease.
    nonisolated func holding<T: Sendable>(_ work: @Sendable () async -> T) async -> T {
        let renewal = Task { await self.renewUntilCancelled() }
        let result = await work()
        renewal.cancel()
        await renewal.value
        return result
    }

    private func renewUntilCancelled() async {
        let interval = max(ttl / 3, 0.05)
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            if Task.isCancelled { return }
            do {
                if try await !persistence.renewLease(name: name, owner: owner, ttl: ttl, now: now()) {
                    isLost = true
                    return
                }
            } catch {
                // A failed renewal is retried next interval; the lease only lapses after ttl.
                continue
            }
        }
    }
}
