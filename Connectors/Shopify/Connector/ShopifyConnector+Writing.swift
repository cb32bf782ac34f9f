public import AftercartConnector
public import AftercartModel
import Foundation
import Logging

extension ShopifyConnector {
    /// Creates a single-use coupon: on API 2025-10 and later one GraphQL
    /// `discountCodeBasicCreate` (see ``createCodeDiscount(_:customers:)``);
    /// on a store pinned to an older version the REST way: a price rule
    /// titled `aftercart:<code>` (which marks it as Aftercart's), then its
    /// one discount code (Shopify Admin REST API, PriceRule and DiscountCode).
    ///
    /// The rule: `value_type` `percentage` or `fixed_amount` with a negative
    /// `value`; ``CouponKind/fixedProduct`` applies the amount to each line
    /// (`allocation_method` `each`, all items: the request names no
    /// products); ``CouponKind/freeShipping`` is 100 % off each shipping
    /// line (`target_type` `shipping_line`), Shopify's REST free shipping; `customer_selection` `prerequisite` with
    /// `prerequisite_customer_ids` when the request names customers;
    /// `usage_limit`, `once_per_customer` for a per-customer limit of 1,
    /// `starts_at` now and `ends_at` the expiry. Shopify restricts by
    /// customer, not email: a request with emails but no customer ids has
    /// its emails resolved (`customers/search.json?query=email:…`); an
    /// email no customer has fails the creation with `.notFound`: a smart
    /// coupon is restricted to its customer (CouponRequest) or not made at all.
    ///
    /// Never a second code: the code is looked up first, and if Shopify
    /// still answers 422 "must be unique" (a concurrent creation) the
    /// existing coupon is returned and the rule just made is deleted.
    /// A crash between the two requests leaves a rule without a code,
    /// which is harmless (it cannot be redeemed) but stays in the admin.
    public func createCoupon(_ request: CouponRequest) async throws -> Coupon {
        try await requireWritable([.createCoupon], operation: "creating a coupon", resource: "coupon creation")
        if let existing = try await findCoupon(code: request.code) { return try sameTerms(existing, request) }
        var customers = try request.customerIDs.map { try numericID($0, resource: "coupon creation") }
        if customers.isEmpty, !request.emailRestrictions.isEmpty {
            customers = try await customerIDs(forEmails: request.emailRestrictions)
            if customers.isEmpty {
                throw ConnectorError.notFound(
                    ErrorContext(
                        store: store, resource: "coupon creation", platform: platform,
                        platformMessage: "no customer has the coupon's email, so it cannot be restricted to them"))
            }
        }
        if settings.createsDiscountsThroughGraphQL {
            return try await createCodeDiscount(request, customers: customers)
        }
        let valueType: String
        var allocation = "across"
        var targetType = "line_item"
        var magnitude = request.amount < 0 ? -request.amount : request.amount
        switch request.kind {
        case .percent:
            valueType = "percentage"
        case .fixedCart:
            valueType = "fixed_amount"
        case .fixedProduct:
            valueType = "fixed_amount"
            allocation = "each"
        case .freeShipping:
            valueType = "percentage"
            allocation = "each"
            targetType = "shipping_line"
            magnitude = 100
        }
        let body = ShopifyPriceRuleCreateBody(
            priceRule: .init(
                title: ShopifyCouponMapper.titlePrefix + request.code, targetType: targetType, targetSelection: "all",
                allocationMethod: allocation, valueType: valueType,
                value: "-" + DecimalText.format(magnitude, minimumFractionDigits: 1),
                customerSelection: customers.isEmpty ? "all" : "prerequisite", prerequisiteCustomerIDs: customers,
                usageLimit: request.usageLimit, oncePerCustomer: request.usageLimitPerCustomer == 1,
                startsAt: ShopifyEndpoints.queryDate(clock.date),
                endsAt: request.expiresAt.map(ShopifyEndpoints.queryDate)))
        let ruleRequest = try TransportRequest.json(
            .post, url: url("price_rules.json"), body: body, isIdempotent: false, resource: "coupon creation")
        let ruleResponse = try await send(ruleRequest)
        let rule = try ShopifyWireDecoder.decode(
            ShopifyPriceRuleEnvelopeWire.self, from: ruleResponse.body,
            context: transport.errorContext(for: ruleRequest)
        ).priceRule

        let codeRequest = try TransportRequest.json(
            .post, url: url(ShopifyEndpoints.discountCodes(priceRuleID: String(rule.id), limit: nil)),
            body: ShopifyDiscountCodeCreateBody(discountCode: .init(code: request.code)), isIdempotent: false,
            resource: "coupon creation")
        let codeResponse: TransportResponse
        do {
            codeResponse = try await send(codeRequest)
        } catch let error as ConnectorError {
            guard Self.isDuplicateCode(error), let existing = try await findCoupon(code: request.code) else {
                throw error
            }
            await deleteOrphan(priceRuleID: String(rule.id))
            return try sameTerms(existing, request)
        }
        let codes = try ShopifyWireDecoder.decode(
            ShopifyDiscountCodesWire.self, from: codeResponse.body, context: transport.errorContext(for: codeRequest))
        var currency: Currency?
        if valueType == "fixed_amount" {
            if let given = request.currency { currency = given } else { currency = try await storeCurrency() }
        }
        let mapped = try ShopifyCouponMapper(store: store, currency: currency)
            .map(rule, codes: codes.codes, at: ShopifyFieldPath("price_rule"))
        guard let coupon = mapped.records.first else {
            throw ConnectorError.decoding(
                field: "discount_code", reason: "the store returned no code", transport.errorContext(for: codeRequest))
        }
        return coupon
    }

