public import AftercartConnector

/// Where emails go: `.eml` files, an SMTP server, the store's own
/// notifications, or a webhook (`[delivery] channel`).
///
/// A channel delivers one message at a time and says whether a failure is
/// worth retrying. The executor marks the row "sending" before it calls
/// ``deliver(_:connector:)``, so a crash inside it never leads to a second send.
public protocol MessageChannel: Sendable {
    /// The config name: `file`, `smtp`, `store`, `webhook`.
    var name: String { get }

    /// Delivers `message`; `connector` is the message's store (the store
    /// channel needs it, the others ignore it).
    ///
    /// - Returns: a short receipt for the outbox row's result (a file name,
    ///   the server's reply).
    /// - Throws: ``ChannelFailure`` saying whether to retry.
    func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure) -> String

    /// Called after each batch (the file channel rewrites its index).
    func finishBatch() async

    /// Releases connections; called once, when the executor's owner is done.
    func shutdown() async
}

extension MessageChannel {
    public func finishBatch() async {}
    public func shutdown() async {}
}

/// Why a channel did not deliver a message.
public struct ChannelFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the same message may go through later (a dropped connection,
    /// a 4xx SMTP reply, an HTTP 5xx), as opposed to a refusal that will repeat.
    public var isTransient: Bool
    /// What happened, with the server's own text when there is one.
    public var message: String
    /// The server's hint, when it gave one.
    public var retryAfter: Double?

    public init(transient: Bool, _ message: String, retryAfter: Double? = nil) {
        self.isTransient = transient
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}
