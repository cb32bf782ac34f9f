public import AftercartModel

/// Who, what and where for a ``ConnectorError``: everything a user needs to
/// act on it, nothing secret (URLs are redacted before they get here).
public struct ErrorContext: Sendable, Hashable {
    /// The store's config name.
    public var store: StoreID?
    /// What was being read or written: a resource name (`"orders"`) or an
    /// operation (`"coupon creation"`, `"check"`).
    public var resource: String?
    /// The platform's config name.
    public var platform: String?
    /// HTTP method of the failed request.
    public var method: String?
    /// The request URL with credentials removed.
    public var url: String?
    /// How many attempts were made before giving up.
    public var attempts: Int?
    /// The platform's own error code (`woocommerce_rest_cannot_view`).
    public var platformCode: String?
    /// The platform's message, shortened and redacted.
    public var platformMessage: String?
    /// What the store calls its credential, for "consumer key rejected".
    public var credentialName: String?
    /// At most the first 200 bytes of an unexpected body, redacted; only
    /// for debug-level logs, never part of ``ConnectorError/description``.
    public var bodySnippet: String?
    /// The `Content-Type` of the body the snippet came from, for debug logs.
    public var contentType: String?
    /// What the store's answer means, named by the transport or the
    /// adapter's advice (`"the store is in maintenance mode"`); when set,
    /// ``ConnectorError/description`` says it instead of the generic phrase.
    public var diagnosis: String?

    public init(
        store: StoreID? = nil, resource: String? = nil, platform: String? = nil, method: String? = nil,
        url: String? = nil, attempts: Int? = nil, platformCode: String? = nil, platformMessage: String? = nil,
        credentialName: String? = nil, bodySnippet: String? = nil, contentType: String? = nil,
        diagnosis: String? = nil
    ) {
        self.store = store
        self.resource = resource
        self.platform = platform
        self.method = method
        self.url = url
        self.attempts = attempts
        self.platformCode = platformCode
        self.platformMessage = platformMessage
        self.credentialName = credentialName
        self.bodySnippet = bodySnippet
        self.contentType = contentType
        self.diagnosis = diagnosis
    }

    /// `scheme://host[:port]` of ``url``: what the user configured, which is
    /// what an error message should point at.
    public var origin: String? {
        url.map { URLText.origin($0) ?? $0 }
    }

    /// Fills fields that are still empty from `other`; what is set wins.
    public func merging(_ other: ErrorContext) -> ErrorContext {
        var merged = self
        merged.store = store ?? other.store
        merged.resource = resource ?? other.resource
        merged.platform = platform ?? other.platform
        merged.method = method ?? other.method
        merged.url = url ?? other.url
        merged.attempts = attempts ?? other.attempts
        merged.platformCode = platformCode ?? other.platformCode
        merged.platformMessage = platformMessage ?? other.platformMessage
        merged.credentialName = credentialName ?? other.credentialName
        merged.bodySnippet = bodySnippet ?? other.bodySnippet
        merged.contentType = contentType ?? other.contentType
        merged.diagnosis = diagnosis ?? other.diagnosis
        return merged
    }
}