    /// `GET discount_codes/lookup.json?code=`, which Shopify answers with
    /// `303 See Other` and a `Location` (followed here by hand: the shared
    /// client follows no redirects), or with the code itself (200) behind
    /// proxies that follow it; then the code's price rule. Codes are
    /// compared case-insensitively, as Shopify does.
    public func findCoupon(code: String) async throws -> Coupon? {
        try await requireWritable([.findCoupon], operation: "looking up a coupon", resource: "coupon lookup")
        let lookup = TransportRequest(
            .get, url: url(ShopifyEndpoints.discountCodeLookup(code: code)), resource: "coupon lookup",
            acceptedStatuses: [301, 302, 303, 307, 308, 404])
        var response = try await send(lookup)
        var answered = lookup
        if response.status == 404 { return nil }
        if (300...399).contains(response.status) {
            guard let location = response.headers["Location"], let target = sameStoreURL(location) else {
                throw ConnectorError.invalidResponse(
                    reason: "discount code lookup redirected without a usable Location",
                    transport.errorContext(for: lookup))
            }
            answered = TransportRequest(.get, url: target, resource: "coupon lookup", acceptedStatuses: [404])
            response = try await send(answered)
            if response.status == 404 { return nil }
        }
        let context = transport.errorContext(for: answered)
        guard
            let found = try ShopifyWireDecoder.decode(
                ShopifyDiscountCodesWire.self, from: response.body, context: context
            )
            .codes.first(where: { $0.code.lowercased() == code.lowercased() })
        else { return nil }
        guard let ruleID = found.priceRuleID else {
            throw ConnectorError.decoding(field: "discount_code.price_rule_id", reason: "missing", context)
        }
        let ruleRequest = TransportRequest(
            .get, url: url(ShopifyEndpoints.priceRule(id: String(ruleID))), resource: "coupon lookup")
        let rule = try ShopifyWireDecoder.decode(
            ShopifyPriceRuleEnvelopeWire.self, from: try await send(ruleRequest).body,
            context: transport.errorContext(for: ruleRequest)
        ).priceRule
        let currency = rule.valueType.lowercased() == "fixed_amount" ? try await storeCurrency() : nil
        return try ShopifyCouponMapper(store: store, currency: currency)
            .map(rule, codes: [found], at: ShopifyFieldPath("price_rule")).records.first
    }

    /// Appends `text` to the order's note (`PUT orders/{id}.json`), after
    /// reading the current one. Shopify order notes are staff-only: there
    /// is no customer-visible note, so `customerVisible` changes nothing;
    /// shopper-facing messages go through email. A note that already ends
    /// with `text` (a retry after a crash) is left alone.
    public func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {
        let id = try numericID(orderID, resource: "order note")
        try await requireWritable([.orderNotes], operation: "adding an order note", resource: "order note")
        if customerVisible {
            logger.debug(
                "Shopify order notes are staff-only; writing a customer-visible note as staff note",
                metadata: ["order": "\(id)"])
        }
        let readRequest = TransportRequest(
            .get, url: url(ShopifyEndpoints.order(id: String(id), fields: "id,note")), resource: "order note")
        let current = try ShopifyWireDecoder.decode(
            ShopifyOrderNoteWire.self, from: try await send(readRequest).body,
            context: transport.errorContext(for: readRequest)
        ).order.note
        let existing = ShopifyFieldReading.nonEmpty(current)
        if let existing, existing.hasSuffix(text) { return }
        let note = existing.map { $0 + "\n" + text } ?? text
        // The body is the whole note, so sending it twice changes nothing.
        let request = try TransportRequest.json(
            .put, url: url(ShopifyEndpoints.order(id: String(id))),
            body: ShopifyOrderNoteBody(order: .init(id: id, note: note)), isIdempotent: true, resource: "order note")
        _ = try await send(request)
    }

