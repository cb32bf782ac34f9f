import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import Testing
import WooCommerceConnector

/// `withdrawMarketingConsent` against the emulated store: what it writes
/// where, and that a sync afterwards reads "no consent" for the address.
@Suite struct ConsentWithdrawalTests {
    static let options = WooCommerceMockOptions(orders: 40, seed: 19)

    /// What a sync reads for `email`, as the planner folds it: the account's
    /// own value first, else the latest order's.
    struct Synced {
        var customers: [Customer] = []
        var orders: [Order] = []

        func consent(of email: String) -> Bool? {
            let address = email.lowercased()
            let account = customers.first { $0.email.lowercased() == address }
            if let own = account?.acceptsMarketing { return own }
            let theirs = orders.filter {
                $0.customer.email?.lowercased() == address || (account != nil && $0.customer.id == account?.id)
            }
            return theirs.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.last {
                $0.customer.acceptsMarketing != nil
            }?
            .customer.acceptsMarketing
        }

        func latestOrder(of email: String) -> Order? {
            orders.filter { $0.customer.email?.lowercased() == email.lowercased() }.max {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
        }
    }

    func sync(_ connector: WooCommerceConnector) async throws -> Synced {
        var synced = Synced()
        for try await page in connector.read(.customers, since: nil) {
            if case .customers(let batch) = page.records { synced.customers += batch }
        }
        for try await page in connector.read(.orders, since: nil) {
            if case .orders(let batch) = page.records { synced.orders += batch }
        }
        return synced
    }

    /// Puts `key = yes` on an order, as a checkout plugin would.
    func optIn(_ mock: MockStoreServer, order: String, key: String) async throws {
        let answer = try await rawWooRequest(
            mock, put: true, "orders/\(order)", body: #"{"meta_data":[{"key":"\#(key)","value":"yes"}]}"#)
        #expect(answer.status == 200)
    }

    @Test func anAccountWithAnUnprefixedKeyIsWrittenOnTheCustomerAndTheLatestOrder() async throws {
        try await withEmulatedWooStore(Self.options, values: ["consent_meta_key": "aftercart_marketing_consent"]) {
            connector, _, _ in
            #expect(connector.capabilities.writes.contains(.marketingConsent))
            let before = try await sync(connector)
            let customer = try #require(
                before.customers.first { customer in
                    customer.acceptsMarketing == true && before.orders.contains { $0.customer.id == customer.id }
                })
            #expect(before.consent(of: customer.email) == true)
            let latest = try #require(before.latestOrder(of: customer.email))
            let result = try await connector.withdrawMarketingConsent(
                email: customer.email.uppercased(), at: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(result.written == ["customer \(customer.id)", "order \(latest.id)"])
            let after = try await sync(connector)
            #expect(after.consent(of: customer.email) == false)
            #expect(after.customers.first { $0.id == customer.id }?.acceptsMarketing == false)
            #expect(after.orders.first { $0.id == latest.id }?.customer.acceptsMarketing == false)
        }
    }

    @Test func aProtectedKeyIsWrittenOnTheLatestOrderOnly() async throws {
        try await withEmulatedWooStore(Self.options, values: ["consent_meta_key": "_marketing_opt_in"]) {
            connector, mock, _ in
            let start = try await sync(connector)
            let account = try #require(
                start.customers.first { customer in start.orders.contains { $0.customer.id == customer.id } })
            let latest = try #require(start.latestOrder(of: account.email))
            try await optIn(mock, order: latest.id, key: "_marketing_opt_in")
            let before = try await sync(connector)
            #expect(before.consent(of: account.email) == true)
            let result = try await connector.withdrawMarketingConsent(email: account.email, at: Date())
            // WordPress would drop a protected key on the customer with a 200.
            #expect(result.written == ["order \(latest.id)"])
            let after = try await sync(connector)
            #expect(after.consent(of: account.email) == false)
        }
    }

    @Test func aGuestIsWrittenOnTheirLatestOrder() async throws {
        try await withEmulatedWooStore(Self.options, values: ["consent_meta_key": "marketing_opt_in"]) {
            connector, mock, _ in
            let start = try await sync(connector)
            let guest = try #require(start.orders.first { $0.customer.id == nil })
            let email = try #require(guest.customer.email)
            let latest = try #require(start.latestOrder(of: email))
            try await optIn(mock, order: latest.id, key: "marketing_opt_in")
            let before = try await sync(connector)
            #expect(before.consent(of: email) == true)
            let result = try await connector.withdrawMarketingConsent(email: email, at: Date())
            #expect(result.written == ["order \(latest.id)"])
            let after = try await sync(connector)
            #expect(after.consent(of: email) == false)
        }
    }

    @Test func withoutAConsentKeyTheWriteIsUnsupported() async throws {
        try await withEmulatedWooStore(Self.options) { connector, mock, _ in
            #expect(!connector.capabilities.writes.contains(.marketingConsent))
            let requests = mock.stats().total
            let error = await #expect(throws: ConnectorError.self) {
                _ = try await connector.withdrawMarketingConsent(email: "ann@example.test", at: Date())
            }
            guard case .unsupported(let operation, _)? = error else {
                Issue.record("expected unsupported, got \(String(describing: error))")
                return
            }
            #expect(operation.contains("consent_meta_key"))
            #expect(mock.stats().total == requests)
        }
    }

    @Test func anAddressTheStoreDoesNotKnowWritesNothing() async throws {
        try await withEmulatedWooStore(Self.options, values: ["consent_meta_key": "marketing_opt_in"]) {
            connector, _, _ in
            let result = try await connector.withdrawMarketingConsent(email: "nobody@elsewhere.test", at: Date())
            #expect(result.written.isEmpty)
            #expect(result.summary.hasPrefix("nothing to write"))
        }
    }
}
