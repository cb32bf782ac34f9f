public import AftercartConnector
public import AftercartModel
import Foundation
import Logging

extension ShopifyConnector {
    /// Pages of `resource` changed since `cursor`.
    ///
    /// The first request carries the filters (`updated_at_min` =
    /// ``SyncCursor/queryStart(lookback:notBefore:)`` in UTC, `status=any`
    /// for orders, `limit`); each following one only `limit` and the
    /// `page_info` of the `Link rel="next"`, as Shopify requires. The
    /// cursor stores that continuation URL, so a stopped walk resumes at
    /// the next page with the filter it started with, and collects the
    /// newest `updated_at` seen as its high water.
    public func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages {
        guard capabilities.readable.contains(resource) else {
            guard configuredCapabilities.readable.contains(resource) else { return unsupportedRead(resource) }
            // Switched off by a missing scope: fail with the scope's name.
            return ResourcePages(initial: ()) { _ in
                try await requireReadable(resource)
                return nil
            }
        }
        let start = cursor ?? SyncCursor()
        if let backfill = bulkBackfill(resource, from: start) { return backfill }
        return restPages(resource, from: ShopifyBulkCheckpoint.removed(from: start))
    }

    /// `resource`'s REST pages from `start` (see ``read(_:since:)``).
    func restPages(_ resource: ResourceKind, from start: SyncCursor) -> ResourcePages {
        let since = start.queryStart(lookback: settings.lookback)
        let limit = settings.pageSize
        switch resource {
        case .orders, .customers:
            return recordStream(resource, since: since).pages(since: start)
        case .coupons:
            return stream(
                ShopifyEndpoints.priceRules(updatedAtMin: since, limit: limit), resource: .coupons, limit: limit
            ) { body in
                try await couponsPage(body)
            }.pages(since: start)
        case .loyalty:
            if case .storeCredit(let credit) = settings.loyalty {
                return readStoreCredit(credit, since: start)
            }
            guard case .metafield(let keys) = settings.loyalty else { return unsupportedRead(resource) }
            // Each customer costs one more request, so pages are smaller and commit sooner.
            let customerLimit = min(limit, 50)
            // The cursor follows the customers' `updated_at`, which the accounts do not carry.
            return stream(
                ShopifyEndpoints.customers(updatedAtMin: since, limit: customerLimit), resource: .loyalty,
                limit: customerLimit, cursorField: .mapperNewestChange
            ) { body in
                try await loyaltyPage(body, keys: keys)
            }.pages(since: start)
        case .reviews:
            return unsupportedRead(resource)
        }
    }

    /// Orders and customers with `ids`, one `GET …/{id}.json` each, mapped
    /// by the same mappers as their pages.
    public func read(_ resource: ResourceKind, ids: [String]) -> ResourcePages {
        switch resource {
        case .orders, .customers: recordStream(resource, since: nil).pages(ids: ids)
        case .coupons, .loyalty, .reviews:
            ResourcePages(
                failing: ConnectorError.unsupported(
                    operation: "reading one \(resource) record by id",
                    ErrorContext(store: store, resource: resource.rawValue, platform: platform)))
        }
    }

    /// The orders or customers stream, which also reads one record by id
    /// (`orders/{id}.json`, the record under `"order"`).
    private func recordStream(_ resource: ResourceKind, since: Date?) -> ResourceStream<Void> {
        let limit = settings.pageSize
        let store = settings.store
        let first: String
        let single: (endpoint: @Sendable (String) -> String, member: String)
        let map: @Sendable (Data) throws -> MappedBatch
        if resource == .orders {
            first = ShopifyEndpoints.orders(updatedAtMin: since, limit: limit)
            single = ({ ShopifyEndpoints.order(id: $0) }, "order")
            let mapper = ShopifyOrderMapper(store: store)
            map = { try mapper.mapPage($0).batch(RecordBatch.orders) }
        } else {
            first = ShopifyEndpoints.customers(updatedAtMin: since, limit: limit)
            single = ({ ShopifyEndpoints.customer(id: $0) }, "customer")
            let mapper = ShopifyCustomerMapper(store: store)
            map = { try mapper.mapPage($0).batch(RecordBatch.customers) }
        }
        return stream(first, resource: resource, limit: limit, single: single, map: map)
    }

    private func unsupportedRead(_ resource: ResourceKind) -> ResourcePages {
        let operation =
            resource == .reviews
            ? "reading reviews (the Shopify Admin API has none; they live in review apps)" : "reading \(resource)"
        return ResourcePages(
            failing: ConnectorError.unsupported(
                operation: operation, ErrorContext(store: store, resource: resource.rawValue, platform: platform)))
    }

    /// A page of price rules with every rule's discount codes: one more
    /// request per rule (Shopify lists codes per rule only).
    private func couponsPage(_ body: Data) async throws -> MappedBatch {
        let context = ErrorContext(store: store, resource: "coupons", platform: platform)
        let list = try ShopifyWireDecoder.decode(ShopifyPriceRuleListWire.self, from: body, context: context)
        let needsCurrency = list.priceRules.contains { $0.valueType.lowercased() == "fixed_amount" }
        let mapper = ShopifyCouponMapper(store: store, currency: needsCurrency ? try await storeCurrency() : nil)
        var page = ShopifyMappedPage<Coupon>()
        for (index, rule) in list.priceRules.enumerated() {
            let codes = try await discountCodes(priceRuleID: String(rule.id))
            page.append(try mapper.map(rule, codes: codes, at: ShopifyFieldPath("price_rules").index(index)))
        }
        return page.batch(RecordBatch.coupons)
    }

