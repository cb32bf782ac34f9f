import AftercartConnector
import Testing

/// How a timed-out page shrinks: the smaller page starts at the same
/// record, so a walk that shrinks mid-way skips and repeats nothing.
@Suite struct PagePositionTests {
    @Test func theFirstPageHalvesExactly() {
        #expect(PagePosition(number: 1, size: 100).halved(floor: 1) == PagePosition(number: 1, size: 50))
        #expect(PagePosition(number: 1, size: 25).halved(floor: 1) == PagePosition(number: 1, size: 12))
    }

    @Test func aLaterPageKeepsItsOffset() throws {
        // Page 3 of 100 starts at record 200: page 5 of 50.
        let half = try #require(PagePosition(number: 3, size: 100).halved(floor: 1))
        #expect(half == PagePosition(number: 5, size: 50))
        #expect(half.offset == 200)
        // Page 2 of 25 starts at record 25, which 12 does not divide: 5 does.
        let odd = try #require(PagePosition(number: 2, size: 25).halved(floor: 1))
        #expect(odd == PagePosition(number: 6, size: 5))
        #expect(odd.offset == 25)
    }

    @Test func theFloorStopsTheShrinking() {
        #expect(PagePosition(number: 1, size: 1).halved(floor: 1) == nil)
        #expect(PagePosition(number: 1, size: 8).halved(floor: 5) == nil)
        #expect(PagePosition(number: 1, size: 10).halved(floor: 5) == PagePosition(number: 1, size: 5))
    }

    @Test func aShrunkPageGrowsBackOnlyWhereTheBiggerPageStartsAtTheSameRecord() {
        // Record 400 in pages of 50 is page 9; in pages of 100, page 5.
        #expect(PagePosition(number: 9, size: 50).grown(toward: 100) == PagePosition(number: 5, size: 100))
        // Record 450: 100 does not divide it, 90 does (page 6 of 90).
        #expect(PagePosition(number: 10, size: 50).grown(toward: 100) == PagePosition(number: 6, size: 90))
        // At most twice the size, and never past the configured one.
        #expect(PagePosition(number: 5, size: 10).grown(toward: 100) == PagePosition(number: 3, size: 20))
        #expect(PagePosition(number: 2, size: 80).grown(toward: 100) == nil)
        // An odd record cannot start a bigger page; the first record always can.
        #expect(PagePosition(number: 402, size: 1).grown(toward: 100) == nil)
        #expect(PagePosition(number: 1, size: 25).grown(toward: 100) == PagePosition(number: 1, size: 50))
    }
}
