import Foundation
import Testing

@testable import MockStores

/// The emulator's GraphQL endpoint: store credit reads and writes, cost accounting and
/// THROTTLED, and access scopes.
@Suite("Shopify GraphQL store credit and access scopes")
struct ShopifyGraphQLTests {
    static let read = """
        query Read($first: Int!, $after: String, $query: String) {
          customers(first: $first, after: $after, query: $query, sortKey: ID) {
            pageInfo { hasNextPage endCursor }
            nodes { id updatedAt storeCreditAccounts(first: 3) { nodes { id balance { amount currencyCode }
              transactions(first: 10, reverse: true) { nodes { __typename ... on StoreCreditAccountCreditTransaction {
                expiresAt remainingAmount { amount currencyCode } } } } } } }
          }
        }
        """

    static let credit = """
        mutation Credit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
          storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
            storeCreditAccountTransaction { id balanceAfterTransaction { amount currencyCode } }
            userErrors { field message code }
          }
        }
        """

    static let debit = """
        mutation Debit($id: ID!, $debitInput: StoreCreditAccountDebitInput!) {
          storeCreditAccountDebit(id: $id, debitInput: $debitInput) {
            storeCreditAccountTransaction { id }
            userErrors { field message code }
          }
        }
        """

    static func body(_ query: String, _ variables: [String: Any]) throws -> String {
        String(
            decoding: try JSONSerialization.data(withJSONObject: ["query": query, "variables": variables]),
            as: UTF8.self)
    }

    static func graphQL(_ mock: MockStoreServer, _ query: String, _ variables: [String: Any] = [:]) async throws
        -> HTTPResult
    {
        try await mock.shopify("/graphql.json", method: .POST, body: body(query, variables))
    }

    static func options(
        customers: Int = 30, scopes: [String]? = nil, bucket: Int = 2_000, restore: Double = 100
    ) -> MockStoreConfiguration {
        .shopify(
            ShopifyMockOptions(
                data: MockDataOptions(orders: 90, seed: 5, customers: customers, currency: .usd), leakRate: 0,
                accessScopes: scopes, graphQLBucketSize: bucket, graphQLRestoreRate: restore))
    }

    @Test("pages of customers with store credit follow endCursor and report their cost")
    func readsEveryCustomerWithCost() async throws {
        try await withMock(Self.options()) { mock in
            var after: String?
            var ids: [String] = []
            var withCredit = 0
            var pages = 0
            repeat {
                var variables: [String: Any] = ["first": 7]
                if let after { variables["after"] = after }
                let r = try await Self.graphQL(mock, Self.read, variables)
                #expect(r.status == 200)
                let value = try #require(r.value)
                let cost = try #require(value["extensions"]?["cost"])
                // 2 + first × (3 + accounts × (4 + transactions))
                #expect(cost["requestedQueryCost"]?.int == 2 + 7 * (3 + 3 * (4 + 10)))
                let actual = try #require(cost["actualQueryCost"]?.int)
                #expect(actual > 2 && actual <= 2 + 7 * (3 + 3 * (4 + 10)))
                #expect(cost["throttleStatus"]?["maximumAvailable"]?.text.flatMap(Double.init) == 2_000)
                #expect(cost["throttleStatus"]?["restoreRate"]?.text.flatMap(Double.init) == 100)
                let customers = try #require(value["data"]?["customers"])
                for node in customers["nodes"]?.array ?? [] {
                    ids.append(node["id"]?.text ?? "")
                    let accounts = node["storeCreditAccounts"]?["nodes"]?.array ?? []
                    if !accounts.isEmpty { withCredit += 1 }
                    for account in accounts {
                        #expect(account["balance"]?["amount"]?.text.flatMap { Decimal(string: $0) } != nil)
                    }
                }
                after =
                    customers["pageInfo"]?["hasNextPage"]?.bool == true
                    ? customers["pageInfo"]?["endCursor"]?.text : nil
                pages += 1
            } while after != nil && pages < 20
            #expect(ids.count == 30)
            #expect(Set(ids).count == 30)
            #expect(ids.allSatisfy { $0.hasPrefix("gid://shopify/Customer/") })
            #expect(withCredit > 0 && withCredit < 30)
            #expect(pages == 5)
            #expect(mock.stats().count(path: "/admin/api/2026-07/graphql.json", status: 200) == 5)
        }
    }

