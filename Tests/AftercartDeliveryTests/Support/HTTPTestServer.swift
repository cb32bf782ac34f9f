import Foundation
import Hummingbird
import Logging

/// A request the test server received.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: Data
}

/// An HTTP server on 127.0.0.1 (a free port) that answers from a closure
/// and remembers each request, for the webhook channel's tests.
final class HTTPTestServer: Sendable {
    let port: Int
    private let task: Task<Void, any Error>
    private let log: Locked<[ReceivedRequest]>

    var url: URL { URL(string: "http://127.0.0.1:\(port)/hooks/aftercart")! }
    var requests: [ReceivedRequest] { log.value }

    private init(port: Int, task: Task<Void, any Error>, log: Locked<[ReceivedRequest]>) {
        self.port = port
        self.task = task
        self.log = log
    }

    static func start(_ answer: @escaping @Sendable (ReceivedRequest, Int) -> Int) async throws -> HTTPTestServer {
        let log = Locked<[ReceivedRequest]>([])
        let responder = CallbackResponder { (request: Request, _: BasicRequestContext) -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let body = try await request.body.collect(upTo: 1 << 20)
            let seen = ReceivedRequest(
                method: request.method.rawValue, path: request.uri.path, headers: headers,
                body: Data(body.readableBytesView))
            let index = log.mutate { requests in
                requests.append(seen)
                return requests.count
            }
            return Response(status: .init(code: answer(seen, index)))
        }
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test-http")
        logger.logLevel = .critical
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                sink.yield(channel.localAddress?.port ?? 0)
                sink.finish()
            }, logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw TestServerError("the HTTP test server did not start")
        }
        return HTTPTestServer(port: port, task: task, log: log)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&stored) } }
}
