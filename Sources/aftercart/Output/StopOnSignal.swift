import Dispatch
import Foundation
import Synchronization

/// Turns the first SIGINT or SIGTERM into a graceful stop request; a second
/// one exits at once, for an operator who really means it.
final class StopOnSignal {
    private let sources: [any DispatchSourceSignal]

    init(_ onStop: @escaping @Sendable () -> Void) {
        let received = Mutex(0)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let count = received.withLock { value -> Int in
                    value += 1
                    return value
                }
                if count == 1 {
                    FileHandle.standardError.write(Data("\nstopping after the current page (again to quit now)\n".utf8))
                    onStop()
                } else {
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
