import Foundation
import Testing

@testable import MockStores

/// The emulator's bulk query operations: status progression, limits and userErrors, the
/// JSONL file's shape, ranged downloads and the fault hooks.
@Suite("Shopify bulk operations")
struct ShopifyBulkOperationTests {
    static let run = """
        mutation Run($query: String!) {
          bulkOperationRunQuery(query: $query, groupObjects: true) {
            bulkOperation { id status errorCode url objectCount rootObjectCount }
            userErrors { field message code }
          }
        }
        """
    static let poll =
        "query Poll($id: ID!) { bulkOperation(id: $id) { id status errorCode url objectCount rootObjectCount } }"
    static let orders = """
        { orders { edges { node { id totalPriceSet { shopMoney { amount currencyCode } }
          lineItems { edges { node { id quantity } } } } } } }
        """

    static func options(orders: Int = 12, version: String = "2026-07", scopes: [String]? = nil)
        -> MockStoreConfiguration
    {
        .shopify(
            ShopifyMockOptions(
                data: MockDataOptions(orders: orders, seed: 9, currency: .eur), leakRate: 0, apiVersion: version,
                accessScopes: scopes))
    }

    static func graphQL(_ mock: MockStoreServer, _ query: String, _ variables: [String: Any] = [:]) async throws
        -> JSONValue?
    {
        try await ShopifyGraphQLTests.graphQL(mock, query, variables).value
    }

    static func start(_ mock: MockStoreServer, _ query: String) async throws -> JSONValue? {
        try await graphQL(mock, run, ["query": query])?["data"]?["bulkOperationRunQuery"]
    }

    /// Polls until the operation is no longer running.
    static func finish(_ mock: MockStoreServer, _ id: String) async throws -> JSONValue? {
        for _ in 0..<10 {
            let operation = try await graphQL(mock, poll, ["id": id])?["data"]?["bulkOperation"]
            if operation?["status"]?.text != "RUNNING" { return operation }
        }
        return nil
    }

