import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import ShopifyConnector
import Testing

/// Loyalty from Shopify store credit over the GraphQL Admin API, against the emulator.
@Suite struct StoreCreditTests {
    static let storeCredit: [String: String] = ["loyalty.source": "shopify_store_credit", "page_size": "10"]

    /// Every account the emulator reports for the store currency, by raw GraphQL.
    static func rawBalances(_ harness: ShopifyMockHarness) async throws -> [String: Decimal] {
        var balances: [String: Decimal] = [:]
        var after: String?
        repeat {
            let body: [String: Any] = [
                "query": """
                query($after: String) { customers(first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { id
                  storeCreditAccounts(first: 5) { nodes { balance { amount currencyCode } } } } } }
                """,
                "variables": after.map { ["after": $0] } ?? [:],
            ]
            let value = try await harness.rawGraphQL(body)
            let customers = try #require((value["data"] as? [String: Any])?["customers"] as? [String: Any])
            for node in customers["nodes"] as? [[String: Any]] ?? [] {
                let id = String((node["id"] as? String ?? "").split(separator: "/").last ?? "")
                let accounts = (node["storeCreditAccounts"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
                for account in accounts {
                    let balance = account["balance"] as? [String: Any]
                    if balance?["currencyCode"] as? String == harness.mock.currency {
                        balances[id] = Decimal(string: balance?["amount"] as? String ?? "")
                    }
                }
            }
            let info = customers["pageInfo"] as? [String: Any]
            after = info?["hasNextPage"] as? Bool == true ? info?["endCursor"] as? String : nil
        } while after != nil
        return balances
    }

    @Test func readsEveryBalanceInMinorUnitsWithTheSoonestExpiry() async throws {
        try await withShopifyMock(orders: 120, currency: .usd, values: Self.storeCredit) { harness in
            #expect(harness.connector.capabilities.loyalty == [.read, .write, .expiry])
            let pages = try await allPages(harness.connector.read(.loyalty, since: nil))
            let accounts = pages.flatMap(\.loyalty)
            let sent = harness.mock.stats().count(path: harness.path("graphql.json"))
            let expected = try await Self.rawBalances(harness)
            #expect(!expected.isEmpty)
            #expect(
                Dictionary(uniqueKeysWithValues: accounts.map { ($0.customerID, Decimal($0.points) / 100) }) == expected
            )
            #expect(accounts.allSatisfy { $0.source == "shopify_store_credit" && $0.updatedAt != nil })
            // 40 customers, 10 per page; no page was sent twice (never THROTTLED).
            #expect(pages.count == 4)
            #expect(sent == 4)
            // Some credits expire after the store clock, some have lapsed, some never do.
            let expiring = accounts.filter { $0.expiresAt != nil }
            #expect(!expiring.isEmpty)
            #expect(expiring.allSatisfy { ($0.pointsExpiring ?? 0) > 0 && ($0.pointsExpiring ?? 0) <= $0.points })
            #expect(accounts.contains { $0.expiresAt == nil && $0.pointsExpiring == nil })
        }
    }

    @Test func creditAddsExactPointsWithExpiryAndDebitSpends() async throws {
        let values = Self.storeCredit.merging(["loyalty.credit_expiry": "\(30 * 86_400)"]) { $1 }
        try await withShopifyMock(orders: 60, currency: .eur, values: values) { harness in
            let customer = "7200000000074"  // customer index 2
            let before = try await harness.connector.adjustLoyalty(customerID: customer, points: 0, reason: "read")
            let after = try await harness.connector.adjustLoyalty(
                customerID: customer, points: 1_250, reason: "thank you")
            #expect(after.points == before.points + 1_250)
            // The new credit lapses 30 days from now: unless an older credit lapses first,
            // it is the soonest and holds all 12.50 EUR.
            let expires = try #require(after.expiresAt)
            #expect(expires <= Date().addingTimeInterval(30 * 86_400 + 60))
            #expect((after.pointsExpiring ?? 0) >= (expires > Date().addingTimeInterval(29 * 86_400) ? 1_250 : 1))
            let spent = try await harness.connector.adjustLoyalty(customerID: customer, points: -250, reason: "used")
            #expect(spent.points == after.points - 250)
            let graphQL = harness.mock.stats().count(path: harness.path("graphql.json"))
            #expect(graphQL == 5)  // a read, then a mutation and a read back twice
        }
    }

    @Test func refusalsAreClearErrorsAndChangeNothing() async throws {
        try await withShopifyMock(orders: 60, currency: .usd, values: Self.storeCredit) { harness in
            let accounts = try await allPages(harness.connector.read(.loyalty, since: nil)).flatMap(\.loyalty)
            let before = try #require(accounts.first { $0.points > 0 })
            let customer = before.customerID
            await #expect {
                _ = try await harness.connector.adjustLoyalty(
                    customerID: customer, points: -(before.points + 1), reason: "too much")
            } throws: { error in
                guard case .badRequest(422, let context) = error as? ConnectorError else { return false }
                return context.platformCode == "INSUFFICIENT_FUNDS"
            }
            await #expect {
                _ = try await harness.connector.adjustLoyalty(customerID: "not-a-number", points: 5, reason: "x")
            } throws: { error in
                guard case .badRequest(400, _) = error as? ConnectorError else { return false }
                return true
            }
            let unchanged = try await harness.connector.adjustLoyalty(customerID: customer, points: 0, reason: "read")
            #expect(unchanged.points == before.points)
        }
    }

    @Test func waitsForTheCostBudgetInsteadOfBeingThrottled() async throws {
        // 10 customers a page request 2 + 10 × 32 = 322 points; the bucket holds 700 and
        // restores 400/s, so the client must wait between pages.
        try await withShopifyMock(
            orders: 300, currency: .usd, graphQLBucket: 700, graphQLRestore: 400, values: Self.storeCredit
        ) { harness in
            let pages = try await allPages(harness.connector.read(.loyalty, since: nil))
            #expect(pages.count == 10)
            #expect(harness.mock.stats().count(path: harness.path("graphql.json")) == 10)
        }
    }

    @Test func aThrottledQueryIsWaitedOutAndSentAgain() async throws {
        // Another app spends the budget first, so the adapter's first query (sent at once:
        // nothing is known yet) is answered THROTTLED; it must wait and send it again.
        try await withShopifyMock(
            // A slow refill: the bucket must still be short when the read's first query
            // arrives, however long a loaded machine takes to send it after the spend.
            orders: 120, currency: .usd, graphQLBucket: 400, graphQLRestore: 15, values: Self.storeCredit
        ) { harness in
            // Learn the scopes first, so nothing but the read itself follows the drain.
            _ = try await harness.connector.check()
            // Spent in one step: draining with queries took up to ten of them on a loaded
            // machine and could leave the bucket refilled by the time the read began.
            let before = harness.mock.stats().count(path: harness.path("graphql.json"))
            harness.mock.spendShopifyGraphQLBudget()
            let pages = try await allPages(harness.connector.read(.loyalty, since: nil))
            #expect(pages.count == 4)
            #expect(pages.flatMap(\.loyalty).count > 0)
            let sent = harness.mock.stats().count(path: harness.path("graphql.json"))
            // 4 pages and the throttled first page sent again.
            #expect(sent - before > 4)
        }
    }
}

extension ResourcePage {
    var loyalty: [LoyaltyAccount] {
        if case .loyalty(let records) = records { return records }
        return []
    }
}
