import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// A campaign with `push_back = ["customer_tag"]` on WooCommerce, whose
/// customers have no tags: `send` reports the tag row skipped, not done,
/// and `status` counts it apart.
extension SendCommandTests {
    @Test func aWooCommerceCustomerTagEndsSkippedInSendAndStatus() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let folder = cli.directory.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let persistence = try await SQLitePersistence.open(
                path: folder.appendingPathComponent("aftercart.sqlite").path)
            // What the planner writes for a customer with an account when the campaign asks for a tag.
            let email = EmailAction(
                to: "hana@example.test", toName: "Hana", subject: "How was it?", text: "t", html: "<p>t</p>",
                transactional: false, customerID: "1", pushBack: .init(customerTags: ["aftercart-happy"]))
            try await persistence.enqueue(
                NewOutboxEntry(
                    idempotencyKey: "happy/tokyo-woo/customers:1/email", store: "tokyo-woo", campaign: "happy",
                    subjectKind: .customers, subjectID: "1", action: .sendEmail,
                    payload: String(decoding: try ModelJSON.encoder().encode(email), as: UTF8.self),
                    notBefore: Self.past),
                now: Self.past)
            try await persistence.close()

            let send = try await cli.run(["send"], environment: Self.secrets)
            #expect(send.status == 0, "\(send.stdout)\n\(send.stderr)")
            #expect(send.stdout.contains("done 1 (send_email 1)"), "\(send.stdout)")
            #expect(send.stdout.contains("skipped 1 (tag_customer 1)"), "\(send.stdout)")
            #expect(send.stdout.contains("tag_customer skipped: woocommerce customers have no tags"), "\(send.stdout)")
            #expect(mock.stats().count(path: "/wp-json/wc/v3/customers/1") == 0)

            let status = try await cli.run(["status"], environment: Self.secrets)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("done 1"), "\(status.stdout)")
            #expect(status.stdout.contains("skipped 1"), "\(status.stdout)")
            // Final like done: nothing is claimed again.
            let again = try await cli.run(["send"], environment: Self.secrets)
            #expect(again.stdout.contains("nothing due"), "\(again.stdout)")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
