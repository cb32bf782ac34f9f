import Foundation

/// The store's time zone, with offsets memoised per hour.
///
/// WooCommerce renders `date_*` in site-local time and Shopify renders offsets; both need the
/// offset for an instant, which `TimeZone` computes slowly enough to matter at 5,000 orders/s.
final class StoreTimeZone: @unchecked Sendable {
    let identifier: String
    private let zone: TimeZone
    // Guarded by `lock`: a tiny cache whose contents are derived, so races would only cost time.
    private var cache: [Int64: Int] = [:]
    private let lock = NSLock()

    init(identifier: String) {
        self.identifier = identifier
        zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    func offset(atUTC seconds: Int64) -> Int {
        let hourKey = seconds / 3600
        lock.lock()
        if let hit = cache[hourKey] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        lock.lock()
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[hourKey] = value
        lock.unlock()
        return value
    }

    /// Site-local wall-clock text without offset (WooCommerce `date_*`).
    func localString(_ utc: Int64) -> String {
        CivilTime(epochSeconds: utc + Int64(offset(atUTC: utc))).isoLocal
    }

    /// UTC text without `Z` (WooCommerce `date_*_gmt`).
    func gmtString(_ utc: Int64) -> String {
        CivilTime(epochSeconds: utc).isoLocal
    }

    /// Local time with its offset (Shopify `created_at`).
    func offsetString(_ utc: Int64) -> String {
        let off = offset(atUTC: utc)
        return CivilTime(epochSeconds: utc + Int64(off)).isoLocal + CivilTime.offsetString(off)
    }

    /// Converts a local wall-clock reading to UTC (for site-local query parameters).
    func utc(fromLocalWall wall: Int64) -> Int64 {
        // Two passes settle on the right side of a DST transition for all but the skipped hour.
        let first = wall - Int64(offset(atUTC: wall))
        return wall - Int64(offset(atUTC: first))
    }
}
