public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started by ``ChildProcess/spawn(_:arguments:environment:directory:stdout:stderr:)``.
///
/// Its end is noticed by polling `waitpid(WNOHANG)` between sleeps, so a
/// waiting test holds no thread; the one blocking read (``firstLine()``)
/// runs on a thread of its own.
public final class SpawnedChild: @unchecked Sendable {
    /// The child's process id.
    public let processIdentifier: Int32
    /// What it was started as, for error messages.
    public let name: String
    /// The read end of its piped output, when one was asked for.
    public let output: FileHandle?

    private let lock = NSLock()
    private var status: Int32?

    init(pid: pid_t, name: String, output: FileHandle?) {
        self.processIdentifier = pid
        self.name = name
        self.output = output
    }

    /// Whether it has not ended yet (reaps it once it has).
    public var isRunning: Bool { reap() == nil }

    /// Its exit status (128 + signal when a signal ended it); `nil` while it runs.
    public var terminationStatus: Int32? { reap() }

    /// Sends SIGTERM.
    public func terminate() { signal(SIGTERM) }

    /// Sends `number` unless it has already ended.
    public func signal(_ number: Int32) {
        if isRunning { kill(processIdentifier, number) }
    }

    /// Waits for the end and returns the exit status; after `limit` the
    /// child is killed and the wait fails, naming it.
    public func exitStatus(within limit: Duration = .seconds(900)) async throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while true {
            if let status = reap() { return status }
            if ContinuousClock.now >= deadline {
                kill(processIdentifier, SIGKILL)
                while reap() == nil { try? await Task.sleep(for: .milliseconds(10)) }
                throw ChildProcess.SpawnError(description: "\(name) still ran after \(limit) and was killed")
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The first line of the piped output ("" at end of file), read on a
    /// thread of its own.
    public func firstLine() async -> String {
        guard let output else { return "" }
        return await withCheckedContinuation { continuation in
            let reader = Thread {
                var bytes = Data()
                while let byte = try? output.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
            reader.start()
        }
    }

    private func reap() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        let result = waitpid(processIdentifier, &raw, WNOHANG)
        guard result == processIdentifier else {
            // ECHILD: someone else reaped it; nothing more can be learnt.
            if result == -1, errno == ECHILD { status = -1 }
            return status
        }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return status
    }
}
