/// Everything about a generated store that does not change while it runs: sizes, currency,
/// zone and the time grid records are laid out on.
///
/// Time layout (why filters need no full scan): record `i` of a kind is created at
/// `firstAt + i * spacing + jitter(i)` with `0 <= jitter < spacing`, so creation time is
/// strictly increasing in the index and a created-time bound maps to an index bound by
/// division. An order's later events (paid, shipped, delivered, refunded) all fall within
/// `maxLifecycleSeconds` of its creation, so its modification time lies in
/// `[created, created + maxLifecycleSeconds]` and a `modified_after` bound maps to an index
/// bound minus a fringe of at most `maxLifecycleSeconds / spacing` records, which are
/// checked one by one. Records touched by writes or `advance?orders=` live in the overlay
/// and are checked separately.
struct StoreProfile: Sendable {
    let seed: UInt64
    let currency: StoreCurrency
    let timeZone: StoreTimeZone
    let region: Catalog.Region
    let storeName: String
    let orderCount: Int
    let customerCount: Int
    let productCount: Int
    let couponCount: Int
    let reviewCount: Int
    /// The store clock when the server starts (epoch seconds, UTC).
    let clockStart: Int64
    /// Customers named by the test instead of the generator, by index.
    let namedCustomers: [Int: MockPersonName]

    static let maxLifecycleSeconds: Int64 = 12 * 86_400
    static let historySeconds: Int64 = 730 * 86_400

    let orderGrid: TimeGrid
    let customerGrid: TimeGrid
    let couponGrid: TimeGrid
    let reviewGrid: TimeGrid
    let productGrid: TimeGrid

    init(
        seed: UInt64, currency: StoreCurrency?, timeZone: String?, storeName: String?,
        orders: Int, customers: Int?, products: Int?, coupons: Int?, reviews: Int?, clockStart: Int64,
        namedCustomers: [Int: MockPersonName] = [:]
    ) {
        self.seed = seed
        self.namedCustomers = namedCustomers
        let pickedCurrency = currency ?? [StoreCurrency.usd, .eur, .jpy][Int(SeededRandom.mix(seed) % 3)]
        self.currency = pickedCurrency
        let zoneName =
            timeZone
            ?? {
                switch pickedCurrency.code {
                case "JPY": return "Asia/Tokyo"
                case "EUR": return "Europe/Berlin"
                default: return "America/New_York"
                }
            }()
        self.timeZone = StoreTimeZone(identifier: zoneName)
        region = Catalog.region(for: pickedCurrency)
        self.storeName =
            storeName
            ?? {
                switch pickedCurrency.code {
                case "JPY": return "Kissa Goods Tokyo"
                case "EUR": return "Kaffeehaus Berlin"
                default: return "Harbor & Pine Supply"
                }
            }()
        orderCount = max(0, orders)
        customerCount = max(0, customers ?? (orders == 0 ? 0 : max(1, orders / 3)))
        productCount = max(orderCount > 0 ? 1 : 0, products ?? min(Catalog.products.count * 4, max(5, orders / 50 + 5)))
        couponCount = max(0, coupons ?? (orders == 0 ? 0 : 5 + orders / 200))
        reviewCount = max(0, reviews ?? (orders / 5))
        self.clockStart = clockStart

        // Orders end one lifecycle before the clock so that most of them are settled.
        let orderEnd = clockStart - 3_600
        // Small stores still span months so every lifecycle stage is represented.
        let orderSpan = min(Self.historySeconds, max(120 * 86_400, Int64(max(orders, 0)) * 3_600))
        orderGrid = TimeGrid(start: orderEnd - orderSpan, end: orderEnd, count: orderCount)
        // Customers register from 30 days before the first order, so early orders have buyers.
        customerGrid = TimeGrid(start: orderGrid.start - 30 * 86_400, end: orderEnd, count: customerCount)
        couponGrid = TimeGrid(start: orderGrid.start - 10 * 86_400, end: orderEnd, count: couponCount)
        reviewGrid = TimeGrid(start: orderGrid.start + 7 * 86_400, end: orderEnd, count: reviewCount)
        productGrid = TimeGrid(
            start: orderGrid.start - 365 * 86_400, end: orderGrid.start - 86_400, count: productCount)
    }

    func random(_ stream: RandomStream, _ index: Int) -> SeededRandom {
        SeededRandom(seed: seed, stream: stream.rawValue, index: UInt64(index))
    }

    /// Highest customer index registered before `time` (nil when none yet).
    func lastCustomer(before time: Int64) -> Int? {
        guard customerCount > 0 else { return nil }
        let upper = customerGrid.lastIndex(atOrBefore: time - 1)
        return upper
    }
}

/// Evenly spaced, jittered creation times: strictly increasing in the index.
struct TimeGrid: Sendable {
    let start: Int64
    let spacing: Int64
    let count: Int

    init(start: Int64, end: Int64, count: Int) {
        self.start = start
        self.count = count
        spacing = count == 0 ? 1 : max(1, (end - start) / Int64(count))
    }

    func time(_ index: Int, jitterSeed: UInt64) -> Int64 {
        let jitter = spacing <= 1 ? 0 : Int64(SeededRandom.mix(jitterSeed &+ UInt64(index)) % UInt64(spacing))
        return start + Int64(index) * spacing + jitter
    }

    /// Smallest index whose time may be `>= t` (exact, because jitter stays below one spacing).
    func firstIndex(atOrAfter t: Int64) -> Int {
        if t <= start { return 0 }
        let raw = (t - start) / spacing
        return Int(min(Int64(count), raw))
    }

    /// Largest index whose time may be `<= t`.
    func lastIndex(atOrBefore t: Int64) -> Int? {
        if t < start { return nil }
        let raw = (t - start) / spacing
        return Int(min(Int64(count - 1), raw))
    }
}
