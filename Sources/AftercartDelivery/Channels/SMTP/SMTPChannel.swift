public import AftercartConnector
import Foundation

/// Sends through an SMTP server with libcurl: `smtp://` with STARTTLS,
/// `smtps://`, AUTH, and one connection kept open across a batch.
///
/// libcurl blocks, so every call runs on the channel's own serial queue
/// and the awaiting task is resumed through a continuation: the
/// cooperative thread pool never waits on the network.
public struct SMTPChannel: MessageChannel {
    public let name = "smtp"
    private let session: CurlSMTPSession

    public init(settings: SMTPSettings) {
        session = CurlSMTPSession(settings: settings)
    }

    public func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure)
        -> String
    {
        let body = MIMEWriter.render(message)
        let from = message.from.address
        let to = message.to.address
        let result: Result<String, ChannelFailure> = await withCheckedContinuation { continuation in
            session.queue.async {
                continuation.resume(returning: session.send(from: from, to: to, body: body))
            }
        }
        return try result.get()
    }

    public func shutdown() async {
        await withCheckedContinuation { continuation in
            session.queue.async {
                session.close()
                continuation.resume()
            }
        }
    }
}
