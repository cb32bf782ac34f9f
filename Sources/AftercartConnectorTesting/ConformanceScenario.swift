/// The checks the kit runs; each is a promise the sync engine and the
/// outbox rely on, whatever the platform.
public enum ConformanceScenario: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pages cover every record exactly once at 0, 1, a page, a page + 1
    /// and a few thousand records, and the last cursor is completed.
    case paging
    /// A read from a completed cursor after upstream changes returns the
    /// changed records, plus at most those inside the lookback window.
    case incremental
    /// A walk restarted from page 1's stored cursor reads the rest, no gaps.
    case resume
    /// Refused credentials surface as ``ConnectorError/unauthorized(_:)``
    /// after at most one request, naming the store, leaking no secret.
    case unauthorized
    /// 429 and 5xx answers are retried and the read completes with the same set.
    case transientFaults
    /// Malformed JSON, wrongly typed fields and truncated bodies become
    /// ``ConnectorError/decoding(field:reason:_:)`` or
    /// ``ConnectorError/invalidResponse(reason:_:)`` naming the resource,
    /// or records rejected one by one with a reason.
    case malformedResponses
    /// Create → find by code → create again yields one coupon upstream.
    case couponIdempotency
    /// Every mapped record encodes to the model's JSON (``SpecShape``) and decodes back.
    case modelShape
    /// Resources outside ``ConnectorCapabilities/readable`` refuse with
    /// ``ConnectorError/unsupported(operation:_:)``.
    case unsupportedResources

    public var description: String { rawValue }
}
