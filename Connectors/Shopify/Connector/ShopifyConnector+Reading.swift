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
        let since = start.queryStart(lookback: settings.lookback)
        let limit = settings.pageSize
        let store = settings.store
        switch resource {
        case .orders:
            let mapper = ShopifyOrderMapper(store: store)
            return walk(
                ShopifyEndpoints.orders(updatedAtMin: since, limit: limit), resource: .orders, limit: limit, from: start
            ) {
                body in
                let page = try mapper.mapPage(body)
                return MappedBatch(.orders(page.records), page.newestChange, page.skipped)
            }
        case .customers:
            let mapper = ShopifyCustomerMapper(store: store)
            return walk(
                ShopifyEndpoints.customers(updatedAtMin: since, limit: limit), resource: .customers, limit: limit,
                from: start
            ) { body in
                let page = try mapper.mapPage(body)
                return MappedBatch(.customers(page.records), page.newestChange, page.skipped)
            }
        case .coupons:
            return walk(
                ShopifyEndpoints.priceRules(updatedAtMin: since, limit: limit), resource: .coupons, limit: limit,
                from: start
            ) { body in
                try await couponsPage(body)
            }
        case .loyalty:
            if case .storeCredit(let credit) = settings.loyalty {
                return readStoreCredit(credit, since: start)
            }
            guard case .metafield(let keys) = settings.loyalty else { return unsupportedRead(resource) }
            // Each customer costs one more request, so pages are smaller and commit sooner.
            let customerLimit = min(limit, 50)
            return walk(
                ShopifyEndpoints.customers(updatedAtMin: since, limit: customerLimit), resource: .loyalty,
                limit: customerLimit, from: start
            ) { body in
                try await loyaltyPage(body, keys: keys)
            }
        case .reviews:
            return unsupportedRead(resource)
        }
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
        var records: [Coupon] = []
        var skipped: [ShopifySkippedRecord] = []
        var newest: Date?
        for (index, rule) in list.priceRules.enumerated() {
            let codes = try await discountCodes(priceRuleID: String(rule.id))
            let page = try mapper.map(rule, codes: codes, at: ShopifyFieldPath("price_rules").index(index))
            records += page.records
            skipped += page.skipped
            if let changed = page.newestChange, newest.map({ changed > $0 }) ?? true { newest = changed }
        }
        return MappedBatch(.coupons(records), newest, skipped)
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
        var accounts: [LoyaltyAccount] = []
        var skipped: [ShopifySkippedRecord] = []
        var newest: Date?
        for (index, customer) in list.customers.enumerated() {
            let id = String(customer.id)
            let reading = ShopifyFieldReading(context: context, record: "customer \(id)")
            if let changed = try reading.optionalDate(
                customer.updatedAt, at: ShopifyFieldPath("customers").index(index).key("updated_at")),
                newest.map({ changed > $0 }) ?? true
            {
                newest = changed
            }
            let request = TransportRequest(
                .get, url: url(ShopifyEndpoints.customerMetafields(customerID: id, namespace: keys.namespace)),
                resource: "loyalty", acceptedStatuses: [404])
            let response = try await send(request)
            guard response.status != 404 else {
                skipped.append(ShopifySkippedRecord(id: id, reason: "customer deleted while reading"))
                continue
            }
            do {
                if let account = try mapper.mapMetafields(response.body, customerID: id) {
                    accounts.append(account)
                } else {
                    skipped.append(ShopifySkippedRecord(id: id, reason: "no points metafield"))
                }
            } catch {
                throw error.adding(transport.errorContext(for: request))
            }
        }
        return MappedBatch(.loyalty(accounts), newest, skipped, recordTimesMoveCursor: false)
    }

    /// What a page mapper hands back to the walk.
    struct MappedBatch: Sendable {
        var records: RecordBatch
        var newestChange: Date?
        var skipped: [ShopifySkippedRecord]
        /// Whether the records' own `updated_at` may raise the high water;
        /// not for loyalty, whose walk is over customers.
        var recordTimesMoveCursor: Bool

        init(
            _ records: RecordBatch, _ newestChange: Date?, _ skipped: [ShopifySkippedRecord],
            recordTimesMoveCursor: Bool = true
        ) {
            self.records = records
            self.newestChange = newestChange
            self.skipped = skipped
            self.recordTimesMoveCursor = recordTimesMoveCursor
        }
    }

    private struct WalkState: Sendable {
        var endpoint: String
        var page: Int
        var cursor: SyncCursor
        /// This page's request, sent while the previous page was being mapped and committed.
        var ahead: PageAhead?
    }

    /// Walks `first` and its `Link rel="next"` continuations from `start`,
    /// resuming at its ``SyncCursor/pageToken`` and threading the cursor
    /// through the pages.
    private func walk(
        _ first: String, resource: ResourceKind, limit: Int, from start: SyncCursor,
        map: @escaping @Sendable (Data) async throws -> MappedBatch
    ) -> ResourcePages {
        var firstEndpoint = first
        if let token = start.pageToken, let pageInfo = ShopifyEndpoints.pageInfo(in: token) {
            // Only the page_info of a stored URL is trusted: the path and
            // host come from the current config.
            firstEndpoint = ShopifyEndpoints.continuation(of: first, pageInfo: pageInfo, limit: limit)
        }
        // The next page's URL is in this page's Link header, known before
        // its body is mapped: with page concurrency above 1 (`sync
        // --page-concurrency`), that request goes out at once, so the store
        // renders page n+1 while page n is decoded and committed. One page
        // ahead is all a cursor chain allows; the transport still paces it.
        let fetchAhead = PagePrefetch.concurrency > 1
        let pageRequest: @Sendable (String) -> TransportRequest = { endpoint in
            TransportRequest(.get, url: url(endpoint), resource: resource.rawValue)
        }
        return ResourcePages(initial: WalkState(endpoint: firstEndpoint, page: 1, cursor: start)) { state in
            if state.page == 1 { try await requireReadable(resource) }
            let request = pageRequest(state.endpoint)
            let response: TransportResponse
            if let ahead = state.ahead {
                response = try await ahead.response()
            } else {
                response = try await send(request)
            }
            var next = response.links["next"].flatMap(ShopifyEndpoints.pageInfo(in:)).map {
                ShopifyEndpoints.continuation(of: first, pageInfo: $0, limit: limit)
            }
            if next == state.endpoint { next = nil }
            // Dropped (a mapping error, a stopped walk), it cancels its request.
            let ahead = next.flatMap { endpoint in
                fetchAhead
                    ? PageAhead { try await send(pageRequest(endpoint)) }
                    : nil
            }
            let batch: MappedBatch
            do {
                batch = try await map(response.body)
            } catch let error as ConnectorError {
                throw error.adding(transport.errorContext(for: request))
            }
            report(batch.skipped, resource: resource)
            var cursor =
                batch.recordTimesMoveCursor ? state.cursor.advanced(past: batch.records.anyRecords) : state.cursor
            if let newest = batch.newestChange, cursor.highWater.map({ newest > $0 }) ?? true {
                cursor.highWater = newest
            }
            let page = ResourcePage(
                records: batch.records, cursor: next.map { cursor.continuing(atToken: url($0)) } ?? cursor.completed(),
                progress: PageProgress(pageNumber: state.page, hasMore: next != nil))
            return (page, next.map { WalkState(endpoint: $0, page: state.page + 1, cursor: cursor, ahead: ahead) })
        }
    }

    func report(_ skipped: [ShopifySkippedRecord], resource: ResourceKind) {
        for skip in skipped {
            logger.debug(
                "record skipped", metadata: ["resource": "\(resource)", "id": "\(skip.id)", "reason": "\(skip.reason)"])
        }
    }
}
