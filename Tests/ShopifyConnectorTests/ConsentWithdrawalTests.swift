import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// `withdrawMarketingConsent` against the emulated shop: the customer's
/// email marketing consent turns `unsubscribed`, and a sync reads it.
@Suite struct ShopifyConsentWithdrawalTests {
    func customers(_ connector: any StoreConnector) async throws -> [Customer] {
        try await allPages(connector.read(.customers, since: nil)).flatMap { page -> [Customer] in
            if case .customers(let batch) = page.records { return batch }
            return []
        }
    }

    @Test func aSubscribedCustomerBecomesUnsubscribed() async throws {
        try await withShopifyMock(orders: 40) { harness in
            #expect(harness.connector.capabilities.writes.contains(.marketingConsent))
            let customer = try #require(try await customers(harness.connector).first { $0.acceptsMarketing == true })
            let asked = Date(timeIntervalSince1970: 1_790_000_000)
            let result = try await harness.connector.withdrawMarketingConsent(
                email: " " + customer.email.uppercased(), at: asked)
            #expect(result.written == ["customer \(customer.id)"])
            let after = try await customers(harness.connector).first { $0.id == customer.id }
            #expect(after?.acceptsMarketing == false)
            #expect((after?.updatedAt ?? .distantPast) > (customer.updatedAt ?? .distantFuture))
            let raw = try await harness.rawJSON("customers/\(customer.id).json")
            let consent = (raw["customer"] as? [String: Any])?["email_marketing_consent"] as? [String: Any]
            #expect(consent?["state"] as? String == "unsubscribed")
            #expect(consent?["opt_in_level"] as? String == "single_opt_in")
            #expect((consent?["consent_updated_at"] as? String).flatMap { Timestamp.parse($0) } == asked)
        }
    }

    @Test func anAddressWithNoCustomerWritesNothing() async throws {
        try await withShopifyMock(orders: 20) { harness in
            let result = try await harness.connector.withdrawMarketingConsent(
                email: "nobody@elsewhere.test", at: Date())
            #expect(result.written.isEmpty)
        }
    }

    @Test func withoutWriteCustomersTheWriteIsUnsupportedAndNothingIsSent() async throws {
        let scopes = AccessScopeCapabilityTests.scopes(without: ["write_customers"])
        try await withShopifyMock(orders: 20, scopes: scopes) { harness in
            await #expect {
                _ = try await harness.connector.withdrawMarketingConsent(email: "ann@example.test", at: Date())
            } throws: { error in
                guard case .unsupported(let operation, _) = error as? ConnectorError else { return false }
                return operation.contains("write_customers")
            }
            #expect(harness.mock.stats().count(path: harness.path("graphql.json")) == 0)
            #expect(!harness.connector.capabilities.writes.contains(.marketingConsent))
        }
    }

    /// The emulator answers a refused update as Shopify does: HTTP 200,
    /// `userErrors` naming the input field, nothing changed.
    @Test func theEmulatorRefusesAStateThatCannotBeSet() async throws {
        try await withShopifyMock(orders: 20) { harness in
            let customer = try #require(try await customers(harness.connector).first)
            let answer = try await harness.rawGraphQL([
                "query": """
                mutation ($input: CustomerEmailMarketingConsentUpdateInput!) {
                  customerEmailMarketingConsentUpdate(input: $input) { customer { id } userErrors { field message code } }
                }
                """,
                "variables": [
                    "input": [
                        "customerId": "gid://shopify/Customer/\(customer.id)",
                        "emailMarketingConsent": ["marketingState": "NOT_SUBSCRIBED"],
                    ]
                ],
            ])
            let payload = (answer["data"] as? [String: Any])?["customerEmailMarketingConsentUpdate"] as? [String: Any]
            let errors = payload?["userErrors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? [String] == ["input", "emailMarketingConsent", "marketingState"])
            let after = try await customers(harness.connector).first { $0.id == customer.id }
            #expect(after?.acceptsMarketing == customer.acceptsMarketing)
        }
    }
}
