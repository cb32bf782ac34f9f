import NIOConcurrencyHelpers

/// Remembers the result of filters that need a scan (status, e-mail, ...) so paging through
/// them costs one scan, not one per page. Keyed by the query and the overlay version.
final class ScanCache: Sendable {
    private let entries = NIOLockedValueBox<[String: [Int]]>([:])
    private let order = NIOLockedValueBox<[String]>([])

    func members(_ key: String, compute: () -> [Int]) -> [Int] {
        if let hit = entries.withLockedValue({ $0[key] }) { return hit }
        let value = compute()
        entries.withLockedValue { e in
            if e.count >= 12 { e.removeAll() }
            e[key] = value
        }
        return value
    }

    func clear() { entries.withLockedValue { $0.removeAll() } }
}

extension IndexSelection {
    /// All members in ascending order (used only when a scan is unavoidable).
    func allMembers() -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(count)
        var ex = excluded[...]
        var xs = extra[...]
        for i in range {
            while let x = xs.first, x < i {
                out.append(x)
                xs = xs.dropFirst()
            }
            if let e = ex.first, e == i {
                ex = ex.dropFirst()
                continue
            }
            out.append(i)
        }
        out.append(contentsOf: xs)
        return out
    }

    /// Keeps only members passing `predicate`.
    func filtered(_ predicate: (Int) -> Bool) -> IndexSelection {
        IndexSelection(range: 0..<0, excluded: [], extra: allMembers().filter(predicate))
    }

    static func explicit(_ sorted: [Int]) -> IndexSelection {
        IndexSelection(range: 0..<0, excluded: [], extra: sorted)
    }
}
