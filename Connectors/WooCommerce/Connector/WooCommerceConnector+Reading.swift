public import AftercartConnector
public import AftercartModel
import Foundation
import Logging

extension WooCommerceConnector {
    /// Pages of `resource` changed since `cursor`.
    ///
    /// Orders and coupons are filtered on `modified_after`, reviews on
    /// `after` (their only date), customers and loyalty are full scans.
    /// The filter starts ``WooCommerceStoreSettings/lookback`` before the
    /// stored cursor and stays fixed while a walk resumes page by page.
    public func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages {
        guard capabilities.readable.contains(resource) else {
            return ResourcePages(
                failing: ConnectorError.unsupported(
                    operation: "reading \(resource)",
                    ErrorContext(store: store, resource: resource.rawValue, platform: platform)))
        }
        let start = cursor ?? SyncCursor()
        let since = start.queryStart(lookback: settings.lookback, notBefore: settings.startDate)
        let store = settings.store
        switch resource {
        case .orders:
            let mapper = WooCommerceOrderMapper(store: store, options: settings.orderMapping)
            return walk(WooCommerceEndpoints.orders(changedAfter: since, ordering: settings.ordering), from: start) {
                fetched, _ in
                let page = try mapper.mapPage(fetched.response.body)
                return MappedBatch(.orders(page.records), page.newestModification, page.skipped)
            }
        case .coupons:
            return walk(
                WooCommerceEndpoints.coupons(changedAfter: since, ordering: settings.ordering), from: start,
                needsCurrency: true
            ) { fetched, currency in
                let page = try WooCommerceCouponMapper(store: store, currency: currency).mapPage(fetched.response.body)
                return MappedBatch(.coupons(page.records), page.newestModification, page.skipped)
            }
        case .reviews:
            let mapper = WooCommerceReviewMapper(store: store, siteTimeZone: settings.orderMapping.siteTimeZone)
            return walk(WooCommerceEndpoints.reviews(createdAfter: since), from: start) { fetched, _ in
                let page = try mapper.mapPage(fetched.response.body)
                return MappedBatch(.reviews(page.records), page.newestModification, page.skipped)
            }
        case .customers:
            let consent = settings.consent
            // Only old API versions send `total_spent`, so the currency is
            // not worth a settings request (and its permission) here.
            return walk(WooCommerceEndpoints.customers(), from: start) { fetched, currency in
                let mapper = WooCommerceCustomerMapper(store: store, consent: consent, currency: currency)
                let page = try mapper.mapPage(fetched.response.body)
                return MappedBatch(.customers(page.records), page.newestModification, page.skipped)
            }
        case .loyalty:
            return readLoyalty(from: start)
        }
    }

    private func readLoyalty(from start: SyncCursor) -> ResourcePages {
        let mapper = WooCommerceLoyaltyMapper(store: settings.store)
        switch settings.loyalty {
        case .none:
            return ResourcePages(
                failing: ConnectorError.unsupported(
                    operation: "reading loyalty", ErrorContext(store: store, resource: "loyalty", platform: platform)))
        case .customerMeta(let keys):
            return walk(WooCommerceEndpoints.customers(for: .loyalty), from: start) { fetched, _ in
                let page = try mapper.mapCustomerMetaPage(fetched.response.body, keys: keys)
                return MappedBatch(.loyalty(page.records), page.newestModification, page.skipped)
            }
        case .advancedCoupons:
            return walk(WooCommerceEndpoints.customers(for: .loyalty), from: start) { fetched, _ in
                try await advancedCouponsBalances(customersPage: fetched.response.body, mapper: mapper)
            }
        }
    }