    @Test("an operation goes CREATED, RUNNING, COMPLETED and its file is JSONL in GraphQL shape")
    func progressionAndShape() async throws {
        try await withMock(Self.options()) { mock in
            let started = try #require(try await Self.start(mock, Self.orders))
            #expect(started["userErrors"]?.array?.isEmpty == true)
            #expect(started["bulkOperation"]?["status"]?.text == "CREATED")
            let id = try #require(started["bulkOperation"]?["id"]?.text)
            #expect(id.hasPrefix("gid://shopify/BulkOperation/"))
            let running = try await Self.graphQL(mock, Self.poll, ["id": id])?["data"]?["bulkOperation"]
            #expect(running?["status"]?.text == "RUNNING")
            #expect(running?["url"]?.isNull == true)
            let done = try #require(try await Self.finish(mock, id))
            #expect(done["status"]?.text == "COMPLETED")
            let url = try #require(done["url"]?.text)
            // A signed URL: no access token sent.
            let file = try await TestHTTP.request(url)
            #expect(file.status == 200)
            let lines = file.text.split(separator: "\n").map { JSONValue.parse(Array($0.utf8)) }
            #expect(done["objectCount"]?.text == String(lines.count))
            #expect(done["rootObjectCount"]?.text == "12")
            var parent: String?
            var roots = 0
            for line in lines {
                let object = try #require(line)
                let lineID = try #require(object["id"]?.text)
                if let parentID = object["__parentId"]?.text {
                    // Grouped: children follow their parent.
                    #expect(parentID == parent)
                    #expect(lineID.hasPrefix("gid://shopify/LineItem/"))
                    #expect(object["originalUnitPriceSet"]?["shopMoney"]?["currencyCode"]?.text == "EUR")
                } else {
                    roots += 1
                    parent = lineID
                    #expect(lineID.hasPrefix("gid://shopify/Order/"))
                    let money = object["totalPriceSet"]?["shopMoney"]
                    #expect(money?["amount"]?.text.flatMap { Decimal(string: $0) } != nil)
                    #expect(money?["currencyCode"]?.text == "EUR")
                    #expect(
                        object["displayFinancialStatus"]?.text?.uppercased() == object["displayFinancialStatus"]?.text)
                }
            }
            #expect(roots == 12)
            #expect(lines.count > 12)
            #expect(mock.shopifyBulkStats.downloadsWithAccessToken == 0)
        }
    }

    @Test("a ranged download returns the rest of the same bytes")
    func rangedDownload() async throws {
        try await withMock(Self.options()) { mock in
            let id = try #require(try await Self.start(mock, Self.orders)?["bulkOperation"]?["id"]?.text)
            let url = try #require(try await Self.finish(mock, id)?["url"]?.text)
            let whole = try await TestHTTP.request(url)
            let rest = try await TestHTTP.request(url, headers: [("Range", "bytes=1000-")])
            #expect(rest.status == 206)
            #expect(rest.header("Content-Range") == "bytes 1000-\(whole.body.count - 1)/\(whole.body.count)")
            #expect(rest.body == Array(whole.body[1000...]))
            #expect(mock.shopifyBulkStats.rangeStarts == [1000])
        }
    }

    @Test("queries Shopify refuses get userErrors")
    func refusedShapes() async throws {
        try await withMock(Self.options()) { mock in
            let noConnection = try await Self.start(mock, "{ shop { id name } }")
            #expect(noConnection?["bulkOperation"]?.isNull == true)
            #expect(noConnection?["userErrors"]?.array?.first?["code"]?.text == "INVALID")
            let connection = "c: customers { edges { node { id } } }"
            let six = "{ " + (1...6).map { "c\($0)" + connection.dropFirst(1) }.joined(separator: " ") + " }"
            #expect(
                try await Self.start(mock, six)?["userErrors"]?.array?.first?["message"]?.text?.contains("5") == true)
            let deep = """
                { orders { edges { node { id lineItems { edges { node { id
                  product { variants { edges { node { id } } } } } } } } } } }
                """
            #expect(
                try await Self.start(mock, deep)?["userErrors"]?.array?.first?["message"]?.text?.contains("depth")
                    == true)
        }
    }

    @Test("five operations run at once from 2026-01, one before")
    func concurrencyLimit() async throws {
        try await withMock(Self.options()) { mock in
            for _ in 1...5 {
                #expect(try await Self.start(mock, Self.orders)?["userErrors"]?.array?.isEmpty == true)
            }
            let sixth = try await Self.start(mock, Self.orders)
            #expect(sixth?["userErrors"]?.array?.first?["code"]?.text == "OPERATION_IN_PROGRESS")
        }
        try await withMock(
            .shopify(
                ShopifyMockOptions(
                    data: MockDataOptions(orders: 5, seed: 9), leakRate: 0, apiVersion: "2025-10",
                    supportedAPIVersions: ["2025-07", "2025-10", "2026-01"]))
        ) { mock in
            #expect(try await Self.start(mock, Self.orders)?["userErrors"]?.array?.isEmpty == true)
            let second = try await Self.start(mock, Self.orders)
            #expect(second?["userErrors"]?.array?.first?["code"]?.text == "OPERATION_IN_PROGRESS")
            // `bulkOperation(id:)` does not exist before 2026-01.
            let byID = try await Self.graphQL(mock, Self.poll, ["id": "gid://shopify/BulkOperation/1"])
            #expect(byID?["errors"]?.array?.first?["extensions"]?["code"]?.text == "undefinedField")
        }
    }

    @Test("fault hooks: a failed operation, a missing scope, expired results, a cut download")
    func faults() async throws {
        try await withMock(Self.options()) { mock in
            mock.failNextShopifyBulkOperation(errorCode: "INTERNAL_SERVER_ERROR")
            let id = try #require(try await Self.start(mock, Self.orders)?["bulkOperation"]?["id"]?.text)
            let failed = try await Self.finish(mock, id)
            #expect(failed?["status"]?.text == "FAILED")
            #expect(failed?["errorCode"]?.text == "INTERNAL_SERVER_ERROR")
            #expect(failed?["url"]?.isNull == true)

            let second = try #require(try await Self.start(mock, Self.orders)?["bulkOperation"]?["id"]?.text)
            let url = try #require(try await Self.finish(mock, second)?["url"]?.text)
            mock.cutNextShopifyBulkDownload(afterBytes: 500)
            await #expect(throws: (any Error).self) { _ = try await TestHTTP.request(url) }
            #expect(try await TestHTTP.request(url).status == 200)
            mock.expireShopifyBulkOperations()
            #expect(try await TestHTTP.request(url).status == 403)
            let expired = try await Self.graphQL(mock, Self.poll, ["id": second])?["data"]?["bulkOperation"]
            #expect(expired?["status"]?.text == "EXPIRED")
        }
        try await withMock(Self.options(scopes: ["read_customers"])) { mock in
            let id = try #require(try await Self.start(mock, Self.orders)?["bulkOperation"]?["id"]?.text)
            let denied = try await Self.finish(mock, id)
            #expect(denied?["status"]?.text == "FAILED")
            #expect(denied?["errorCode"]?.text == "ACCESS_DENIED")
        }
    }
}
