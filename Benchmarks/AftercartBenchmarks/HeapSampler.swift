import CHeapStatistics
import Foundation
import Synchronization

/// glibc's own heap accounting, sampled from a background thread while a
/// sync runs: what the process's objects actually use (`live`) against what
/// malloc holds from the kernel, in use or not (`held`). RSS alone can't
/// tell records piling up from an allocator keeping freed buffers.
final class HeapSampler: Sendable {
    /// What the samples show, in bytes.
    struct Summary: Sendable {
        /// Bytes in allocated chunks (`uordblks + hblkhd`), at their highest.
        var peakLive: Int
        /// The live heap's median over the run, and its last sample: a heap
        /// that accumulates shows in both, a few big pages only in the peak.
        var medianLive: Int
        var lastLive: Int
        /// Bytes malloc got from the kernel (`arena + hblkhd`), at their highest.
        var peakHeld: Int
    }

    private let samples = Mutex<[(live: Int, held: Int)]>([])
    private let running = Atomic<Bool>(true)

    /// Starts sampling every `interval` seconds until ``stop()``.
    init(interval: TimeInterval = 0.005) {
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                sample()
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.start()
    }

    /// Takes a last sample, stops the thread and sums the samples up.
    func stop() -> Summary {
        sample()
        running.store(false, ordering: .relaxed)
        let taken = samples.withLock { $0 }
        let live = taken.map(\.live).sorted()
        return Summary(
            peakLive: live.last ?? 0, medianLive: live[live.count / 2], lastLive: taken.last?.live ?? 0,
            peakHeld: taken.map(\.held).max() ?? 0)
    }

    private func sample() {
        // mallinfo2 sums every arena, so the connection threads' allocations count too.
        var live = 0
        var held = 0
        aftercart_heap_usage(&live, &held)
        samples.withLock { $0.append((live, held)) }
    }
}
