import AftercartConnector
import Foundation
import Testing

@Suite("Retry-After")
struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_445_412_400)  // Wed, 21 Oct 2015 07:26:40 GMT

    @Test func integerSeconds() {
        #expect(RetryAfter.parse("1", now: now) == .seconds(1))
        #expect(RetryAfter.parse(" 120 ", now: now) == .seconds(120))
    }

    @Test func floatSecondsAsShopifySends() {
        #expect(RetryAfter.parse("1.0", now: now) == .seconds(1))
        #expect(RetryAfter.parse("2.5", now: now) == .milliseconds(2500))
    }

    @Test func imfFixdate() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(80))
    }

    @Test func obsoleteDateForms() {
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == .seconds(80))
        #expect(RetryAfter.parse("Wed Oct 21 07:28:00 2015", now: now) == .seconds(80))
    }

    @Test func pastDateMeansNoWait() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
    }

    @Test func absentOrGarbage() {
        #expect(RetryAfter.parse(nil, now: now) == nil)
        #expect(RetryAfter.parse("", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-3", now: now) == .zero)
    }

    /// AfterShip's Tracking API answers 429 with only `X-RateLimit-Reset`, a Unix time.
    @Test func rateLimitResetIsATimeOrADelay() {
        #expect(RetryAfter.rateLimitReset("1445412402", now: now) == .seconds(2))
        #expect(RetryAfter.rateLimitReset("1445412000", now: now) == .zero)
        #expect(RetryAfter.rateLimitReset("3", now: now) == .seconds(3))
        #expect(RetryAfter.rateLimitReset(nil, now: now) == nil)
        #expect(RetryAfter.rateLimitReset("later", now: now) == nil)
        #expect(RetryAfter.rateLimitReset("-1", now: now) == nil)
    }
}
