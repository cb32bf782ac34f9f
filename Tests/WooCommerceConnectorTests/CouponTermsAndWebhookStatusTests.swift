import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import MockStores
import NIOCore
import Testing
import WooCommerceConnector

/// An existing coupon code is relied on only under the planned terms, and
/// `check` reports each webhook's real status (api-facts §8.6, §8.9).
@Suite struct CouponTermsAndWebhookStatusTests {
    static let expiry = Date(timeIntervalSince1970: 1_796_000_000)

    func planned(_ code: String) -> CouponRequest {
        CouponRequest(
            code: code, kind: .percent, amount: 10, expiresAt: Self.expiry, usageLimit: 1, usageLimitPerCustomer: 1,
            emailRestrictions: ["Hana@Example.test"])
    }

    /// The coupon as the emulator's REST API shows it, read past the connector.
    func storedCoupon(_ id: String, in mock: MockStoreServer) async throws -> [String: Any] {
        let key = "\(mock.credentials.consumerKey ?? ""):\(mock.credentials.consumerSecret ?? "")"
        var request = HTTPClientRequest(url: mock.apiBaseURL + "/coupons/\(id)")
        request.headers.add(name: "X-Forwarded-Proto", value: "https")
        request.headers.add(name: "Authorization", value: "Basic " + Data(key.utf8).base64EncodedString())
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    @Test func aCodeThatExistsUnderOtherTermsIsRefusedNamingEachDifference() async throws {
        try await withEmulatedStore { _, connector in
            _ = try await connector.createCoupon(
                CouponRequest(
                    code: "AC-TERMS-1", kind: .percent, amount: 50, usageLimit: nil, usageLimitPerCustomer: nil))
            // WooCommerce matches codes case-insensitively, so a case variant is the same code.
            let error = await #expect(throws: CouponTermsMismatch.self) {
                _ = try await connector.createCoupon(planned("Ac-Terms-1"))
            }
            let differences = error?.differences ?? []
            #expect(differences.contains("amount 50 instead of 10"))
            #expect(differences.contains("usage limit unlimited instead of 1"))
            #expect(differences.contains("email restriction anyone instead of hana@example.test"))
            #expect(differences.contains { $0.hasPrefix("expiry never instead of ") })
            #expect(!differences.contains { $0.hasPrefix("kind") })
            #expect(error?.description.contains("the message promising it is not sent") == true)
        }
    }

    @Test func aRetryFindsItsOwnCouponUnderTheSameTerms() async throws {
        try await withEmulatedStore { mock, connector in
            let first = try await connector.createCoupon(planned("AC-RETRY-1"))
            let again = try await connector.createCoupon(planned("AC-RETRY-1"))
            #expect(again.id == first.id)
            #expect(again.code == "ac-retry-1")
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201) == 1)
            let found = try #require(try await connector.findCoupon(code: "  AC-RETRY-1 "))
            #expect(connector.couponDifferences(planned("AC-RETRY-1"), existing: found).isEmpty)
        }
    }

    /// WooCommerce has no free-shipping type: a `fixed_cart` of 0 with
    /// "Allow free shipping", which reads back as free shipping.
    @Test func aFreeShippingCouponIsAFixedCartOfZeroWithFreeShipping() async throws {
        try await withEmulatedStore { mock, connector in
            let request = CouponRequest(
                code: "AC-SHIP-1", kind: .freeShipping, amount: 0, expiresAt: Self.expiry,
                emailRestrictions: ["hana@example.test"])
            let coupon = try await connector.createCoupon(request)
            #expect(coupon.kind == .freeShipping)
            #expect(coupon.amount == 0)
            #expect(coupon.currency == nil)
            let raw = try await storedCoupon(coupon.id, in: mock)
            #expect(raw["discount_type"] as? String == "fixed_cart")
            #expect(raw["amount"] as? String == "0.00")
            #expect(raw["free_shipping"] as? Bool == true)
            let again = try await connector.createCoupon(request)
            #expect(again.id == coupon.id)
            let moneyOff = CouponRequest(
                code: "AC-SHIP-1", kind: .fixedCart, amount: 5, expiresAt: Self.expiry,
                emailRestrictions: ["hana@example.test"])
            let error = await #expect(throws: CouponTermsMismatch.self) { try await connector.createCoupon(moneyOff) }
            #expect(error?.differences.contains("kind free_shipping instead of fixed_cart") == true)
        }
    }

    @Test func checkReportsADisabledWebhookAndRegistrationReactivatesIt() async throws {
        try await withEmulatedStore { mock, connector in
            // An address where the store itself answers 404: every delivery fails, fast.
            let address = mock.baseURL + "/nowhere/webhooks/woocommerce/perm-woo"
            let created = try await connector.registerWebhook(
                topic: "order.updated", address: address, secret: Secret("s"))
            #expect(try await connector.check().webhooks == [created])
            var outcome: MockStoreServer.WebhookDeliveryOutcome?
            for _ in 1...7 { outcome = await mock.deliverToWebhookSubscription(id: created.id) }
            #expect(outcome?.status == "disabled")
            #expect(outcome?.failureCount == 6)

            let facts = try await connector.check()
            #expect(facts.webhooks?.map(\.status) == ["disabled"])
            #expect(facts.webhooks?.first?.isActive == false)

            let active = try await connector.activateWebhook(id: created.id)
            #expect(active.status == "active")
            #expect(try await connector.listWebhooks().map(\.status) == ["active"])
            // The store kept the count: one more failure disables it again.
            #expect(await mock.deliverToWebhookSubscription(id: created.id)?.status == "disabled")
        }
    }
}
