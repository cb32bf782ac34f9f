/// WooCommerce ids: small sequential integers, as in a fresh WordPress database
/// (user 1 is the admin, so customers start at 2).
enum WooIDs {
    static func order(_ i: Int) -> Int { 1001 + i }
    static func orderIndex(_ id: Int) -> Int { id - 1001 }
    static func customer(_ c: Int) -> Int { 2 + c }
    static func customerIndex(_ id: Int) -> Int { id - 2 }
    static func product(_ p: Int) -> Int { 10 + p }
    static func coupon(_ k: Int) -> Int { 50_000_000 + k }
    static func couponIndex(_ id: Int) -> Int { id - 50_000_000 }
    static func review(_ r: Int) -> Int { 1 + r }
    static func lineItem(_ lineID: Int) -> Int { lineID }
    static func note(order i: Int, _ n: Int) -> Int { 200_000_000 + i * 16 + n }
    static func meta(order i: Int, _ n: Int) -> Int { 300_000_000 + i * 16 + n }
}

/// Shopify ids: large 64-bit integers, strictly increasing with the record index so that
/// `since_id` and id ordering match creation order.
enum ShopifyIDs {
    static let orderBase: Int64 = 5_100_000_000_000
    static let customerBase: Int64 = 7_200_000_000_000
    static let priceRuleBase: Int64 = 1_057_000_000_000
    static let discountCodeBase: Int64 = 1_060_000_000_000

    static func order(_ i: Int) -> Int64 { orderBase + Int64(i) * 101 }
    static func orderIndex(_ id: Int64) -> Int? { index(id, base: orderBase, step: 101) }
    static func customer(_ c: Int) -> Int64 { customerBase + Int64(c) * 37 }
    static func customerIndex(_ id: Int64) -> Int? { index(id, base: customerBase, step: 37) }
    static func priceRule(_ k: Int) -> Int64 { priceRuleBase + Int64(k) * 13 }
    static func priceRuleIndex(_ id: Int64) -> Int? { index(id, base: priceRuleBase, step: 13) }
    static func discountCode(_ k: Int) -> Int64 { discountCodeBase + Int64(k) * 17 }
    static func lineItem(_ lineID: Int) -> Int64 { 13_000_000_000_000 + Int64(lineID) }
    static func product(_ p: Int) -> Int64 { 8_000_000_000 + Int64(p) * 11 }
    static func variant(_ p: Int) -> Int64 { 44_000_000_000_000 + Int64(p) * 7 }
    static func fulfillment(_ i: Int) -> Int64 { 4_500_000_000_000 + Int64(i) }
    static func refund(_ i: Int) -> Int64 { 9_300_000_000_000 + Int64(i) }
    static func transaction(_ i: Int, _ n: Int) -> Int64 { 6_600_000_000_000 + Int64(i) * 4 + Int64(n) }
    static func address(_ c: Int) -> Int64 { 8_800_000_000_000 + Int64(c) }

    /// Converts an id to a record index using its generator's *current* upper bound; ids
    /// below the first record map to index -1 so `since_id` can use them.
    static func floorIndex(_ id: Int64, base: Int64, step: Int64) -> Int {
        if id < base { return -1 }
        return Int((id - base) / step)
    }

    private static func index(_ id: Int64, base: Int64, step: Int64) -> Int? {
        guard id >= base, (id - base) % step == 0 else { return nil }
        return Int((id - base) / step)
    }
}
