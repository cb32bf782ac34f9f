public import AftercartConnector
public import AftercartModel
import Foundation
public import Logging

/// The adapter of "Scratch", a made-up platform that exists only to prove
/// docs/adding-an-adapter.md: a REST API with an `X-Scratch-Key` header,
/// `?page=&per_page=` collections counted by `X-Total-Pages`, orders
/// filtered by `updated_after`, customers read in full. It lives in the
/// tests, so the `aftercart` binary never ships it.
public struct ScratchConnector: StoreConnector {
    public let platform = ScratchConnector.settingsSchema.platform
    public let settings: ScratchStoreSettings
    let transport: HTTPTransport
    let logger: Logger

    public var store: StoreID { settings.store }

    /// Orders and customers; orders incrementally. No writes, no loyalty.
    public let capabilities = ConnectorCapabilities(
        readable: [.orders, .customers], incremental: [.orders], writes: [], loyalty: [], deliveredSignal: .none,
        webhooks: false)

    public init(settings: ScratchStoreSettings, transport: HTTPTransport, logger: Logger) {
        self.settings = settings
        self.transport = transport
        self.logger = logger
    }

    public func check() async throws -> StoreFacts {
        let request = TransportRequest(.get, url: settings.baseURL + "/api/shop", resource: "check")
        let response = try await transport.send(request)
        let shop = try JSONDecoding.decode(
            ScratchShopWire.self, from: response.body, context: transport.errorContext(for: request))
        return StoreFacts(
            name: shop.name, currency: Currency(code: shop.currency), timeZoneIdentifier: "UTC",
            platformVersion: nil)
    }

    public func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages {
        let start = cursor ?? SyncCursor()
        switch resource {
        case .orders:
            let since = start.queryStart(lookback: settings.lookback).map { Timestamp.format($0) }
            let filter = since.map { "?updated_after=\(TransportRequest.encode($0))" } ?? ""
            return stream(.orders, path: "/api/orders" + filter) { body in
                try ScratchMapper(store: store).orders(body).batch(RecordBatch.orders)
            }.pages(since: start)
        case .customers:
            return stream(.customers, path: "/api/customers") { body in
                try ScratchMapper(store: store).customers(body).batch(RecordBatch.customers)
            }.pages(since: start)
        case .coupons, .loyalty, .reviews:
            return ResourcePages(failing: unsupported("reading \(resource)", resource: resource))
        }
    }

    /// `path` as a stream the SDK walks by page number.
    private func stream(
        _ resource: ResourceKind, path: String, map: @escaping @Sendable (Data) throws -> MappedBatch
    ) -> ResourceStream<Void> {
        ResourceStream(
            resource: resource,
            request: TransportRequest(.get, url: settings.baseURL + path, resource: resource.rawValue),
            paging: .pageNumber(
                PageNumberPager(
                    transport: transport, perPage: ScratchConnector.pageSize, totalPagesHeader: "X-Total-Pages",
                    totalRecordsHeader: "X-Total-Count", pastEndCodes: [])),
            logger: logger, prepare: { _ in }, map: { fetched, _ in try map(fetched.response.body) })
    }

    /// The largest page the platform serves.
    public static let pageSize = 50

    public func createCoupon(_ request: CouponRequest) async throws -> Coupon {
        throw unsupported("creating coupons")
    }

    public func findCoupon(code: String) async throws -> Coupon? {
        throw unsupported("finding coupons")
    }

    public func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {
        throw unsupported("order notes")
    }

    public func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {
        throw unsupported("customer annotations")
    }

    private func unsupported(_ operation: String, resource: ResourceKind? = nil) -> ConnectorError {
        .unsupported(
            operation: operation, ErrorContext(store: store, resource: resource?.rawValue, platform: platform))
    }
}
