public import AftercartModel
public import Foundation

/// What every platform adapter provides: proof of credentials, paged reads
/// per resource, and the few writes the engine sends back to the store.
///
/// An adapter states its endpoints and mappings; the framework carries
/// paging (``ResourceStream`` over ``PagingStyle``), retries, rate limits and
/// redaction (``HTTPTransport``), and the sync engine carries state
/// (``SyncCursor``). Adding a platform is one folder with one type that
/// conforms to this protocol, plus one registration line.
///
/// Adapters check ``capabilities`` themselves: an operation the platform
/// lacks throws ``ConnectorError/unsupported(operation:_:)``.
public protocol StoreConnector: Sendable {
    /// The platform's config name: `"woocommerce"`, `"shopify"`.
    var platform: String { get }
    /// The store's config name; every record and error carries it.
    var store: StoreID { get }
    /// What this adapter, as configured, can do.
    var capabilities: ConnectorCapabilities { get }

    /// Calls the store once to prove the credentials and learn its facts.
    func check() async throws -> StoreFacts

    /// The records of `resource` changed since `cursor`, one page at a time.
    ///
    /// The sequence fetches a page only when the caller asks for the next
    /// one, so memory holds one page regardless of the store's size. After
    /// committing a page's records, the caller stores ``ResourcePage/cursor``;
    /// passing that cursor back resumes after that page. A `nil` cursor reads
    /// everything. Reading a resource not in ``ConnectorCapabilities/readable``
    /// fails on the first `next()` with ``ConnectorError/unsupported(operation:_:)``.
    func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages

    /// The records of `resource` with `ids`, read again one request each:
    /// how the sync engine retries records it rejected on an earlier run.
    /// One page per id, in order (see ``ResourceStream/pages(ids:)``, which
    /// does the work once an adapter states its single-record request).
    /// Adapters without such a request inherit a sequence that fails with
    /// ``ConnectorError/unsupported(operation:_:)``; their rejects clear
    /// when the record comes back well-formed in a page.
    func read(_ resource: ResourceKind, ids: [String]) -> ResourcePages

    /// Creates a coupon. Callers look the code up with ``findCoupon(code:)``
    /// first, so a retry after a crash finds the coupon instead of making two.
    func createCoupon(_ request: CouponRequest) async throws -> Coupon

    /// The coupon with `code` (compared case-insensitively), or `nil`.
    func findCoupon(code: String) async throws -> Coupon?

    /// The terms on which a coupon found under a planned code differs from
    /// `request` (empty when it is the coupon asked for); the default compares
    /// what every platform reports (``CouponRequest/differences(from:emailsReported:)``).
    func couponDifferences(_ request: CouponRequest, existing: Coupon) -> [String]

    /// Adds a note to an order; `customerVisible` notes reach the shopper.
    func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws

    /// Adds tags and/or metadata to a customer without removing existing ones.
    func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws

    /// Adds `points` (negative to deduct) to a customer's loyalty balance.
    func adjustLoyalty(customerID: String, points: Int, reason: String) async throws -> LoyaltyAccount

    /// Writes "no marketing" to the store's consent field for every customer
    /// account and order with `email` (compared case-insensitively), as
    /// asked at `at`, so the store and every later sync agree with an
    /// unsubscribe recorded by Aftercart. Writing it twice is harmless.
    ///
    /// - Throws: ``ConnectorError/unsupported(operation:_:)`` where the store
    ///   has no consent field Aftercart may write (the default).
    func withdrawMarketingConsent(email: String, at: Date) async throws -> ConsentWithdrawal
}

extension StoreConnector {
    /// Kind, amount, usage limit, expiry, and email restrictions where the
    /// store lists any.
    public func couponDifferences(_ request: CouponRequest, existing: Coupon) -> [String] {
        request.differences(from: existing, emailsReported: false)
    }

    public func read(_ resource: ResourceKind, ids: [String]) -> ResourcePages {
        ResourcePages(
            failing: ConnectorError.unsupported(
                operation: "reading one \(resource) record by id",
                ErrorContext(store: store, resource: resource.rawValue, platform: platform)))
    }

    /// Loyalty writes exist only where a writable source is configured;
    /// adapters without one inherit this refusal.
    public func adjustLoyalty(customerID: String, points: Int, reason: String) async throws -> LoyaltyAccount {
        throw ConnectorError.unsupported(
            operation: "loyalty adjustment",
            ErrorContext(store: store, resource: ResourceKind.loyalty.rawValue, platform: platform))
    }

    /// Adapters that cannot write consent inherit this refusal.
    public func withdrawMarketingConsent(email: String, at: Date) async throws -> ConsentWithdrawal {
        throw ConnectorError.unsupported(
            operation: "writing marketing consent",
            ErrorContext(store: store, resource: ResourceKind.customers.rawValue, platform: platform))
    }
}
