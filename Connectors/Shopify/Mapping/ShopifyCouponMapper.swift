public import AftercartConnector
public import AftercartModel
public import Foundation

/// Price rules and their discount codes → ``Coupon``, one per code.
///
/// - `value_type` `percentage` → ``CouponKind/percent``; `fixed_amount` →
///   ``CouponKind/fixedProduct`` when the rule targets entitled items or
///   applies to each item (`target_selection` `entitled` or
///   `allocation_method` `each`), otherwise ``CouponKind/fixedCart``.
///   The amount is the magnitude of the negative `value` (`"-10.0"` → 10).
/// - A rule on `shipping_line` at 100 % off is ``CouponKind/freeShipping``
///   (amount 0); other shipping rules (cheaper shipping) have no kind in
///   the model and are skipped: reading "50 % off shipping" as "50 % off"
///   would be worse than leaving it out.
/// - `ends_at` → `expires_at`; `usage_limit`; `usage_count` of the code.
/// - `created_by_aftercart`: the rule's title starts with `aftercart:`,
///   which ``ShopifyConnector/createCoupon(_:)`` writes (Shopify has no meta
///   on price rules that the REST API exposes).
/// - Price rules restrict by customer id (`prerequisite_customer_ids`),
///   not by email, so `email_restrictions` stays empty.
/// - `updated_at` is the later of the rule's and the code's.
public struct ShopifyCouponMapper: Sendable {
    /// The title prefix that marks Aftercart's own price rules.
    public static let titlePrefix = "aftercart:"

    public var store: StoreID
    /// The shop currency that fixed amounts are in (price rules carry none).
    public var currency: Currency?

    public init(store: StoreID, currency: Currency?) {
        self.store = store
        self.currency = currency
    }

    private var context: ErrorContext { ErrorContext(store: store, resource: "coupons", platform: "shopify") }

    /// Maps a price rule body (`{"price_rule": …}`) with its codes
    /// (`{"discount_codes": […]}` or `{"discount_code": …}`).
    public func mapCoupons(priceRule: Data, discountCodes: Data) throws(ConnectorError) -> ShopifyMappedPage<Coupon> {
        let rule = try ShopifyWireDecoder.decode(ShopifyPriceRuleEnvelopeWire.self, from: priceRule, context: context)
        let codes = try ShopifyWireDecoder.decode(ShopifyDiscountCodesWire.self, from: discountCodes, context: context)
        return try map(rule.priceRule, codes: codes.codes, at: ShopifyFieldPath("price_rule"))
    }

    func map(
        _ rule: ShopifyPriceRuleWire, codes: [ShopifyDiscountCodeWire], at path: ShopifyFieldPath
    ) throws(ConnectorError) -> ShopifyMappedPage<Coupon> {
        let reading = ShopifyFieldReading(context: context, record: "price rule \(rule.id)")
        var page = ShopifyMappedPage<Coupon>()
        let ruleUpdated = try reading.optionalDate(rule.updatedAt, at: path.key("updated_at"))
        page.noteChange(ruleUpdated)
        let value = try reading.decimal(rule.value, at: path.key("value"))
        let kind: CouponKind
        var couponCurrency: Currency?
        let shippingLine = rule.targetType?.lowercased() == "shipping_line"
        switch rule.valueType.lowercased() {
        case "percentage" where shippingLine && value == -100:
            kind = .freeShipping
        case _ where shippingLine:
            // Only the whole shipping line free is a coupon the model knows.
            page.skipped = codes.map {
                ShopifySkippedRecord(id: String($0.id), reason: "shipping discount other than free shipping")
            }
            return page
        case "percentage":
            kind = .percent
        case "fixed_amount":
            let perItem =
                rule.targetSelection?.lowercased() == "entitled" || rule.allocationMethod?.lowercased() == "each"
            kind = perItem ? .fixedProduct : .fixedCart
            guard let currency else {
                throw reading.failure(path.key("value"), "a fixed amount needs the shop currency, which is unknown")
            }
            couponCurrency = currency
        default:
            throw reading.failure(
                path.key("value_type"), "\"\(rule.valueType.prefix(30))\" is not percentage or fixed_amount")
        }
        let expiresAt = try reading.optionalDate(rule.endsAt, at: path.key("ends_at"))
        let ours = rule.title?.lowercased().hasPrefix(Self.titlePrefix) ?? false
        for (index, code) in codes.enumerated() {
            let codePath = ShopifyFieldPath("discount_codes").index(index)
            let codeUpdated = try reading.optionalDate(code.updatedAt, at: codePath.key("updated_at"))
            page.noteChange(codeUpdated)
            let updatedAt = [ruleUpdated, codeUpdated].compactMap { $0 }.max()
            let amount = kind == .freeShipping ? 0 : (value < 0 ? -value : value)
            page.records.append(
                Coupon(
                    store: store, id: String(code.id), code: code.code, kind: kind, amount: amount,
                    currency: couponCurrency, expiresAt: expiresAt, usageLimit: rule.usageLimit,
                    usedCount: code.usageCount ?? 0, emailRestrictions: [], createdByAftercart: ours,
                    updatedAt: updatedAt))
        }
        return page
    }
}
