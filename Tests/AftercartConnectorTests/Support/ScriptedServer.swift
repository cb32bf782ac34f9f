import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// One scripted answer of ``ScriptedServer``.
struct Scripted: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = []
    var body: String = ""
    /// Wait before answering.
    var delay: Duration = .zero

    static func json(_ status: Int = 200, _ body: String, headers: [(String, String)] = []) -> Scripted {
        Scripted(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// Never answers (until the server stops, at most 60 s).
    static let hang = Scripted(delay: .seconds(60))
}

/// What the server saw, per request.
struct RecordedRequest: Sendable {
    var number: Int
    var method: String
    /// Path and query as sent.
    var uri: String
    var headers: [(String, String)]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A real Hummingbird 2 server on 127.0.0.1 and a free port, answering each
/// request from a script keyed by the request's number (1-based).
final class ScriptedServer: Sendable {
    let port: Int
    private let task: Task<Void, any Error>
    private let recorded: NIOLockedValueBox<[RecordedRequest]>

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [RecordedRequest] { recorded.withLockedValue { $0 } }
    var requestCount: Int { recorded.withLockedValue { $0.count } }

    private init(port: Int, task: Task<Void, any Error>, recorded: NIOLockedValueBox<[RecordedRequest]>) {
        self.port = port
        self.task = task
        self.recorded = recorded
    }

    /// Answers request `n` with `responses[n-1]`, repeating the last one.
    static func start(_ responses: [Scripted]) async throws -> ScriptedServer {
        try await start { number, _ in responses[min(number, responses.count) - 1] }
    }

    static func start(
        _ script: @escaping @Sendable (Int, RecordedRequest) -> Scripted
    ) async throws -> ScriptedServer {
        let recorded = NIOLockedValueBox<[RecordedRequest]>([])
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let seen = recorded.withLockedValue { list -> RecordedRequest in
                let entry = RecordedRequest(
                    number: list.count + 1, method: request.method.rawValue, uri: request.uri.description,
                    headers: request.headers.map { ($0.name.rawName, $0.value) })
                list.append(entry)
                return entry
            }
            let answer = script(seen.number, seen)
            if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
            var fields = HTTPFields()
            for (name, value) in answer.headers { fields[.init(name)!] = value }
            return Response(
                status: .init(code: answer.status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw ServerStartFailed()
        }
        return ScriptedServer(port: port, task: task, recorded: recorded)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

struct ServerStartFailed: Error {}

/// Runs `body` with a started server and always stops it.
func withScriptedServer<T>(
    _ responses: [Scripted], _ body: (ScriptedServer) async throws -> T
) async throws -> T {
    let server = try await ScriptedServer.start(responses)
    do {
        let value = try await body(server)
        await server.stop()
        return value
    } catch {
        await server.stop()
        throw error
    }
}

func withScriptedServer<T>(
    script: @escaping @Sendable (Int, RecordedRequest) -> Scripted, _ body: (ScriptedServer) async throws -> T
) async throws -> T {
    let server = try await ScriptedServer.start(script)
    do {
        let value = try await body(server)
        await server.stop()
        return value
    } catch {
        await server.stop()
        throw error
    }
}
