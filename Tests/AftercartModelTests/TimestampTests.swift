import AftercartModel
import Foundation
import Testing

@Suite struct TimestampTests {
    private let reference = Date(timeIntervalSince1970: 1_490_210_888)  // 2017-03-22T19:28:08Z

    @Test(arguments: [
        "2017-03-22T19:28:08",  // WooCommerce *_gmt: UTC without Z
        "2017-03-22T19:28:08Z",
        "2017-03-22T19:28:08.000Z",
        "2017-03-22T14:28:08-05:00",  // Shopify: with offset
        "2017-03-23T04:28:08+09:00",
        "2017-03-23T04:28:08+0900",
        "2017-03-22 19:28:08",
    ])
    func parsesEveryPlatformForm(_ text: String) throws {
        #expect(try #require(Timestamp.parse(text)) == reference)
    }

    @Test func keepsFractionalSeconds() throws {
        let date = try #require(Timestamp.parse("2017-03-22T19:28:08.250Z"))
        #expect(date.timeIntervalSince1970 == 1_490_210_888.25)
        #expect(Timestamp.format(date) == "2017-03-22T19:28:08.250Z")
    }

    @Test(arguments: [
        "2026-11-23", "", "2026-13-01T00:00:00", "2026-11-23T25:00:00", "2026-11-23T10:00:00+", "yesterday",
    ])
    func rejectsIncompleteOrInvalidText(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func readsSiteLocalTimeInTheStoresZone() throws {
        // Seen on a real store: coupon date_expires 2030-06-30T23:59:59 in Berlin came back
        // as 21:59:59 GMT (summer time).
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let date = try #require(Timestamp.parse("2030-06-30T23:59:59", zoneless: berlin))
        #expect(Timestamp.format(date) == "2030-06-30T21:59:59Z")
        let winter = try #require(Timestamp.parse("2030-01-15T12:00:00", zoneless: berlin))
        #expect(Timestamp.format(winter) == "2030-01-15T11:00:00Z")
    }

    @Test func formatsUTCWithZ() {
        #expect(Timestamp.format(reference) == "2017-03-22T19:28:08Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test func formatThenParseIsIdentityOverManyDates() throws {
        var seconds = -2_000_000_000.0
        while seconds < 4_000_000_000 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
            seconds += 86_399 * 37
        }
    }
}
