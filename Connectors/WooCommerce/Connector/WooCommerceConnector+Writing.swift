public import AftercartConnector
public import AftercartModel
import Foundation

extension WooCommerceConnector {
    /// Creates a coupon tagged with the `_aftercart` meta marker
    /// (``WooCommerceCouponMapper/markerMetaKey``). A free-shipping coupon
    /// is WooCommerce's `fixed_cart` of 0 with "Allow free shipping", which
    /// the store's shipping method must accept (its "free shipping
    /// requires a valid coupon" setting).
    ///
    /// The expiry is sent as `date_expires` with an explicit `Z`: WooCommerce
    /// reads a date without an offset in the store's time zone (WooCommerce REST API docs: `dates_are_gmt`) and
    /// ignores writes to `date_expires_gmt`. If the code already exists
    /// (WooCommerce compares codes case-insensitively) the existing coupon
    /// is returned when its terms are the requested ones, so a retry after a
    /// crash is harmless; under other terms it throws ``CouponTermsMismatch``.
    public func createCoupon(_ request: CouponRequest) async throws -> Coupon {
        let freeShipping = request.kind == .freeShipping
        let body = WooCouponCreateBody(
            code: request.code, discountType: freeShipping ? CouponKind.fixedCart.rawValue : request.kind.rawValue,
            amount: freeShipping ? "0" : DecimalText.format(request.amount, minimumFractionDigits: 0),
            freeShipping: freeShipping,
            dateExpires: request.expiresAt.map { WooCommerceEndpoints.queryDate($0) + "Z" },
            usageLimit: request.usageLimit, usageLimitPerUser: request.usageLimitPerCustomer,
            emailRestrictions: request.emailRestrictions, description: request.description ?? "Created by Aftercart",
            metaData: [WooMetaWriteEntry(key: WooCommerceCouponMapper.markerMetaKey, value: "1")])
        let transportRequest = try TransportRequest.json(
            .post, url: url(WooCommerceEndpoints.restPrefix + "/coupons"), body: body, isIdempotent: false,
            resource: "coupon creation")
        let response: TransportResponse
        do {
            response = try await sendWrite(transportRequest)
        } catch let error as ConnectorError {
            if case .badRequest(400, let context) = error,
                context.platformCode == "woocommerce_rest_coupon_code_already_exists",
                let existing = try await findCoupon(code: request.code)
            {
                let differences = couponDifferences(request, existing: existing)
                guard differences.isEmpty else {
                    throw CouponTermsMismatch(store: store, code: request.code, differences: differences)
                }
                return existing
            }
            throw error
        }
        let mapper = WooCommerceCouponMapper(store: store, currency: request.currency ?? settings.currency)
        do {
            guard let coupon = try mapper.mapCoupon(response.body).record else {
                throw ConnectorError.decoding(
                    field: "coupons.discount_type", reason: "the store returned another coupon type",
                    transport.errorContext(for: transportRequest))
            }
            if let wanted = request.expiresAt, let got = coupon.expiresAt, abs(wanted.timeIntervalSince(got)) >= 1 {
                logger.warning(
                    "coupon expiry differs from the request",
                    metadata: ["code": "\(coupon.code)", "requested": "\(wanted)", "stored": "\(got)"])
            }
            return coupon
        } catch let error as WooCommerceDecodingError {
            throw error.connectorError(transport.errorContext(for: transportRequest))
        }
    }

    /// WooCommerce lists a coupon's email restrictions, so an empty list
    /// means anyone may redeem it and differs from a restricted request.
    public func couponDifferences(_ request: CouponRequest, existing: Coupon) -> [String] {
        request.differences(from: existing, emailsReported: true)
    }

    /// `GET /coupons?code=`, matched as WooCommerce normalizes codes.
    public func findCoupon(code: String) async throws -> Coupon? {
        let wanted = WooCommerceCouponCode.normalized(code)
        let endpoint = WooCommerceEndpoints.coupon(code: wanted)
        let request = TransportRequest(.get, url: endpoint.url(baseURL: settings.baseURL), resource: "coupon lookup")
        let response = try await transport.send(request)
        let mapper = WooCommerceCouponMapper(store: store, currency: settings.currency)
        do {
            return try mapper.mapPage(response.body).records.first {
                WooCommerceCouponCode.normalized($0.code) == wanted
            }
        } catch {
            throw error.connectorError(transport.errorContext(for: request))
        }
    }

    /// `POST /orders/{id}/notes`. A customer-visible note makes WooCommerce
    /// email the shopper ("customer note").
    public func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {
        let id = try numericID(orderID, resource: "order note")
        let request = try TransportRequest.json(
            .post, url: url(WooCommerceEndpoints.restPrefix + "/orders/\(id)/notes"),
            body: WooOrderNoteBody(note: text, customerNote: customerVisible), isIdempotent: false,
            resource: "order note")
        _ = try await sendWrite(request)
    }

    /// Writes customer meta (`PUT /customers/{id}`, which updates entries
    /// with the same key and leaves others alone). WooCommerce customers
    /// have no tags; asking for tags is unsupported.
    public func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {
        guard tags.isEmpty else {
            throw ConnectorError.unsupported(
                operation: "customer tags", ErrorContext(store: store, resource: "customers", platform: platform))
        }
        guard !meta.isEmpty else { return }
        let id = try numericID(customerID, resource: "customer meta")
        let entries = meta.keys.sorted().map { WooMetaWriteEntry(key: $0, value: meta[$0]!) }
        let request = try TransportRequest.json(
            .put, url: url(WooCommerceEndpoints.restPrefix + "/customers/\(id)"),
            body: WooMetaOnlyBody(metaData: entries), isIdempotent: true, resource: "customer meta")
        _ = try await sendWrite(request)
    }

    /// Adds or deducts points through Advanced Coupons' admin route and
    /// returns the balance read back afterwards. Customer-meta balances
    /// belong to the plugin that writes them and are not adjusted here.
    public func adjustLoyalty(customerID: String, points: Int, reason: String) async throws -> LoyaltyAccount {
        guard case .advancedCoupons = settings.loyalty else {
            throw ConnectorError.unsupported(
                operation: "loyalty adjustment", ErrorContext(store: store, resource: "loyalty", platform: platform))
        }
        let id = try numericID(customerID, resource: "loyalty adjustment")
        let adjustment = WooCommerceEndpoints.advancedCouponsLoyaltyAdjustment(userID: id, points: points)
        // Not idempotent: a retry after a lost response would add the points twice.
        let request = TransportRequest(
            .post, url: adjustment.url(baseURL: settings.baseURL), isIdempotent: false, resource: "loyalty adjustment")
        _ = try await sendWrite(request)
        let status = WooCommerceEndpoints.advancedCouponsLoyaltyStatus(userID: id)
        let statusRequest = TransportRequest(.get, url: status.url(baseURL: settings.baseURL), resource: "loyalty")
        let response = try await transport.send(statusRequest)
        do {
            return try WooCommerceLoyaltyMapper(store: store).mapAdvancedCouponsStatus(
                response.body, customerID: id, readAt: clock.date)
        } catch {
            throw error.connectorError(transport.errorContext(for: statusRequest))
        }
    }

    /// Ids go into URL paths, so only digits are accepted.
    private func numericID(_ id: String, resource: String) throws -> String {
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ConnectorError.badRequest(
                status: 400,
                ErrorContext(
                    store: store, resource: resource, platform: platform, platformMessage: "invalid id \(id.prefix(20))"
                ))
        }
        return id
    }
}