    /// One status request per customer on the page: the plugin has no bulk
    /// balance route. A customer the plugin does not know (404) is skipped.
    private func advancedCouponsBalances(
        customersPage body: Data, mapper: WooCommerceLoyaltyMapper
    ) async throws -> MappedBatch {
        let customers: [WooCustomerWire]
        do {
            customers = try WooWireDecoder.decodePage(WooCustomerWire.self, from: body, resource: .loyalty)
        } catch {
            throw error.connectorError(ErrorContext(store: store, resource: "loyalty", platform: platform))
        }
        var accounts: [LoyaltyAccount] = []
        var skipped: [WooCommerceSkippedRecord] = []
        for customer in customers {
            guard let id = customer.id.value, id > 0 else { continue }
            let endpoint = WooCommerceEndpoints.advancedCouponsLoyaltyStatus(userID: String(id))
            let request = TransportRequest(
                .get, url: endpoint.url(baseURL: settings.baseURL), resource: "loyalty", acceptedStatuses: [404])
            let response = try await transport.send(request)
            guard response.status != 404 else {
                skipped.append(WooCommerceSkippedRecord(id: String(id), reason: .noLoyaltyBalance))
                continue
            }
            do {
                accounts.append(
                    try mapper.mapAdvancedCouponsStatus(response.body, customerID: String(id), readAt: clock.date))
            } catch {
                throw error.connectorError(transport.errorContext(for: request))
            }
        }
        return MappedBatch(.loyalty(accounts), nil, skipped)
    }

    /// What a page mapper hands back to the walk.
    struct MappedBatch: Sendable {
        var records: RecordBatch
        var newestChange: Date?
        var skipped: [WooCommerceSkippedRecord]

        init(_ records: RecordBatch, _ newestChange: Date?, _ skipped: [WooCommerceSkippedRecord]) {
            self.records = records
            self.newestChange = newestChange
            self.skipped = skipped
        }
    }

    private struct WalkState: Sendable {
        var page: Int
        var cursor: SyncCursor
        var currency: Currency?
    }

    /// Walks `endpoint` page by page from `start`, resuming at its
    /// ``SyncCursor/nextPage``, threading the cursor through the pages and
    /// learning the store currency once if the mapper needs it.
    private func walk(
        _ endpoint: WooCommerceEndpoint, from start: SyncCursor, needsCurrency: Bool = false,
        map: @escaping @Sendable (FetchedPage, Currency?) async throws -> MappedBatch
    ) -> ResourcePages {
        let request = TransportRequest(
            .get, url: endpoint.url(baseURL: settings.baseURL), resource: endpoint.resource.rawValue)
        let pager = PageNumberPager(transport: transport, perPage: WooCommerceEndpoints.perPage)
        let initial = WalkState(page: max(start.nextPage ?? 1, 1), cursor: start, currency: settings.currency)
        return ResourcePages(initial: initial) { state in
            var currency = state.currency
            if needsCurrency, currency == nil { currency = try await resolveCurrency() }
            let fetched = try await pager.fetch(request, page: state.page)
            let batch: MappedBatch
            do {
                batch = try await map(fetched, currency)
            } catch let error as WooCommerceDecodingError {
                var context = transport.errorContext(for: request)
                context.url = fetched.response.redactedURL.isEmpty ? context.url : fetched.response.redactedURL
                throw error.connectorError(context)
            }
            report(batch.skipped, resource: endpoint.resource)
            var cursor = state.cursor.advanced(past: batch.records.anyRecords)
            if let newest = batch.newestChange, cursor.highWater.map({ newest > $0 }) ?? true {
                cursor.highWater = newest
            }
            let page = ResourcePage(
                records: batch.records, cursor: fetched.cursor(after: cursor), progress: fetched.progress)
            let following = fetched.nextPage.map { WalkState(page: $0, cursor: cursor, currency: currency) }
            return (page, following)
        }
    }

    private func report(_ skipped: [WooCommerceSkippedRecord], resource: ResourceKind) {
        for skip in skipped {
            switch skip.reason {
            case .unknownOrderStatus, .unsupportedCouponKind, .unknownReviewStatus:
                logger.warning(
                    "record skipped",
                    metadata: ["resource": "\(resource)", "id": "\(skip.id)", "reason": "\(skip.reason)"])
            default:
                logger.debug(
                    "record skipped",
                    metadata: ["resource": "\(resource)", "id": "\(skip.id)", "reason": "\(skip.reason)"])
            }
        }
    }
}
