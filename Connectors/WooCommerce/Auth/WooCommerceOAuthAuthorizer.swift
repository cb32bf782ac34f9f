public import AftercartConnector
public import AftercartModel

/// Adds a fresh one-legged OAuth 1.0a signature to every attempt of a
/// request, for stores reached over plain HTTP (where WooCommerce ignores
/// Basic auth and answers 401 `woocommerce_rest_cannot_view`; WooCommerce REST API docs, "Authentication").
///
/// Fresh per attempt because WooCommerce rejects a reused nonce and a
/// timestamp more than 15 minutes old, and a retry may come minutes later.
public struct WooCommerceOAuthAuthorizer: RequestAuthorizer {
    /// Signs each attempt.
    public let signer: WooCommerceOAuthSigner
    private let clock: any TransportClock
    private let nonce: @Sendable () -> String

    /// - Parameters:
    ///   - clock: the wall clock for `oauth_timestamp`; tests pass a fixed one.
    ///   - nonce: 32 random characters per call; tests pass a constant.
    public init(
        signer: WooCommerceOAuthSigner, clock: any TransportClock = SystemClock(),
        nonce: @escaping @Sendable () -> String = { WooCommerceOAuthSigner.makeNonce() }
    ) {
        self.signer = signer
        self.clock = clock
        self.nonce = nonce
    }

    public func authorize(_ request: inout TransportRequest) async throws {
        let timestamp = Int(clock.date.timeIntervalSince1970.rounded(.down))
        request.url = try signer.sign(
            method: request.method.rawValue, url: request.url, timestamp: timestamp, nonce: nonce())
    }

    public var secrets: [Secret] { [signer.consumerKey, signer.consumerSecret] }
}
