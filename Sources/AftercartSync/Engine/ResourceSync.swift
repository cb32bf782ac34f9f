import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation
import Logging

/// One resource of one store: read pages from the cursor, commit each with
/// the cursor after it, and report.
struct ResourceSync {
    let persistence: any Persistence
    let connector: any StoreConnector
    let resource: ResourceKind
    let full: Bool
    let pageConcurrency: Int
    let now: @Sendable () -> Date
    let logger: Logger
    let lease: LeaseKeeper

    var store: StoreID { connector.store }

    func run(stop: SyncStopSignal, progress: @Sendable (SyncProgress) -> Void) async -> ResourceSyncReport {
        let started = ContinuousClock.now
        var report = ResourceSyncReport(store: store, resource: resource, outcome: .completed)
        guard connector.capabilities.readable.contains(resource) else {
            report.outcome = .unsupported
            return report
        }
        // A full run keeps the ids it saw, to mark the rest vanished afterwards.
        var seen: Set<String>? = full ? [] : nil
        do {
            try await retryRejects(&report)
            let start = try await startingCursor()
            var lastCursor = start
            // Pagers made by `read` fetch this many pages ahead; commits stay in order.
            let pages = PagePrefetch.$concurrency.withValue(pageConcurrency) {
                connector.read(resource, since: start)
            }
            for try await page in pages {
                // Before the commit that moves the cursor past them, so a
                // crash in between reads them again rather than losing them.
                if !page.vanished.isEmpty {
                    report.vanished += try await persistence.markVanished(
                        resource, store: store, platformIDs: page.vanished, at: now())
                }
                let update = CheckpointUpdate(
                    store: store, resource: resource, cursor: try page.cursor.jsonString(), at: now(),
                    completesRun: !page.progress.hasMore)
                let result = try await commit(page.records, rejects: page.rejected, update)
                lastCursor = page.cursor
                report.pages += 1
                report.rejected += page.rejected.count
                report.records += page.records.count
                report.changed += result.inserted + result.updated
                SyncMetrics.committed(store: store, resource: resource, records: page.records.count)
                if seen != nil {
                    for record in page.records.anyRecords { seen?.insert(record.platformID) }
                    // A rejected record is still in the store: malformed, not gone.
                    for reject in page.rejected { seen?.insert(reject.id) }
                }
                progress(
                    SyncProgress(
                        store: store, resource: resource, pages: report.pages, records: report.records,
                        totalPages: page.progress.totalPages, totalRecords: page.progress.totalRecords,
                        elapsed: (ContinuousClock.now - started).secondsValue))
                if await lease.isLost {
                    throw SyncInterruption.leaseLost
                }
                if page.progress.hasMore, await stop.isStopped {
                    report.outcome = .stopped
                    break
                }
            }
            if report.pages == 0 {
                // Nothing changed: still record the successful run, cursor as it was.
                let cursorText = try (lastCursor ?? SyncCursor()).completed().jsonString()
                _ = try await commit(
                    .empty(resource), rejects: [],
                    CheckpointUpdate(
                        store: store, resource: resource, cursor: cursorText, at: now(), completesRun: true))
            }
            if let seen, report.outcome == .completed {
                report.vanished += try await markVanished(except: seen)
                try await persistence.recordReconciliation(store: store, resource: resource, at: now())
            }
        } catch ConnectorError.unsupported {
            // The adapter learned on this read that the store cannot serve the
            // resource (a Shopify token without its scope): skipped, not failed.
            logger.warning(
                "resource unsupported by this store's grant; skipped",
                metadata: ["store": "\(store)", "resource": "\(resource)"])
            report.outcome = .unsupported
        } catch is CancellationError {
            // The process is shutting down mid-page: nothing failed, and the
            // checkpoint of the last committed page is where the next run resumes.
            logger.info("stopped by shutdown", metadata: ["store": "\(store)", "resource": "\(resource)"])
            report.outcome = .stopped
        } catch {
            let message = describe(error)
            logger.error("\(message)", metadata: ["store": "\(store)", "resource": "\(resource)"])
            try? await persistence.recordSyncFailure(store: store, resource: resource, error: message, at: now())
            report.outcome = .failed(message)
            if case .unreachable? = error as? ConnectorError { report.storeUnreachable = true }
        }
        report.seconds = (ContinuousClock.now - started).secondsValue
        SyncMetrics.finished(store: store, resource: resource, seconds: report.seconds, failed: report.isFailure)
        return report
    }

    private func startingCursor() async throws -> SyncCursor? {
        guard !full, let text = try await persistence.checkpoint(store: store, resource: resource)?.cursor else {
            return nil
        }
        do {
            return try SyncCursor(jsonString: text)
        } catch {
            // A cursor this binary cannot read is not worth failing over: read everything once.
            logger.warning(
                "unreadable cursor; re-reading everything", metadata: ["store": "\(store)", "resource": "\(resource)"])
            return nil
        }
    }

    private func commit(_ batch: RecordBatch, rejects: [RejectedRecord], _ update: CheckpointUpdate) async throws
        -> PageCommitResult
    {
        switch batch {
        case .orders(let records):
            return try await persistence.commitPage(records, rejects: rejects, checkpoint: update)
        case .customers(let records):
            return try await persistence.commitPage(records, rejects: rejects, checkpoint: update)
        case .coupons(let records):
            return try await persistence.commitPage(records, rejects: rejects, checkpoint: update)
        case .loyalty(let records):
            return try await persistence.commitPage(records, rejects: rejects, checkpoint: update)
        case .reviews(let records):
            return try await persistence.commitPage(records, rejects: rejects, checkpoint: update)
        }
    }

    /// Marks stored records that a complete full read did not return.
    private func markVanished(except seen: Set<String>) async throws -> Int {
        var missing: [String] = []
        for try await payload in persistence.allPayloads(resource, store: store, includeVanished: false)
        where !seen.contains(payload.key.platformID) {
            missing.append(payload.key.platformID)
        }
        guard !missing.isEmpty else { return 0 }
        return try await persistence.markVanished(resource, store: store, platformIDs: missing, at: now())
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case let error as ConnectorError:
            return error.description
        case SyncInterruption.leaseLost:
            return "\(store) \(resource): another process took over this store's sync lease; this run stopped"
        default:
            return "\(store) \(resource): \(error)"
        }
    }
}

enum SyncInterruption: Error {
    case leaseLost
}

extension Duration {
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