    @Test("a credit adds exactly its amount, a debit spends, and refusals are userErrors")
    func creditAndDebit() async throws {
        try await withMock(Self.options()) { mock in
            let customer = "gid://shopify/Customer/7200000000037"  // customer index 1
            func balance() async throws -> Decimal {
                let r = try await Self.graphQL(mock, Self.read, ["first": 1, "query": "id:7200000000037"])
                let accounts = r.value?["data"]?["customers"]?["nodes"]?.array?.first?["storeCreditAccounts"]?["nodes"]
                let usd = accounts?.array?.first { $0["balance"]?["currencyCode"]?.text == "USD" }
                return usd?["balance"]?["amount"]?.text.flatMap { Decimal(string: $0) } ?? 0
            }
            let before = try await balance()
            let credited = try await Self.graphQL(
                mock, Self.credit,
                [
                    "id": customer,
                    "creditInput": [
                        "creditAmount": ["amount": "12.50", "currencyCode": "USD"], "expiresAt": "2027-03-01T00:00:00Z",
                    ],
                ])
            let payload = try #require(credited.value?["data"]?["storeCreditAccountCredit"])
            #expect(payload["userErrors"]?.array?.isEmpty == true)
            let after = try await balance()
            #expect(after - before == Decimal(string: "12.5"))
            #expect(
                payload["storeCreditAccountTransaction"]?["balanceAfterTransaction"]?["amount"]?.text
                    .flatMap { Decimal(string: $0) } == after)

            let past = try await Self.graphQL(
                mock, Self.credit,
                [
                    "id": customer,
                    "creditInput": [
                        "creditAmount": ["amount": "1.00", "currencyCode": "USD"], "expiresAt": "2020-01-01T00:00:00Z",
                    ],
                ])
            #expect(
                past.value?["data"]?["storeCreditAccountCredit"]?["userErrors"]?.array?.first?["code"]?.text
                    == "EXPIRES_AT_IN_PAST")
            let nobody = try await Self.graphQL(
                mock, Self.credit,
                [
                    "id": "gid://shopify/Customer/1",
                    "creditInput": ["creditAmount": ["amount": "1.00", "currencyCode": "USD"]],
                ])
            #expect(
                nobody.value?["data"]?["storeCreditAccountCredit"]?["userErrors"]?.array?.first?["code"]?.text
                    == "OWNER_NOT_FOUND")
            let tooMuch = try await Self.graphQL(
                mock, Self.debit,
                ["id": customer, "debitInput": ["debitAmount": ["amount": "100000.00", "currencyCode": "USD"]]])
            #expect(
                tooMuch.value?["data"]?["storeCreditAccountDebit"]?["userErrors"]?.array?.first?["code"]?.text
                    == "INSUFFICIENT_FUNDS")
            #expect(try await balance() == after)
            let spent = try await Self.graphQL(
                mock, Self.debit,
                ["id": customer, "debitInput": ["debitAmount": ["amount": "2.5", "currencyCode": "USD"]]])
            #expect(spent.value?["data"]?["storeCreditAccountDebit"]?["userErrors"]?.array?.isEmpty == true)
            #expect(try await balance() == after - Decimal(string: "2.5")!)
        }
    }

    @Test("an empty cost bucket answers THROTTLED with the throttle status and no data")
    func throttled() async throws {
        // 2 + 7 × 45 = 317 points requested; 320 in the bucket, restored at 1 point/s. The
        // first query keeps at least its actual cost (≥ 2 + 7 × 3), so the second cannot fit.
        try await withMock(Self.options(bucket: 320, restore: 1)) { mock in
            let first = try await Self.graphQL(mock, Self.read, ["first": 7])
            #expect(first.value?["data"]?["customers"] != nil)
            let available = try #require(
                first.value?["extensions"]?["cost"]?["throttleStatus"]?["currentlyAvailable"]?.text.flatMap(Double.init)
            )
            let requested = 2 + 7 * (3 + 3 * (4 + 10))
            #expect(available < Double(requested))
            let second = try await Self.graphQL(mock, Self.read, ["first": 7])
            #expect(second.status == 200)
            #expect(second.value?["data"] == nil)
            #expect(second.value?["errors"]?.array?.first?["extensions"]?["code"]?.text == "THROTTLED")
            #expect(second.value?["extensions"]?["cost"]?["actualQueryCost"]?.isNull == true)
            #expect(second.value?["extensions"]?["cost"]?["requestedQueryCost"]?.int == requested)
        }
    }

    @Test("a query above the single-query maximum and an unknown operation are refused")
    func refusals() async throws {
        try await withMock(Self.options()) { mock in
            let huge = try await Self.graphQL(mock, Self.read, ["first": 250])
            #expect(huge.value?["errors"]?.array?.first?["extensions"]?["code"]?.text == "MAX_COST_EXCEEDED")
            let other = try await Self.graphQL(mock, "{ shop { name } }")
            #expect(other.value?["errors"]?.array?.first?["extensions"]?["code"]?.text == "undefinedField")
            let broken = try await mock.shopify("/graphql.json", method: .POST, body: "{not json")
            #expect(broken.status == 400)
        }
    }

    @Test("access_scopes.json lists the granted scopes and a missing one is refused with 403")
    func accessScopes() async throws {
        let scopes = ["read_orders", "read_price_rules", "write_orders"]
        try await withMock(Self.options(scopes: scopes)) { mock in
            let listed = try await TestHTTP.request(
                mock.baseURL + "/admin/oauth/access_scopes.json",
                headers: [("X-Shopify-Access-Token", mock.credentials.accessToken!)])
            #expect(listed.status == 200)
            #expect(listed.value?["access_scopes"]?.array?.compactMap { $0["handle"]?.text } == scopes)
            let unauthorized = try await TestHTTP.request(mock.baseURL + "/admin/oauth/access_scopes.json")
            #expect(unauthorized.status == 401)
            #expect(try await mock.shopify("/orders.json?status=any").status == 200)
            let customers = try await mock.shopify("/customers.json")
            #expect(customers.status == 403)
            #expect(customers.text.contains("read_customers"))
            let rule = try await mock.shopify("/price_rules.json", method: .POST, body: "{}")
            #expect(rule.status == 403)
            #expect(rule.text.contains("write_price_rules"))
            let credit = try await Self.graphQL(mock, Self.read, ["first": 1])
            #expect(credit.value?["errors"]?.array?.first?["extensions"]?["code"]?.text == "ACCESS_DENIED")
        }
    }
}
