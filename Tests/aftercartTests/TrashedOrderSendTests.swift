import AftercartModel
import AftercartStore
import AsyncHTTPClient
import Foundation
import MockStores
import NIOCore
import NIOHTTP1
import Testing

/// An order trashed in the store after a message was planned for it: the
/// next incremental sync marks it vanished, and `send` performs nothing for it.
@Suite struct TrashedOrderSendTests {
    static let secrets = SendCommandTests.secrets
    static let past = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func aMessagePlannedForAnOrderTrashedSinceIsNotSent() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 12, seed: 4)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try cli.write(
                """
                [database]
                url = "sqlite:data/aftercart.sqlite"

                [delivery]
                channel = "file"
                file_dir = "data/outbox"
                from = "Tokyo Mugs <hello@mugs.example>"

                [[stores]]
                name = "tokyo-woo"
                platform = "woocommerce"
                base_url = "\(mock.baseURL)"
                consumer_key = { env = "WOO_KEY" }
                consumer_secret = { env = "WOO_SECRET" }
                timezone = "Asia/Tokyo"
                marketing_consent = "unknown"
                """, to: "config/aftercart.toml")
            let first = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            #expect(first.status == 0, "\(first.stderr)")
            let export = try await cli.run(["export", "orders"], environment: Self.secrets)
            let line = try #require(export.stdout.split(separator: "\n").first)
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let orderID = try #require(object?["id"] as? String)

            // As the planner would have: a follow-up email about that order, due now.
            let folder = cli.directory.appendingPathComponent("data")
            let persistence = try await SQLitePersistence.open(
                path: folder.appendingPathComponent("aftercart.sqlite").path)
            let email = EmailAction(
                to: "hana@example.test", toName: "Hana", subject: "How is your order?", text: "t", html: "<p>t</p>",
                transactional: false)
            try await persistence.enqueue(
                [
                    NewOutboxEntry(
                        idempotencyKey: "trash/email", store: "tokyo-woo", campaign: "follow-up",
                        subjectKind: .orders, subjectID: orderID, action: .sendEmail,
                        payload: String(decoding: try ModelJSON.encoder().encode(email), as: UTF8.self),
                        notBefore: Self.past)
                ], now: Self.past)
            try await persistence.close()

            #expect(try await trash(orderID, in: mock) == 200)
            let second = try await cli.run(["sync", "--resources", "orders"], environment: Self.secrets)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("1 marked vanished"), "\(second.stdout)")

            let send = try await cli.run(["send"], environment: Self.secrets)
            #expect(send.stdout.contains("order \(orderID) is no longer in the store"), "\(send.stdout)")
            let outbox = cli.directory.appendingPathComponent("data/outbox")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []
            #expect(files.filter { $0.hasSuffix(".eml") }.isEmpty)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    /// `DELETE /orders/{id}` as the merchant's admin does it: to the trash.
    private func trash(_ id: String, in mock: MockStoreServer) async throws -> Int {
        let key = mock.credentials.consumerKey ?? ""
        let secret = mock.credentials.consumerSecret ?? ""
        var request = HTTPClientRequest(
            url: mock.apiBaseURL + "/orders/\(id)?consumer_key=\(key)&consumer_secret=\(secret)")
        request.method = .DELETE
        request.headers.add(name: "X-Forwarded-Proto", value: "https")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        _ = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Int(response.status.code)
    }
}
