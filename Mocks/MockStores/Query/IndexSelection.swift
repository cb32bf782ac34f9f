/// The ascending set of record indices a list query matches, without materialising it.
///
/// `range` holds indices known to match from the time layout alone; `excluded` are overlay
/// records inside it that no longer match; `extra` are matches outside it (lifecycle fringe,
/// overlay records, explicit scans). Counting and random access cost O(log n), so any page
/// of a million-record result is served directly.
struct IndexSelection: Sendable {
    var range: Range<Int>
    var excluded: [Int]
    var extra: [Int]

    static let empty = IndexSelection(range: 0..<0, excluded: [], extra: [])

    var count: Int { range.count - excluded.count + extra.count }

    /// Number of members `<= v`.
    func rank(_ v: Int) -> Int {
        let inRange = v < range.lowerBound ? 0 : min(range.count, v - range.lowerBound + 1)
        return inRange - Self.countLE(excluded, v) + Self.countLE(extra, v)
    }

    /// The `k`-th member in ascending order (0-based).
    func element(at k: Int) -> Int {
        precondition(k >= 0 && k < count)
        var lo = min(range.isEmpty ? Int.max : range.lowerBound, extra.first ?? Int.max)
        var hi = max(range.isEmpty ? Int.min : range.upperBound - 1, extra.last ?? Int.min)
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if rank(mid) >= k + 1 { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Members from position `offset`, `limit` of them, in ascending or descending order.
    func page(offset: Int, limit: Int, descending: Bool) -> [Int] {
        let total = count
        guard offset < total, limit > 0 else { return [] }
        let end = min(total, offset + limit)
        return (offset..<end).map { descending ? element(at: total - 1 - $0) : element(at: $0) }
    }

    /// Whether `v` is a member.
    func contains(_ v: Int) -> Bool {
        if Self.binaryContains(extra, v) { return true }
        return range.contains(v) && !Self.binaryContains(excluded, v)
    }

    private static func countLE(_ sorted: [Int], _ v: Int) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func binaryContains(_ sorted: [Int], _ v: Int) -> Bool {
        let n = countLE(sorted, v)
        return n > 0 && sorted[n - 1] == v
    }
}

/// How a kind of record is laid out in time, so time filters become index bounds.
struct TimeLayout {
    let grid: TimeGrid
    /// Generated records: `0..<baseCount`; appended (created through the API) follow.
    let baseCount: Int
    let total: Int
    /// Upper bound on modification minus creation for generated records.
    let maxLag: Int64
}

/// Time and id bounds of a list query, all in UTC epoch seconds / indices. Lower bounds
/// are exclusive for WooCommerce (`after`) and inclusive for Shopify (`*_min`), so the
/// caller passes them already adjusted: every bound here is inclusive.
struct RecordBounds {
    var createdMin: Int64?
    var createdMax: Int64?
    var modifiedMin: Int64?
    var modifiedMax: Int64?
    var indexMin: Int?

    var isEmpty: Bool {
        createdMin == nil && createdMax == nil && modifiedMin == nil && modifiedMax == nil && indexMin == nil
    }

    func matches(created: Int64, modified: Int64, index: Int) -> Bool {
        if let v = createdMin, created < v { return false }
        if let v = createdMax, created > v { return false }
        if let v = modifiedMin, modified < v { return false }
        if let v = modifiedMax, modified > v { return false }
        if let v = indexMin, index < v { return false }
        return true
    }

    /// Builds the selection: generated records by index arithmetic plus a fringe checked
    /// one by one, overlay records checked separately.
    func select(layout: TimeLayout, overlayKeys: [Int], matches: (Int) -> Bool) -> IndexSelection {
        let base = layout.baseCount
        var certainLo = 0
        var certainHi = base
        var candLo = 0
        var candHi = base
        let g = layout.grid
        func idx(_ t: Int64) -> Int { g.firstIndex(atOrAfter: t) }
        if let v = createdMin {
            certainLo = max(certainLo, idx(v) + 1)
            candLo = max(candLo, idx(v) - 1)
        }
        if let v = modifiedMin {
            certainLo = max(certainLo, idx(v) + 1)
            candLo = max(candLo, idx(v - layout.maxLag) - 1)
        }
        if let v = createdMax {
            certainHi = min(certainHi, idx(v))
            candHi = min(candHi, idx(v) + 2)
        }
        if let v = modifiedMax {
            certainHi = min(certainHi, idx(v - layout.maxLag))
            candHi = min(candHi, idx(v) + 2)
        }
        if let v = indexMin {
            certainLo = max(certainLo, v)
            candLo = max(candLo, v)
        }
        candLo = max(0, candLo)
        candHi = min(base, candHi)
        if candHi < candLo { candHi = candLo }
        certainLo = min(max(certainLo, candLo), candHi)
        certainHi = max(min(certainHi, candHi), certainLo)

        let overlay = Set(overlayKeys)
        var extra: [Int] = []
        var excluded: [Int] = []
        if candLo < candHi {
            for i in candLo..<certainLo where matches(i) { extra.append(i) }
            for i in max(certainHi, certainLo)..<candHi where matches(i) { extra.append(i) }
        }
        for k in overlay {
            if k >= certainLo && k < certainHi {
                if !matches(k) { excluded.append(k) }
            } else if k < candLo || k >= candHi {
                if matches(k) { extra.append(k) }
            }
        }
        extra.sort()
        excluded.sort()
        return IndexSelection(range: certainLo..<certainHi, excluded: excluded, extra: extra)
    }
}
