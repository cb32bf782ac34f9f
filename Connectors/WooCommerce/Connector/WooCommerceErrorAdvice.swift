public import AftercartConnector

/// Names what a refused WordPress answer means, in WordPress's terms, for
/// the transport to put in the error (``TransportConfiguration/diagnoseRefusal``).
/// The bodies are those a real WooCommerce 10 store sends: the critical-error
/// and maintenance pages come as HTML, or as JSON when asked for JSON.
public struct WooCommerceErrorAdvice: Sendable {
    /// Whether requests go over plain HTTP without OAuth, where WordPress
    /// ignores Basic and query credentials.
    let plainHTTPWithoutOAuth: Bool

    public init(settings: WooCommerceStoreSettings) {
        let oauth: Bool
        switch settings.authentication {
        case .oauth: oauth = true
        case .automatic: oauth = settings.isPlainHTTP
        case .basic, .queryString: oauth = false
        }
        plainHTTPWithoutOAuth = settings.isPlainHTTP && !oauth
    }

    static let criticalError =
        "the store's WordPress reported a critical error (PHP fatal error; see the store's error log)"
    static let maintenance = "the store is in maintenance mode (a WordPress update is running)"
    static let badSignature =
        "WordPress checks the OAuth signature over its home URL, not the address called: set home_url to "
        + "WordPress's home URL (Settings › General) when a proxy or port mapping is in between, "
        + "or the consumer secret is wrong"
    static let wrongSecret = "the consumer key is known but the consumer secret is wrong"
    static let plainHTTPBasic =
        "over plain HTTP WordPress ignores Basic and query credentials, so the request counted as anonymous; "
        + "use https in base_url, or auth = \"auto\" (OAuth 1.0a over HTTP)"

    /// The cause `answer` shows, or `nil` when it is not one WordPress is known for.
    public func diagnose(_ answer: RefusedAnswer) -> String? {
        let code = answer.platformError?.code
        let message = answer.platformError?.message ?? ""
        switch answer.status {
        case 500:
            if code == "internal_server_error" || answer.htmlTitle == "WordPress &rsaquo; Error"
                || answer.bodyContains("There has been a critical error on this website")
            {
                return Self.criticalError
            }
        case 503:
            if code == "wp_die" || answer.htmlTitle == "Maintenance"
                || answer.bodyContains("Briefly unavailable for scheduled maintenance")
            {
                let wait = answer.headers["Retry-After"].map { " and asks to wait \($0)s" } ?? ""
                return Self.maintenance + wait
            }
        case 401:
            if code == "woocommerce_rest_authentication_error", message.contains("Invalid signature") {
                return Self.badSignature
            }
            if code == "woocommerce_rest_authentication_error", message.contains("Consumer secret is invalid") {
                return Self.wrongSecret
            }
            if code == "woocommerce_rest_cannot_view", plainHTTPWithoutOAuth { return Self.plainHTTPBasic }
        default:
            break
        }
        return nil
    }
}
