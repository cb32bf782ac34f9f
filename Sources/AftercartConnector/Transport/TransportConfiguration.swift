public import AftercartModel
public import Foundation

/// How one store's transport behaves. Each store gets its own transport
/// (its limiter, credentials and names) over the one shared `HTTPClient`.
public struct TransportConfiguration: Sendable {
    /// The store's config name, for errors and log metadata.
    public var store: StoreID?
    /// The platform's config name, for errors and log metadata.
    public var platform: String?
    /// What the store calls its credential (`"consumer key"`, `"access token"`).
    public var credentialName: String?
    /// Time allowed to connect and receive the response head.
    public var connectTimeout: Duration
    /// Longest silence allowed while waiting for the head or body bytes.
    public var readTimeout: Duration
    /// Time allowed from sending a request to its response head, the
    /// connection included: how long a store may think before it answers.
    /// `nil`: ``connectTimeout`` + ``readTimeout`` (40 s by default). A
    /// store setting for slow hosts (WooCommerce `request_timeout`).
    public var responseTimeout: Duration?
    /// Time allowed for one ``HTTPTransport/send(_:)``, every attempt and
    /// wait included; no retry starts that could not finish before it.
    public var totalDeadline: Duration
    public var retry: RetryPolicy
    /// Larger bodies fail with ``ConnectorError/invalidResponse(reason:_:)``.
    public var maxBodyBytes: Int
    /// Extra values to scrub from logs and errors (the authorizer's are added).
    public var redaction: Redaction
    /// Reads the platform's error code and message from an error body.
    public var errorBodyParser: @Sendable (Data) -> PlatformErrorBody?
    /// Sent on every request.
    public var userAgent: String
    /// Sent as `Accept` on requests that set none; `nil` sends none. A store
    /// that is asked for JSON answers its errors in JSON (WordPress's
    /// critical-error and maintenance pages are HTML otherwise), and a 2xx
    /// HTML answer to a JSON request is refused as transient.
    public var accept: String?
    /// The certificate authorities HTTPS requests trust (system roots, plus
    /// `ca_file`, `SSL_CERT_FILE`, `SSL_CERT_DIR`).
    public var trust: TransportTrust
    /// Names what a refused answer means in the platform's words (a
    /// WordPress critical error); the transport sets ``ErrorContext/diagnosis``
    /// to it. Returns `nil` for answers it does not recognise.
    public var diagnoseRefusal: @Sendable (RefusedAnswer) -> String?

    public init(
        store: StoreID? = nil, platform: String? = nil, credentialName: String? = nil,
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
        responseTimeout: Duration? = nil, totalDeadline: Duration = .seconds(300), retry: RetryPolicy = RetryPolicy(),
        maxBodyBytes: Int = 32 * 1024 * 1024, redaction: Redaction = Redaction(),
        errorBodyParser: @escaping @Sendable (Data) -> PlatformErrorBody? = PlatformErrorBody.parseCommonShapes,
        userAgent: String = "aftercart", accept: String? = "application/json", trust: TransportTrust = .system,
        diagnoseRefusal: @escaping @Sendable (RefusedAnswer) -> String? = { _ in nil }
    ) {
        self.store = store
        self.platform = platform
        self.credentialName = credentialName
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.responseTimeout = responseTimeout
        self.totalDeadline = totalDeadline
        self.retry = retry
        self.maxBodyBytes = maxBodyBytes
        self.redaction = redaction
        self.errorBodyParser = errorBodyParser
        self.userAgent = userAgent
        self.accept = accept
        self.trust = trust
        self.diagnoseRefusal = diagnoseRefusal
    }
}
