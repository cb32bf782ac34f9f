import Foundation
import Hummingbird
import Logging

/// A request the fake store received.
struct SeenRequest: Sendable {
    var method: String
    /// Path and query exactly as sent.
    var uri: String
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }

    /// Decoded query items, in order.
    var query: [(String, String)] {
        guard let components = URLComponents(string: "http://x" + uri) else { return [] }
        return (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }
}

/// What the fake store answers.
struct FakeAnswer: Sendable {
    var status: Int = 200
    var headers: [String: String] = [:]
    var body: String

    static func json(_ body: String, status: Int = 200, headers: [String: String] = [:]) -> FakeAnswer {
        FakeAnswer(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: body)
    }
}

/// A WooCommerce stand-in on 127.0.0.1: a Hummingbird server answering
/// each request from a routing closure and remembering what it was sent.
final class FakeWooStore: Sendable {
    let port: Int
    private let task: Task<Void, any Error>
    private let log: RequestLog

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [SeenRequest] { log.all }

    private init(port: Int, task: Task<Void, any Error>, log: RequestLog) {
        self.port = port
        self.task = task
        self.log = log
    }

    static func start(_ route: @escaping @Sendable (SeenRequest) -> FakeAnswer) async throws -> FakeWooStore {
        let log = RequestLog()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let seen = SeenRequest(
                method: request.method.rawValue, uri: request.uri.description, headers: headers,
                body: String(buffer: body))
            log.append(seen)
            let answer = route(seen)
            var fields = HTTPFields()
            for (name, value) in answer.headers { fields[.init(name)!] = value }
            return Response(
                status: .init(code: answer.status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "fake-woo")
        logger.logLevel = .critical
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            }, logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw FakeStoreDidNotStart()
        }
        return FakeWooStore(port: port, task: task, log: log)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

struct FakeStoreDidNotStart: Error {}

/// Requests seen so far, behind a lock (the server answers concurrently).
private final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [SeenRequest] = []

    var all: [SeenRequest] { lock.withLock { requests } }

    func append(_ request: SeenRequest) { lock.withLock { requests.append(request) } }
}