    /// Merges `tags` into the customer's tags (`PUT customers/{id}.json`
    /// with the whole list, after reading it; compared case-insensitively)
    /// and writes each `meta` entry as a metafield
    /// (`POST customers/{id}/metafields.json`, an upsert by namespace and
    /// key). A meta key `namespace.key` names its namespace; a plain key
    /// goes into ``ShopifyStoreSettings/metaNamespace``.
    public func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {
        let id = try numericID(customerID, resource: "customer tags")
        try await requireWritable(
            [.customerTags, .customerMeta], operation: "tagging a customer", resource: "customer tags")
        // Shopify stores tags as one comma-separated string.
        let wanted = tags.compactMap { ShopifyFieldReading.nonEmpty($0.replacingOccurrences(of: ",", with: " ")) }
        if !wanted.isEmpty {
            let readRequest = TransportRequest(
                .get, url: url(ShopifyEndpoints.customer(id: String(id), fields: "id,tags")), resource: "customer tags")
            let current = try ShopifyWireDecoder.decode(
                ShopifyCustomerTagsWire.self, from: try await send(readRequest).body,
                context: transport.errorContext(for: readRequest)
            ).customer.tags
            var merged = (current ?? "").split(separator: ",").compactMap { ShopifyFieldReading.nonEmpty(String($0)) }
            let before = merged.count
            for tag in wanted where !merged.contains(where: { $0.lowercased() == tag.lowercased() }) {
                merged.append(tag)
            }
            if merged.count != before {
                let request = try TransportRequest.json(
                    .put, url: url(ShopifyEndpoints.customer(id: String(id))),
                    body: ShopifyCustomerTagsBody(customer: .init(id: id, tags: merged.joined(separator: ", "))),
                    isIdempotent: true, resource: "customer tags")
                _ = try await send(request)
            }
        }
        for key in meta.keys.sorted() {
            var namespace = settings.metaNamespace
            var name = key
            if let dot = key.firstIndex(of: "."), dot != key.startIndex, key.index(after: dot) != key.endIndex {
                namespace = String(key[..<dot])
                name = String(key[key.index(after: dot)...])
            }
            let request = try TransportRequest.json(
                .post, url: url(ShopifyEndpoints.customerMetafields(customerID: String(id))),
                body: ShopifyMetafieldCreateBody(
                    metafield: .init(namespace: namespace, key: name, value: meta[key]!, type: "single_line_text_field")
                ),
                isIdempotent: true, resource: "customer meta")
            _ = try await send(request)
        }
    }

    /// Customers whose email is exactly one of `emails` (case-insensitive);
    /// empty when none matches or the store cannot search (404).
    func customerIDs(forEmails emails: [String], resource: String = "coupon creation") async throws -> [Int64] {
        var ids: [Int64] = []
        for email in emails {
            let request = TransportRequest(
                .get, url: url(ShopifyEndpoints.customerSearch(email: email)), resource: resource,
                acceptedStatuses: [404])
            let response = try await send(request)
            guard response.status != 404 else { return [] }
            let found = try ShopifyWireDecoder.decode(
                ShopifyCustomerListWire.self, from: response.body, context: transport.errorContext(for: request))
            for customer in found.customers where customer.email?.lowercased() == email.lowercased() {
                if !ids.contains(customer.id) { ids.append(customer.id) }
            }
        }
        return ids
    }

    /// Whether a failure is Shopify's 422 `{"errors":{"code":["must be unique…"]}}`.
    static func isDuplicateCode(_ error: ConnectorError) -> Bool {
        guard case .badRequest(422, let context) = error, let message = context.platformMessage?.lowercased() else {
            return false
        }
        return message.hasPrefix("code") && (message.contains("unique") || message.contains("taken"))
    }

    /// `existing` when it grants what `request` asks, else ``CouponTermsMismatch``.
    func sameTerms(_ existing: Coupon, _ request: CouponRequest) throws -> Coupon {
        let differences = couponDifferences(request, existing: existing)
        guard differences.isEmpty else {
            throw CouponTermsMismatch(store: store, code: request.code, differences: differences)
        }
        return existing
    }

    /// Best effort: a rule left without a code cannot be redeemed, so a
    /// failure here is only logged.
    private func deleteOrphan(priceRuleID: String) async {
        let request = TransportRequest(
            .delete, url: url(ShopifyEndpoints.priceRule(id: priceRuleID)), resource: "coupon creation",
            acceptedStatuses: [404])
        do {
            _ = try await send(request)
        } catch {
            logger.debug("could not delete an unused price rule", metadata: ["price_rule": "\(priceRuleID)"])
        }
    }

    /// The path and query of `location` on the configured store, so a
    /// redirect never sends the token to another host.
    private func sameStoreURL(_ location: String) -> String? {
        var path = location
        if let schemeEnd = location.range(of: "://") {
            guard let slash = location[schemeEnd.upperBound...].firstIndex(of: "/") else { return nil }
            path = String(location[slash...])
        }
        guard path.hasPrefix("/admin/api/") else { return nil }
        return settings.baseURL + path
    }

    /// Shopify ids are integers and go into URL paths, so nothing else is accepted.
    func numericID(_ id: String, resource: String) throws -> Int64 {
        guard let value = Int64(id), value > 0 else {
            throw ConnectorError.badRequest(
                status: 400,
                ErrorContext(
                    store: store, resource: resource, platform: platform, platformMessage: "invalid id \(id.prefix(20))"
                ))
        }
        return value
    }
}
