/// Moving the store clock, which is how tests make incremental sync find something.
extension StoreState {
    struct AdvanceOutcome: Sendable {
        let previousClock: Int64
        let clock: Int64
        /// Order indices whose modification time moved into `(previousClock, clock]`.
        let changedOrders: [Int]
    }

    /// `seconds` lets lifecycles progress naturally (pure time, no memory); `orders` pulls
    /// the next lifecycle event of that many in-flight orders (newest first, seeded skips)
    /// to the new clock, storing them in the overlay.
    func advance(orders count: Int, seconds: Int64) -> AdvanceOutcome {
        mutate { o in
            let old = o.now
            var changed = Set<Int>()
            let n = profile.orderCount
            if seconds > 0 {
                o.now += seconds
                o.version += 1
                let grid = profile.orderGrid
                let lo = max(0, grid.firstIndex(atOrAfter: old - StoreProfile.maxLifecycleSeconds) - 1)
                let hi = min(n, grid.firstIndex(atOrAfter: o.now) + 1)
                func moved(_ events: [Int64]) -> Bool { events.contains { $0 > old && $0 <= o.now } }
                if lo < hi {
                    for i in lo..<hi where o.orders[i] == nil && moved(orders.timeline(i).schedule.all) {
                        changed.insert(i)
                    }
                }
                for (i, rec) in o.orders where moved(rec.schedule.all) { changed.insert(i) }
            }
            if count > 0, n > 0 {
                let now = o.tick()
                var r = SeededRandom(
                    seed: profile.seed, stream: RandomStream.advance.rawValue, index: UInt64(o.advanceCount))
                var picked = 0
                var i = n - 1
                var scanned = 0
                while picked < count && i >= 0 && scanned < 250_000 {
                    let quick = o.orders[i]?.schedule.all ?? orders.timeline(i).schedule.all
                    if quick.contains(where: { $0 > now }), r.percent(70) {
                        var rec = o.orders[i] ?? orders.order(i)
                        if rec.schedule.pullNextEvent(to: now) {
                            o.orders[i] = rec
                            changed.insert(i)
                            picked += 1
                        }
                    }
                    i -= 1
                    scanned += 1
                }
            }
            o.advanceCount += 1
            return AdvanceOutcome(previousClock: old, clock: o.now, changedOrders: changed.sorted())
        }
    }
}
