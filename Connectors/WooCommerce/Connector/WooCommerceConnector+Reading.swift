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
        switch resource {
        case .orders:
            return readOrders(since: since, from: start)
        case .coupons:
            return couponStream(since: since).pages(since: start)
        case .reviews:
            return readReviews(since: since, from: start)
        case .customers:
            return customerStream().pages(since: start)
        case .loyalty:
            return readLoyalty(from: start)
        }
    }

    /// Orders, coupons and customers with `ids`, one `GET …/{id}` each,
    /// mapped by the same mappers as their pages.
    public func read(_ resource: ResourceKind, ids: [String]) -> ResourcePages {
        switch resource {
        case .orders: orderStream(since: nil, readsTrash: false).pages(ids: ids)
        case .coupons: couponStream(since: nil).pages(ids: ids)
        case .customers: customerStream().pages(ids: ids)
        case .loyalty, .reviews:
            ResourcePages(
                failing: ConnectorError.unsupported(
                    operation: "reading one \(resource) record by id",
                    ErrorContext(store: store, resource: resource.rawValue, platform: platform)))
        }
    }

    private func couponStream(since: Date?) -> ResourceStream<Currency?> {
        let store = settings.store
        return stream(
            WooCommerceEndpoints.coupons(changedAfter: since, ordering: settings.ordering), needsCurrency: true
        ) { fetched, currency in
            try WooCommerceCouponMapper(store: store, currency: currency).mapPage(fetched.response.body)
                .batch(RecordBatch.coupons)
        }
    }

    private func customerStream() -> ResourceStream<Currency?> {
        let store = settings.store
        let consent = settings.consent
        // Only old API versions send `total_spent`, so the currency is
        // not worth a settings request (and its permission) here.
        return stream(WooCommerceEndpoints.customers()) { fetched, currency in
            let mapper = WooCommerceCustomerMapper(store: store, consent: consent, currency: currency)
            return try mapper.mapPage(fetched.response.body).batch(RecordBatch.customers)
        }
    }

    /// Orders changed since `since`, and before the walk's first page the
    /// ids of those trashed since then, handed over as vanished: the
    /// default list leaves trashed orders out, so without this read a
    /// trashed order would stay live until the next full pass.
    private func readOrders(since: Date?, from start: SyncCursor) -> ResourcePages {
        orderStream(since: since, readsTrash: true).pages(since: start)
    }

    /// The orders stream; `readsTrash` reads the trashed ids before the
    /// first page (a walk), not before re-reading single orders.
    private func orderStream(since: Date?, readsTrash: Bool) -> ResourceStream<[String]> {
        let mapper = WooCommerceOrderMapper(store: settings.store, options: settings.orderMapping)
        let endpoint = WooCommerceEndpoints.orders(changedAfter: since, ordering: settings.ordering)
        let trash = listRequest(for: WooCommerceEndpoints.trashedOrders(changedAfter: since))
        return ResourceStream<[String]>(
            resource: .orders, request: listRequest(for: endpoint), paging: .pageNumber(listPager),
            recordRequest: recordRequest(.orders), logger: logger,
            prepare: { previous in
                // Once per walk (a resumed walk reads the trash again: marking is idempotent).
                guard previous == nil, readsTrash else { return [] }
                return try await trashedOrderIDs(trash)
            },
            mappingFailure: { error, page in (error as? WooCommerceDecodingError)?.connectorError(page) ?? error },
            map: { fetched, trashed in
                var batch = try mapper.mapPage(fetched.response.body).batch(RecordBatch.orders)
                batch.vanished = trashed
                return batch
            })
    }

    /// The single-record request of `resource`, when it has one.
    private func recordRequest(_ resource: ResourceKind) -> (@Sendable (String) -> TransportRequest)? {
        guard WooCommerceEndpoints.record(resource, id: "1") != nil else { return nil }
        let baseURL = settings.baseURL
        return { id in
            let url = WooCommerceEndpoints.record(resource, id: id)?.url(baseURL: baseURL) ?? baseURL
            return TransportRequest(.get, url: url, resource: resource.rawValue)
        }
    }

    /// Every id `request` (a `status=trash` list) returns.
    private func trashedOrderIDs(_ request: TransportRequest) async throws -> [String] {
        try await listPager.collect(request) { fetched in
            try ids(in: fetched, request: request).map(String.init)
        }
    }

    /// The positive `id`s of a list page fetched with `_fields=id`.
    func ids(in fetched: FetchedPage, request: TransportRequest) throws -> [Int] {
        struct Row: Decodable { let id: WooInteger }
        do {
            return try JSONDecoder().decode([Row].self, from: fetched.response.body).compactMap { $0.id.value }
                .filter { $0 > 0 }
        } catch {
            throw ConnectorError.decoding(
                field: "id", reason: "a list asked for `_fields=id` must hold {\"id\": N} objects",
                transport.errorContext(for: request))
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
            return stream(WooCommerceEndpoints.customers(for: .loyalty)) { fetched, _ in
                try mapper.mapCustomerMetaPage(fetched.response.body, keys: keys).batch(RecordBatch.loyalty)
            }.pages(since: start)
        case .advancedCoupons:
            return stream(WooCommerceEndpoints.customers(for: .loyalty)) { fetched, _ in
                try await advancedCouponsBalances(customersPage: fetched.response.body, mapper: mapper)
            }.pages(since: start)
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
        return MappedBatch(.loyalty(accounts), skipped: skipped.map(\.reported))
    }

    /// `endpoint` as a stream the SDK walks page by page (`?page=&per_page=`,
    /// ending on `X-WP-TotalPages`), learning the store currency before
    /// the first page when the mapper needs it and the config names none.
    private func stream(
        _ endpoint: WooCommerceEndpoint, needsCurrency: Bool = false,
        map: @escaping @Sendable (FetchedPage, Currency?) async throws -> MappedBatch
    ) -> ResourceStream<Currency?> {
        ResourceStream(
            resource: endpoint.resource, request: listRequest(for: endpoint), paging: .pageNumber(listPager),
            recordRequest: recordRequest(endpoint.resource), logger: logger,
            prepare: { previous in
                // Until it is known: a store that names none is asked again on the next page.
                let currency = previous ?? settings.currency
                guard needsCurrency, currency == nil else { return currency }
                return try await resolveCurrency()
            },
            mappingFailure: { error, page in (error as? WooCommerceDecodingError)?.connectorError(page) ?? error },
            map: map)
    }

    /// The pager of every list: `page_size` records a page.
    var listPager: PageNumberPager { PageNumberPager(transport: transport, perPage: settings.pageSize) }

    /// The first page's request of `endpoint`.
    func listRequest(for endpoint: WooCommerceEndpoint) -> TransportRequest {
        TransportRequest(.get, url: endpoint.url(baseURL: settings.baseURL), resource: endpoint.resource.rawValue)
    }
}
