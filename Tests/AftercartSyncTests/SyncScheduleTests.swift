import AftercartModel
import AftercartSync
import Foundation
import Testing

/// A repeatable generator, so jittered schedules can be compared exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct SyncScheduleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func jitterStaysWithinATenthOfTheIntervalCappedAtAMinute() {
        let jitter = SyncJitter()
        #expect(jitter.spread(for: 300) == 30)
        #expect(jitter.spread(for: 3600) == 60)
        #expect(SyncJitter.none.spread(for: 3600) == 0)
        var generator = SeededGenerator(state: 1)
        let delays = (0..<500).map { _ in jitter.delay(for: 900, using: &generator) }
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= 60 })
        // Spread out, not clumped: both halves of the window are used.
        #expect(delays.contains { $0 < 20 } && delays.contains { $0 > 40 })
    }

    @Test func manyStoresWithOneIntervalDoNotAllFireAtOnce() {
        var generator = SeededGenerator(state: 7)
        let stores = (1...50).map { (store: StoreID(rawValue: "s\($0)"), interval: 900.0) }
        let schedule = SyncSchedule(stores: stores, start: start, jitter: SyncJitter(), using: &generator)
        let firsts = Set(schedule.entries.map(\.nextDue))
        #expect(firsts.count == 50)
        // Promptly after start, yet spread over the start window.
        #expect(schedule.entries.allSatisfy { $0.nextDue >= start && $0.nextDue <= start.addingTimeInterval(5) })
        let dues = schedule.entries.map { $0.nextDue.timeIntervalSince(start) }
        #expect(dues.contains { $0 < 1.5 } && dues.contains { $0 > 3.5 })
    }

    @Test func aStoreIsDueOnceUntilItsRunFinishes() {
        var generator = SeededGenerator(state: 3)
        var schedule = SyncSchedule(
            stores: [(store: "a", interval: 60), (store: "b", interval: 120)], start: start, jitter: .none,
            using: &generator)
        #expect(schedule.takeDue(at: start) == ["a", "b"])
        // Still running later: never handed out twice.
        #expect(schedule.takeDue(at: start.addingTimeInterval(500)).isEmpty)
        #expect(schedule.nextWake == nil)
        schedule.finished("a", at: start.addingTimeInterval(10), startedAt: start, complete: true, using: &generator)
        #expect(schedule.entry("a")?.nextDue == start.addingTimeInterval(60))
        #expect(schedule.entry("a")?.lastCompleteStart == start)
        #expect(schedule.nextWake == start.addingTimeInterval(60))
        #expect(schedule.takeDue(at: start.addingTimeInterval(59)).isEmpty)
        #expect(schedule.takeDue(at: start.addingTimeInterval(60)) == ["a"])
    }

    @Test func aRunLongerThanItsIntervalIsFollowedAtOnceNotSkippedOrStacked() {
        var generator = SeededGenerator(state: 3)
        var schedule = SyncSchedule(
            stores: [(store: "a", interval: 60)], start: start, jitter: .none, using: &generator)
        _ = schedule.takeDue(at: start)
        let end = start.addingTimeInterval(200)
        schedule.finished("a", at: end, startedAt: start, complete: false, using: &generator)
        #expect(schedule.entry("a")?.nextDue == end)
        #expect(schedule.entry("a")?.lastCompleteStart == nil)
        #expect(schedule.takeDue(at: end) == ["a"])
    }

    @Test func theLimitCapsRunningStoresEarliestDueFirst() {
        var generator = SeededGenerator(state: 5)
        var schedule = SyncSchedule(
            stores: [(store: "a", interval: 60), (store: "b", interval: 60), (store: "c", interval: 60)],
            start: start, jitter: SyncJitter(fraction: 0.5, maximum: 30), using: &generator)
        let order = schedule.entries.sorted { $0.nextDue < $1.nextDue }.map(\.store)
        let later = start.addingTimeInterval(31)
        #expect(schedule.takeDue(at: later, limit: 2) == Array(order.prefix(2)))
        #expect(schedule.takeDue(at: later, limit: 2).isEmpty)
        schedule.finished(order[0], at: later, startedAt: later, complete: true, using: &generator)
        #expect(schedule.takeDue(at: later, limit: 2) == [order[2]])
    }

    @Test func theNextRunIsJitteredWithinTheSpread() throws {
        var generator = SeededGenerator(state: 11)
        var schedule = SyncSchedule(
            stores: [(store: "a", interval: 600)], start: start, jitter: SyncJitter(), using: &generator)
        var dues: Set<Date> = []
        var runStart = start.addingTimeInterval(60)
        for _ in 0..<20 {
            #expect(schedule.takeDue(at: runStart) == ["a"])
            schedule.finished(
                "a", at: runStart.addingTimeInterval(5), startedAt: runStart, complete: true, using: &generator)
            let due = try #require(schedule.entry("a")?.nextDue)
            #expect(due >= runStart.addingTimeInterval(600) && due <= runStart.addingTimeInterval(660))
            dues.insert(Date(timeIntervalSince1970: due.timeIntervalSince(runStart)))
            runStart = due
        }
        #expect(dues.count > 1)
    }
}