    /// Every discount code of a price rule, following `Link` pages.
    func discountCodes(priceRuleID: String) async throws -> [ShopifyDiscountCodeWire] {
        let first = ShopifyEndpoints.discountCodes(priceRuleID: priceRuleID)
        var endpoint: String? = first
        var codes: [ShopifyDiscountCodeWire] = []
        var pages = 0
        while let current = endpoint, pages < 1_000 {
            pages += 1
            let request = TransportRequest(.get, url: url(current), resource: "coupons")
            let response = try await send(request)
            codes += try ShopifyWireDecoder.decode(
                ShopifyDiscountCodesWire.self, from: response.body, context: transport.errorContext(for: request)
            ).codes
            endpoint = response.links["next"].flatMap(ShopifyEndpoints.pageInfo(in:)).map {
                ShopifyEndpoints.continuation(of: first, pageInfo: $0, limit: 250)
            }
        }
        return codes
    }

    /// A page of changed customers with each one's loyalty metafields.
    ///
    /// The cursor follows the customers' `updated_at`. Whether writing a
    /// metafield bumps the customer's `updated_at` on real shops is
    /// unverified; if a loyalty app's writes do not, `sync --full` catches them.
    private func loyaltyPage(_ body: Data, keys: ShopifyLoyaltyMetafields) async throws -> MappedBatch {
        let context = ErrorContext(store: store, resource: "loyalty", platform: platform)
        let list = try ShopifyWireDecoder.decode(ShopifyCustomerListWire.self, from: body, context: context)
        let mapper = ShopifyLoyaltyMapper(store: store, keys: keys)
        var page = ShopifyMappedPage<LoyaltyAccount>()
        for (index, customer) in list.customers.enumerated() {
            let id = String(customer.id)
            let reading = ShopifyFieldReading(context: context, record: "customer \(id)")
            page.noteChange(
                try reading.optionalDate(
                    customer.updatedAt, at: ShopifyFieldPath("customers").index(index).key("updated_at")))
            let request = TransportRequest(
                .get, url: url(ShopifyEndpoints.customerMetafields(customerID: id, namespace: keys.namespace)),
                resource: "loyalty", acceptedStatuses: [404])
            let response = try await send(request)
            guard response.status != 404 else {
                page.skipped.append(ShopifySkippedRecord(id: id, reason: "customer deleted while reading"))
                continue
            }
            do {
                if let account = try mapper.mapMetafields(response.body, customerID: id) {
                    page.records.append(account)
                } else {
                    page.skipped.append(ShopifySkippedRecord(id: id, reason: "no points metafield"))
                }
            } catch {
                throw error.adding(transport.errorContext(for: request))
            }
        }
        return page.batch(RecordBatch.loyalty)
    }

    /// The member of a list body that holds the records, so the SDK can
    /// cut a page that fails to map into its records.
    private static func listKey(of resource: ResourceKind) -> String {
        switch resource {
        case .orders: "orders"
        case .coupons: "price_rules"
        case .customers, .loyalty: "customers"
        case .reviews: "reviews"
        }
    }

    /// `first` as a stream the SDK walks by its `Link rel="next"`
    /// continuations, after checking on the first page that the granted
    /// scopes allow reading `resource`.
    /// `single` is the endpoint of one record by id and the member its
    /// body holds the record under, for reading rejected records again.
    private func stream(
        _ first: String, resource: ResourceKind, limit: Int, cursorField: CursorField = .recordUpdatedAt,
        single: (endpoint: @Sendable (_ id: String) -> String, member: String)? = nil,
        map: @escaping @Sendable (Data) async throws -> MappedBatch
    ) -> ResourceStream<Void> {
        // Only the page_info of a link or a stored URL is trusted: the path
        // and host come from the current config, and Shopify allows nothing
        // but `limit` beside it.
        let pager = LinkPager(
            transport: transport,
            continuation: { link in
                ShopifyEndpoints.pageInfo(in: link).map {
                    url(ShopifyEndpoints.continuation(of: first, pageInfo: $0, limit: limit))
                }
            },
            adviseFailure: ShopifyErrorAdvice.advise)
        var recordRequest: (@Sendable (String) -> TransportRequest)?
        if let endpoint = single?.endpoint {
            recordRequest = { id in TransportRequest(.get, url: url(endpoint(id)), resource: resource.rawValue) }
        }
        return ResourceStream(
            resource: resource, request: TransportRequest(.get, url: url(first), resource: resource.rawValue),
            paging: .link(pager), cursorField: cursorField, envelope: .member(Self.listKey(of: resource)),
            recordRequest: recordRequest, recordEnvelope: single.map { .member($0.member) }, logger: logger,
            prepare: { previous in
                if previous == nil { try await requireReadable(resource) }
            },
            map: { fetched, _ in try await map(fetched.response.body) })
    }
}
