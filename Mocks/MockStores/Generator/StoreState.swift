import NIOConcurrencyHelpers

/// Records changed since start: the only per-record memory the emulator keeps.
struct StoreOverlay: Sendable {
    /// The store clock (epoch seconds, UTC). Moves only through `advance`.
    var now: Int64
    var orders: [Int: OrderRecord] = [:]
    var customers: [Int: CustomerRecord] = [:]
    /// Changed generated coupons and every created one (index >= the generated count).
    var coupons: [Int: CouponRecord] = [:]
    var createdCoupons = 0
    /// Review statuses changed over REST (moderation).
    var reviewStatuses: [Int: ReviewRecord.Status] = [:]
    /// Products touched since start (a review moderated), by index: their new `date_modified`.
    var productModifiedAt: [Int: Int64] = [:]
    /// Orders planted with a malformed line item (`"quantity": "two"`), by index.
    var malformedOrders: Set<Int> = []
    var nextID = 900_000_000
    /// Bumped on every change; keys caches of filtered scans.
    var version = 0
    var advanceCount = 0

    mutating func allocateID() -> Int {
        nextID += 1
        return nextID
    }

    /// Moves the clock one second so a change is strictly after everything before it.
    mutating func tick() -> Int64 {
        now += 1
        version += 1
        return now
    }
}

/// The generated store plus its overlay. Readers take a snapshot (copy-on-write, O(1)) and
/// render without holding the lock.
final class StoreState: Sendable {
    let profile: StoreProfile
    let people: PeopleGenerator
    let catalog: CatalogGenerator
    let orders: OrderGenerator
    private let overlay: NIOLockedValueBox<StoreOverlay>

    init(profile: StoreProfile) {
        self.profile = profile
        people = PeopleGenerator(profile: profile)
        catalog = CatalogGenerator(profile: profile, people: people)
        orders = OrderGenerator(profile: profile, people: people, catalog: catalog)
        overlay = NIOLockedValueBox(StoreOverlay(now: profile.clockStart))
    }

    func snapshot() -> StoreOverlay { overlay.withLockedValue { $0 } }

    func mutate<T>(_ body: (inout StoreOverlay) throws -> T) rethrows -> T {
        try overlay.withLockedValue { try body(&$0) }
    }

    func reset() { overlay.withLockedValue { $0 = StoreOverlay(now: profile.clockStart) } }

    // MARK: Record access through the overlay

    func order(_ i: Int, _ s: StoreOverlay) -> OrderRecord {
        var order = s.orders[i] ?? orders.order(i)
        if !s.malformedOrders.isEmpty, s.malformedOrders.contains(i) { order.malformedQuantity = true }
        return order
    }

    func orderModifiedAt(_ i: Int, _ s: StoreOverlay) -> Int64 {
        if let o = s.orders[i] { return o.modifiedAt(s.now) }
        return orders.baseModifiedAt(i, now: s.now)
    }

    func review(_ r: Int, _ s: StoreOverlay) -> ReviewRecord {
        var review = catalog.review(r)
        if let status = s.reviewStatuses[r] { review.status = status }
        return review
    }

    func product(_ p: Int, _ s: StoreOverlay) -> ProductRecord {
        var product = catalog.product(p)
        if let modified = s.productModifiedAt[p] { product.modifiedAt = modified }
        return product
    }

    func customer(_ c: Int, _ s: StoreOverlay) -> CustomerRecord { s.customers[c] ?? people.customer(c) }

    func couponCount(_ s: StoreOverlay) -> Int { profile.couponCount + s.createdCoupons }

    func coupon(_ k: Int, _ s: StoreOverlay) -> CouponRecord { s.coupons[k] ?? catalog.coupon(k) }

    func couponModifiedAt(_ k: Int, _ s: StoreOverlay) -> Int64 { coupon(k, s).modifiedAt }

    /// Finds a coupon by code, case-insensitively (both platforms treat codes that way).
    func couponIndex(code: String, _ s: StoreOverlay) -> Int? {
        let lower = code.lowercased()
        // A trashed coupon no longer holds its code: `?code=` skips it, and
        // a new coupon may take the code (api-facts §8.4).
        for (k, c) in s.coupons where c.code.lowercased() == lower && c.trashedAt == nil && !c.isDeleted {
            return k
        }
        // Generated codes end in `-<index+1 in base 36>`, so no scan is needed.
        if let dash = lower.lastIndex(of: "-"), let n = Int(lower[lower.index(after: dash)...], radix: 36),
            n >= 1, n <= profile.couponCount, s.coupons[n - 1] == nil, catalog.coupon(n - 1).code.lowercased() == lower
        {
            return n - 1
        }
        return nil
    }

    /// Finds a customer by e-mail (generated addresses encode their index).
    func customerIndex(email: String, _ s: StoreOverlay) -> Int? {
        let lower = email.lowercased()
        for (c, rec) in s.customers where rec.email.lowercased() == lower { return c }
        if let c = people.customerIndex(forEmail: lower), s.customers[c] == nil { return c }
        return nil
    }
}
