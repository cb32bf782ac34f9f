import AftercartModel
import AftercartSync
import Foundation

/// The lines `aftercart sync` prints when it is done: one per store and resource.
enum SyncSummary {
    static func lines(_ reports: [StoreSyncReport]) -> [String] {
        var lines: [String] = []
        for report in reports {
            switch report.outcome {
            case .alreadyRunning(let owner):
                lines.append("\(report.store): already being synced by \(owner ?? "another process"); skipped")
                continue
            case .failed(let message):
                lines.append("\(report.store): failed: \(message)")
                continue
            case .completedElsewhere(let date):
                lines.append("\(report.store): synced by another worker at \(Timestamp.format(date)); skipped")
                continue
            case .synced:
                break
            }
            for resource in report.resources {
                lines.append(line(resource))
            }
        }
        return lines
    }

    static func line(_ report: ResourceSyncReport) -> String {
        let name = "\(report.store) \(report.resource)"
        let counts = "\(report.pages) pages, \(report.records) records (\(report.changed) new or changed)"
        let rate = report.seconds > 0 ? Double(report.records) / report.seconds : 0
        let timing = "in \(duration(report.seconds)) (\(Int(rate.rounded())) records/s)"
        switch report.outcome {
        case .completed:
            let vanished = report.vanished > 0 ? ", \(report.vanished) marked vanished" : ""
            return "\(name): synced \(counts)\(vanished)\(rejects(report)) \(timing)"
        case .stopped:
            return "\(name): stopped after \(counts)\(rejects(report)) \(timing); the next run resumes there"
        case .unsupported:
            return "\(name): not available from this store's adapter; skipped"
        case .failed(let message):
            return "\(name): FAILED after \(counts): \(message)"
        }
    }

    /// `, rejected N (listed by aftercart status), M earlier rejects recovered`, each part when not zero.
    static func rejects(_ report: ResourceSyncReport) -> String {
        var text = report.rejected > 0 ? ", rejected \(report.rejected) (listed by aftercart status)" : ""
        if report.recovered > 0 { text += ", \(report.recovered) earlier rejects recovered" }
        return text
    }

    static func json(_ reports: [StoreSyncReport]) -> String {
        var stores: [[String: Any]] = []
        for report in reports {
            var object: [String: Any] = ["store": report.store.rawValue]
            switch report.outcome {
            case .synced: object["outcome"] = "synced"
            case .alreadyRunning(let owner):
                object["outcome"] = "already_running"
                object["owner"] = owner ?? NSNull()
            case .failed(let message):
                object["outcome"] = "failed"
                object["error"] = message
            case .completedElsewhere(let date):
                object["outcome"] = "completed_elsewhere"
                object["completed_at"] = Timestamp.format(date)
            }
            object["resources"] = report.resources.map { resource -> [String: Any] in
                var entry: [String: Any] = [
                    "resource": resource.resource.rawValue, "pages": resource.pages, "records": resource.records,
                    "changed": resource.changed, "vanished": resource.vanished, "rejected": resource.rejected,
                    "recovered": resource.recovered, "seconds": resource.seconds,
                ]
                switch resource.outcome {
                case .completed: entry["outcome"] = "completed"
                case .stopped: entry["outcome"] = "stopped"
                case .unsupported: entry["outcome"] = "unsupported"
                case .failed(let message):
                    entry["outcome"] = "failed"
                    entry["error"] = message
                }
                return entry
            }
            stores.append(object)
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["stores": stores], options: [.sortedKeys, .prettyPrinted]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m\(whole % 60)s" }
        return "\(whole / 3600)h\(whole % 3600 / 60)m"
    }
}
