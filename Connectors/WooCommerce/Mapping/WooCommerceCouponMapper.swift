public import AftercartModel
public import Foundation

/// WooCommerce REST v3 coupons → ``Coupon``. Pure.
///
/// **How Aftercart recognises its own coupons:** the coupon carries the
/// meta entry ``markerMetaKey`` (`_aftercart`) with a truthy value (the
/// coupon writer stores the campaign name there). Meta rather than a
/// description marker because merchants edit descriptions in the admin,
/// and meta is what the WooCommerce docs suggest for tagging app-created
/// coupons. A value of `0`, `no`, `false` or `""` means "not ours".
///
/// `amount` is a percentage for `percent` and money in the store's
/// currency otherwise; `usage_limit` `null` is unlimited; codes are kept
/// as the store returns them (lowercased by WooCommerce).
public struct WooCommerceCouponMapper: Sendable {
    /// The meta key that marks a coupon Aftercart created.
    public static let markerMetaKey = "_aftercart"

    public var store: StoreID
    /// The store's currency, for fixed-amount coupons (coupon records do
    /// not carry one); `nil` leaves ``Coupon/currency`` unset.
    public var currency: Currency?

    public init(store: StoreID, currency: Currency?) {
        self.store = store
        self.currency = currency
    }

    /// Maps a `GET /coupons` page body.
    public func mapPage(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMappedPage<Coupon> {
        let wires = try WooWireDecoder.decodePage(WooCouponWire.self, from: body, resource: .coupons)
        var page = WooCommerceMappedPage<Coupon>()
        for (index, wire) in wires.enumerated() {
            let path = WooFieldPath(resource: .coupons).index(index)
            page.append(try map(wire, at: path), modified: try? WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path))
        }
        return page
    }

    /// Maps one coupon body (`GET`/`POST /coupons`, `coupon.*` webhooks).
    public func mapCoupon(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMapped<Coupon> {
        let wire = try WooWireDecoder.decodeRecord(WooCouponWire.self, from: body, resource: .coupons)
        return try map(wire, at: WooFieldPath(resource: .coupons))
    }

    func map(_ wire: WooCouponWire, at path: WooFieldPath) throws(WooCommerceDecodingError) -> WooCommerceMapped<Coupon>
    {
        let id = try WooFieldReading.id(wire.id, at: path.key("id"))
        // WooCommerce's default type when none is stored.
        let typeName = WooFieldReading.nonEmpty(wire.discountType) ?? "fixed_cart"
        guard var kind = CouponKind(rawValue: typeName), kind != .freeShipping else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .unsupportedCouponKind(typeName)))
        }
        do {
            let amount = try WooFieldReading.decimal(wire.amount, at: path.key("amount"))
            // Free shipping with money off as well keeps its money kind: the
            // model has one kind per coupon, and the money is the larger promise.
            if wire.freeShipping == true, amount == 0, kind == .fixedCart { kind = .freeShipping }
            let marker = wire.metaData?.value(for: Self.markerMetaKey)
            let ours = marker.map { WooCommerceConsentPolicy.answer($0) ?? true } ?? false
            return .record(
                Coupon(
                    store: store, id: id, code: wire.code, kind: kind,
                    amount: amount, currency: kind == .percent || kind == .freeShipping ? nil : currency,
                    expiresAt: try WooFieldReading.gmtDate(wire.dateExpiresGMT, at: path.key("date_expires_gmt")),
                    usageLimit: wire.usageLimit?.value, usedCount: wire.usageCount?.value ?? 0,
                    emailRestrictions: (wire.emailRestrictions ?? []).compactMap(WooFieldReading.nonEmpty),
                    createdByAftercart: ours,
                    updatedAt: try WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path.key("date_modified_gmt"))))
        } catch {
            var error = error
            error.recordID = id
            throw error
        }
    }
}
