import CHeapStatistics
import Foundation
import Synchronization

/// glibc's own heap accounting, sampled from a background thread while a
/// sync runs: what the process's objects actually use (`live`) against what
/// malloc holds from the kernel, in use or not (`held`). RSS alone can't
/// tell records piling up from an allocator keeping freed buffers.
final class HeapSampler: Sendable {
    struct Peaks: Sendable {
        /// Bytes in allocated chunks (`uordblks + hblkhd`), at their highest.
        var live = 0
        /// Bytes malloc got from the kernel (`arena + hblkhd`), at their highest.
        var held = 0
        /// The live heap's median over the run, and its last sample: a heap
        /// that accumulates shows in both, a few big pages only in the peak.
        var medianLive = 0
        var lastLive = 0
        var samples = 0
    }

    private let peaks = Mutex(Peaks())
    private let liveSamples = Mutex<[Int]>([])
    private let running = Atomic<Bool>(true)
    private let interval: TimeInterval

    /// Starts sampling every `interval` seconds until ``stop()``.
    init(interval: TimeInterval = 0.005) {
        self.interval = interval
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                sample()
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.start()
    }

    /// Takes a last sample, stops the thread and returns the peaks.
    func stop() -> Peaks {
        sample()
        running.store(false, ordering: .relaxed)
        let live = liveSamples.withLock { $0 }.sorted()
        var result = peaks.withLock { $0 }
        result.medianLive = live.isEmpty ? 0 : live[live.count / 2]
        return result
    }

    private func sample() {
        // mallinfo2 sums every arena, so the connection threads' allocations count too.
        var liveBytes = 0
        var heldBytes = 0
        aftercart_heap_usage(&liveBytes, &heldBytes)
        liveSamples.withLock { $0.append(liveBytes) }
        peaks.withLock { peaks in
            peaks.live = max(peaks.live, liveBytes)
            peaks.held = max(peaks.held, heldBytes)
            peaks.lastLive = liveBytes
            peaks.samples += 1
        }
    }
}
