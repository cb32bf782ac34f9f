public import Hummingbird
import Logging

/// An HTTP server on 127.0.0.1 at a free port, for an adapter's fake
/// platform: every request goes to one closure. The conformance kit talks
/// to adapters over real HTTP, so a third-party adapter needs a server,
/// and this is the part every fake platform would otherwise write again.
public struct LoopbackServer: Sendable {
    /// The port the system picked.
    public let port: Int
    private let task: Task<Void, any Error>

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts serving; returns once the port is bound. Call ``stop()`` when done.
    public static func start(
        _ answer: @escaping @Sendable (Request) async throws -> Response
    ) async throws -> LoopbackServer {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "loopback-server")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await answer(request) },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                bound.yield(channel.localAddress?.port ?? 0)
                bound.finish()
            },
            logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in ports where port > 0 {
            return LoopbackServer(port: port, task: task)
        }
        task.cancel()
        throw LoopbackServerDidNotStart()
    }

    /// Stops serving and waits until the port is released.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The server stopped before it bound a port.
public struct LoopbackServerDidNotStart: Error {}
