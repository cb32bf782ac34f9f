import Testing

@testable import AftercartConnector

/// When shrunk pages grow back: after a run of pages answered in time,
/// a run that doubles with every shrink.
@Suite struct PageSizeRecoveryTests {
    @Test func aFullSizePageIsNeverChanged() {
        let recovery = PageSizeRecovery()
        for number in 2...20 {
            #expect(recovery.position(after: PagePosition(number: number, size: 100), upTo: 100).size == 100)
        }
    }

    @Test func pagesGrowAfterTheRunAndEachShrinkDoublesTheRun() {
        let recovery = PageSizeRecovery()
        recovery.shrank()
        #expect(recovery.patience == 2 * PageSizeRecovery.initialPatience)
        // Pages of 50 from record 0: the eighth answered page is followed by a page of 100.
        var sizes: [Int] = []
        var next = PagePosition(number: 2, size: 50)
        for _ in 0..<recovery.patience {
            next = recovery.position(after: next, upTo: 100)
            sizes.append(next.size)
            next = PagePosition(number: next.number + 1, size: next.size)
        }
        #expect(sizes.dropLast().allSatisfy { $0 == 50 })
        #expect(sizes.last == 100)

        recovery.shrank()
        #expect(recovery.patience == 4 * PageSizeRecovery.initialPatience)
        for _ in 0..<30 { recovery.shrank() }
        #expect(recovery.patience == PageSizeRecovery.maximumPatience)
    }

    @Test func aShrinkStartsTheRunAgain() {
        let recovery = PageSizeRecovery()
        var next = PagePosition(number: 2, size: 50)
        for _ in 0..<(PageSizeRecovery.initialPatience - 1) {
            next = recovery.position(after: next, upTo: 100)
            #expect(next.size == 50)
            next.number += 1
        }
        recovery.shrank()
        // The run counts from the shrink: one more page is not enough.
        #expect(recovery.position(after: next, upTo: 100).size == 50)
    }
}
