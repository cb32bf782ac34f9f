public import Hummingbird
import NIOCore

/// Request context that keeps the connection's channel, which the `reset` and
/// `truncate` faults need to cut the connection.
public struct MockRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Request bodies of the emulated APIs are small; anything larger is a client bug.
    public var maxUploadSize: Int { 8 * 1_024 * 1_024 }
}
