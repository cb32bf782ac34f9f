public import AftercartModel
public import Foundation

/// Where and how the SMTP channel connects.
public struct SMTPSettings: Sendable, Hashable {
    /// When to encrypt an `smtp://` connection with STARTTLS; `smtps://` is
    /// always TLS from the first byte.
    public enum StartTLS: String, Sendable, Hashable, CaseIterable {
        /// STARTTLS when the server offers it, plain otherwise (`CURLUSESSL_TRY`).
        case opportunistic
        /// Refuse to send unless STARTTLS succeeds (`CURLUSESSL_ALL`).
        case required
    }

    /// `smtp://host:port` or `smtps://host:port`.
    public var url: URL
    public var user: String?
    public var password: Secret?
    public var startTLS: StartTLS
    /// Seconds to wait for the connection.
    public var connectTimeout: Int
    /// Seconds one message may take in all.
    public var messageTimeout: Int

    public init(
        url: URL, user: String? = nil, password: Secret? = nil, startTLS: StartTLS = .opportunistic,
        connectTimeout: Int = 10, messageTimeout: Int = 60
    ) {
        self.url = url
        self.user = user
        self.password = password
        self.startTLS = startTLS
        self.connectTimeout = connectTimeout
        self.messageTimeout = messageTimeout
    }
}
