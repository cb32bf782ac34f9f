import AftercartConnector
import AftercartModel
import Foundation
import Testing

/// ``CouponRequest/differences(from:emailsReported:)``: when a coupon found
/// under a planned code may be relied on.
@Suite struct CouponTermsTests {
    static let expiry = Date(timeIntervalSince1970: 1_796_000_000)
    let request = CouponRequest(
        code: "ac-1", kind: .percent, amount: 10, expiresAt: expiry, usageLimit: 1,
        emailRestrictions: ["Hana@Example.test"])

    func coupon(
        kind: CouponKind = .percent, amount: Decimal = 10, expiresAt: Date? = expiry, usageLimit: Int? = 1,
        emails: [String] = ["hana@example.test"]
    ) -> Coupon {
        Coupon(
            store: "s", id: "1", code: "ac-1", kind: kind, amount: amount, currency: nil, expiresAt: expiresAt,
            usageLimit: usageLimit, usedCount: 0, emailRestrictions: emails, createdByAftercart: false, updatedAt: nil)
    }

    @Test func theSameTermsDifferInNothingWhateverTheEmailCaseOrAFewSecondsOfExpiry() {
        #expect(request.differences(from: coupon(), emailsReported: true).isEmpty)
        #expect(
            request.differences(from: coupon(expiresAt: Self.expiry.addingTimeInterval(59)), emailsReported: true)
                .isEmpty)
        #expect(request.differences(from: coupon(amount: Decimal(string: "10.00")!), emailsReported: true).isEmpty)
    }

    @Test func eachDifferingTermIsNamedWithBothValues() {
        let differences = request.differences(
            from: coupon(
                kind: .fixedCart, amount: 50, expiresAt: Self.expiry.addingTimeInterval(86_400), usageLimit: nil,
                emails: []),
            emailsReported: true)
        #expect(differences.count == 5)
        #expect(differences[0] == "kind fixed_cart instead of percent")
        #expect(differences[1] == "amount 50 instead of 10")
        #expect(differences[2] == "usage limit unlimited instead of 1")
        #expect(differences[3] == "email restriction anyone instead of hana@example.test")
        #expect(differences[4].hasPrefix("expiry 2026-"))
        #expect(
            request.differences(from: coupon(expiresAt: nil), emailsReported: true) == [
                "expiry never instead of \(Self.expiry.formatted(.iso8601))"
            ])
    }

    @Test func emailsAreComparedOnlyWhereThePlatformListsThem() {
        // Shopify restricts by customer id and lists no emails: not a difference.
        #expect(request.differences(from: coupon(emails: []), emailsReported: false).isEmpty)
        // Emails that are listed are always compared.
        #expect(
            request.differences(from: coupon(emails: ["*@example.test"]), emailsReported: false) == [
                "email restriction *@example.test instead of hana@example.test"
            ])
    }
}
