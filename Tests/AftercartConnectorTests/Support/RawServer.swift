import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A bare TCP server for what an HTTP framework will not do on purpose:
/// a body cut short, a connection reset. Reads a request head, then acts.
final class RawServer: Sendable {
    enum Action: Sendable {
        /// Writes these bytes verbatim, then closes the connection.
        case sendAndClose(String)
        /// Writes these bytes and keeps the connection open, silent.
        case sendAndHold(String)
        /// Closes with a TCP reset (SO_LINGER 0) without answering.
        case reset
    }

    let port: Int
    private let channel: any Channel
    private let count: NIOLockedValueBox<Int>

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requestCount: Int { count.withLockedValue { $0 } }

    private init(port: Int, channel: any Channel, count: NIOLockedValueBox<Int>) {
        self.port = port
        self.channel = channel
        self.count = count
    }

    /// Acts on request `n` with `actions[n-1]`, repeating the last one;
    /// speaks TLS first when `tls` is given.
    static func start(_ actions: [Action], tls: NIOSSLContext? = nil) async throws -> RawServer {
        let count = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = RawHandler {
                        count.withLockedValue {
                            $0 += 1
                            return actions[min($0, actions.count) - 1]
                        }
                    }
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return RawServer(port: channel.localAddress?.port ?? 0, channel: channel, count: count)
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class RawHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let next: @Sendable () -> RawServer.Action
    private var received = ""
    private var answered = false

    init(next: @escaping @Sendable () -> RawServer.Action) {
        self.next = next
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received += buffer.readString(length: buffer.readableBytes) ?? ""
        guard !answered, received.contains("\r\n\r\n") else { return }
        answered = true
        switch next() {
        case .sendAndClose(let text):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).whenComplete { _ in
                context.close(promise: nil)
            }
        case .sendAndHold(let text):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
        case .reset:
            // SO_LINGER 0 makes close() send RST instead of FIN.
            if let provider = context.channel as? any SocketOptionProvider {
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                    context.close(promise: nil)
                }
            } else {
                context.close(promise: nil)
            }
        }
    }
}
