import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation
import Logging

extension ResourceSync {
    /// Rejects of one resource read again by id in one run, at the most.
    static let maximumRereads = 100

    /// Reads every recorded reject of this resource again by id, before the
    /// walk: one that maps now is stored and its reject cleared, one the
    /// store no longer has (404) or skips is cleared, one still malformed
    /// counts one more attempt (``ResourceSyncReport/rejected``); the
    /// cleared ones count in ``ResourceSyncReport/recovered``.
    ///
    /// A failure here does not fail the resource: the rejects stay
    /// recorded, the walk runs, and a record that comes back well-formed
    /// in a page clears its reject there.
    ///
    /// At most ``maximumRereads`` per run, those seen longest ago first, so
    /// a store with thousands of malformed records does not spend every run
    /// on them; a re-read moves a reject's last sighting, so the rest come
    /// in turn.
    func retryRejects(_ report: inout ResourceSyncReport) async throws {
        let pending = try await persistence.rejects(store: store, resource: resource)
            .sorted { $0.lastSeenAt < $1.lastSeenAt }
            .prefix(Self.maximumRereads)
            .map(\.platformID)
        guard !pending.isEmpty else { return }
        var index = 0
        do {
            for try await page in connector.read(resource, ids: pending) {
                guard index < pending.count else { break }
                let id = pending[index]
                index += 1
                if !page.vanished.isEmpty {
                    report.vanished += try await persistence.markVanished(
                        resource, store: store, platformIDs: page.vanished, at: now())
                }
                let stillRejected = page.rejected
                report.rejected += stillRejected.count
                report.recovered += try await persistence.settleRejects(
                    page.records.anyRecords, of: resource, rejects: stillRejected,
                    cleared: stillRejected.isEmpty ? [id] : [], store: store, at: now())
            }
        } catch ConnectorError.unsupported {
            logger.debug(
                "rejected records cannot be read by id here; they clear when a page brings them back well-formed",
                metadata: ["store": "\(store)", "resource": "\(resource)"])
        } catch let error as ConnectorError {
            logger.warning(
                "reading rejected records again failed; they stay recorded",
                metadata: ["store": "\(store)", "resource": "\(resource)", "error": "\(error.description)"])
        }
    }
}
