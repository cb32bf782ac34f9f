import AftercartSync
import Foundation
import Synchronization

/// A live progress line on a terminal; silent otherwise (the summary lines
/// that follow the run are what logs and cron mail want).
final class ProgressPrinter: Sendable {
    private let live: Bool
    private let lastDraw = Mutex(Date.distantPast)

    init(live: Bool) { self.live = live }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Redraws the line at most ten times a second.
    var show: @Sendable (SyncProgress) -> Void {
        { [self] progress in
            guard live else { return }
            let now = Date()
            let due = lastDraw.withLock { last -> Bool in
                guard now.timeIntervalSince(last) >= 0.1 else { return false }
                last = now
                return true
            }
            guard due else { return }
            var line = "\(progress.store) \(progress.resource): \(progress.pages) pages"
            if let total = progress.totalPages { line += "/\(total)" }
            line += ", \(progress.records) records"
            line += String(format: ", %.0f/s", progress.rate)
            if let left = progress.estimatedSecondsLeft { line += ", ETA \(SyncSummary.duration(left))" }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }

    func clear() {
        guard live else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
