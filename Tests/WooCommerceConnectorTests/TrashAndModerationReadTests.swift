import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import NIOCore
import NIOHTTP1
import Testing
import WooCommerceConnector

/// What an incremental read sees of trashed orders and of reviews approved
/// after they were held, against the emulator (api-facts §8.4).
@Suite struct TrashAndModerationReadTests {
    @Test func anOrderTrashedSinceTheCursorIsHandedOverAsVanishedAndComesBackWhenRestored() async throws {
        try await withEmulator(orders: 30) { connector, store in
            let first = try await allPages(connector.read(.orders, since: nil))
            let cursor = try #require(first.last?.cursor)
            let id = try #require(first.first?.records.anyRecords.first?.platformID)

            #expect(try await store.send(.DELETE, "/orders/\(id)") == 200)
            let afterTrash = try await allPages(connector.read(.orders, since: cursor))
            #expect(afterTrash.first?.vanished == [id])
            #expect(!afterTrash.flatMap { $0.records.anyRecords.map(\.platformID) }.contains(id))
            // Only the walk's first page carries them.
            #expect(afterTrash.dropFirst().allSatisfy { $0.vanished.isEmpty })
            // The trash list asks for ids only, with the same lower bound.
            let nextCursor = try #require(afterTrash.last?.cursor)

            #expect(try await store.send(.PUT, "/orders/\(id)", body: #"{"status":"processing"}"#) == 200)
            let afterRestore = try await allPages(connector.read(.orders, since: nextCursor))
            #expect(afterRestore.allSatisfy { !$0.vanished.contains(id) })
            let restored = afterRestore.flatMap { page -> [Order] in
                if case .orders(let orders) = page.records { return orders }
                return []
            }.first { $0.id == id }
            #expect(restored?.status == .processing)
        }
    }

    @Test func aHeldReviewApprovedLaterArrivesInTheNextIncrementalRead() async throws {
        try await withEmulator(orders: 5, reviews: 60) { connector, store in
            let first = try await allPages(connector.read(.reviews, since: nil))
            let reviews = first.flatMap { page -> [Review] in
                if case .reviews(let reviews) = page.records { return reviews }
                return []
            }
            let held = try #require(reviews.first { $0.status == .hold })
            let cursor = try #require(first.last?.cursor)

            #expect(try await store.send(.PUT, "/products/reviews/\(held.id)", body: #"{"status":"approved"}"#) == 200)
            let next = try await allPages(connector.read(.reviews, since: cursor))
            let again = next.flatMap { page -> [Review] in
                if case .reviews(let reviews) = page.records { return reviews }
                return []
            }
            #expect(again.first { $0.id == held.id }?.status == .approved)
        }
    }

    @Test func theOrderDeletedWebhookMarksTheOrderVanished() async throws {
        try await withEmulator(orders: 1) { connector, _ in
            let decoding = try #require(connector as? any WebhookDecoding)
            #expect(decoding.webhookTopics.contains("order.deleted"))
            let records = try await decoding.decodeWebhook(topic: "order.deleted", body: Data(#"{"id":3286}"#.utf8))
            #expect(records.deleted[.orders] == ["3286"])
        }
    }

    /// An emulator and a connector built from the config as the CLI builds it.
    private func withEmulator(
        orders: Int, reviews: Int? = nil, _ body: (any StoreConnector, RawStore) async throws -> Void
    ) async throws {
        try await withEmulatedWooStore(
            WooCommerceMockOptions(data: MockDataOptions(orders: orders, seed: 7, reviews: reviews)),
            store: "trash-woo", values: ["marketing_consent": "unknown"]
        ) { connector, mock, client in try await body(connector, RawStore(mock: mock, client: client)) }
    }
}

/// Writes to the emulator as a merchant's admin would, outside the connector.
struct RawStore {
    let mock: MockStoreServer
    let client: HTTPClient

    /// The status of `method` on `path` under `/wp-json/wc/v3`.
    func send(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> Int {
        let key = mock.credentials.consumerKey ?? ""
        let secret = mock.credentials.consumerSecret ?? ""
        let separator = path.contains("?") ? "&" : "?"
        var request = HTTPClientRequest(
            url: mock.apiBaseURL + path + separator + "consumer_key=\(key)&consumer_secret=\(secret)")
        request.method = method
        // The emulator, like WordPress behind a TLS proxy, accepts query keys only over "HTTPS".
        request.headers.add(name: "X-Forwarded-Proto", value: "https")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(20))
        _ = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Int(response.status.code)
    }
}
