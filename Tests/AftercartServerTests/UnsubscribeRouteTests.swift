import AftercartEngage
import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import Testing

/// The way out of marketing mail through the real server (issue 19): a
/// GET asks, a POST (a person's button or RFC 8058's one-click POST)
/// records the unsubscribe and cancels the marketing waiting for that
/// address; a forged or altered link is 404 and changes nothing.
@Suite struct UnsubscribeRouteTests {
    static let publicURL = URL(string: "https://aftercart.shop.example")!
    static let store: StoreID = "tokyo-woo"

    private func withServer(_ body: (RunningServer, UnsubscribeLink) async throws -> Void) async throws {
        let server = try await RunningServer.start(
            [],
            unsubscribe: { persistence in
                UnsubscribeEndpoint(
                    links: try await UnsubscribeLink.load(publicURL: Self.publicURL, from: persistence),
                    requests: CustomerRequests(database: persistence),
                    locale: { $0 == Self.store ? "ja-JP" : nil })
            })
        do {
            let links = try await UnsubscribeLink.load(publicURL: Self.publicURL, from: server.persistence)
            try await body(server, links)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    private func waiting(_ key: String, to address: String, transactional: Bool, in database: SQLitePersistence)
        async throws
    {
        let email = EmailAction(
            to: address, toName: nil, subject: "s", text: "t", html: "h", transactional: transactional)
        let payload = String(decoding: try ModelJSON.encoder().encode(email), as: UTF8.self)
        _ = try await database.enqueue(
            NewOutboxEntry(
                idempotencyKey: key, store: Self.store, campaign: key, subjectKind: .customers, subjectID: "7",
                action: .sendEmail, payload: payload, notBefore: Date()),
            now: Date())
    }

    /// The MAC's first character changed (its last one carries padding bits a decoder may ignore).
    static func flippingFirstMACCharacter(of token: String) -> String {
        let parts = token.split(separator: ".")
        let mac = parts[1]
        let flipped = (mac.first == "A" ? "B" : "A") + mac.dropFirst()
        return parts[0] + "." + flipped
    }

    private func path(of url: String) -> String { String(url.dropFirst(Self.publicURL.absoluteString.count)) }

    @Test func aOneClickPostUnsubscribesAtOnceAndCancelsOnlyTheWaitingMarketing() async throws {
        try await withServer { server, links in
            try await waiting("win-back", to: "hana@example.test", transactional: false, in: server.persistence)
            try await waiting(
                "order-confirmation", to: "hana@example.test", transactional: true, in: server.persistence)
            let link = path(of: links.url(store: Self.store, email: "Hana@Example.test"))
            #expect(link.hasPrefix("/unsubscribe/"))

            let question = try await server.get(link)
            #expect(question.status == 200)
            #expect(question.body.contains("<html lang=\"ja-JP\">"))
            #expect(question.body.contains("hana@example.test"))
            #expect(question.body.contains("<form method=\"post\">"))
            #expect(try await server.persistence.suppressions(store: Self.store).isEmpty)

            let done = try await server.post(
                link, body: Data("List-Unsubscribe=One-Click".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(done.status == 200)
            #expect(done.body.contains("id=\"done\""))
            #expect(
                try await server.persistence.suppressions(store: Self.store) == ["hana@example.test": .unsubscribed])
            let cancelled = try await server.persistence.outboxEntries(in: .cancelled, limit: 10)
            #expect(cancelled.map(\.idempotencyKey) == ["win-back"])
            let pending = try await server.persistence.outboxEntries(in: .pending, limit: 10)
            #expect(pending.filter { $0.action != .withdrawConsent }.map(\.idempotencyKey) == ["order-confirmation"])
            // The opt-out waits to be written to the store's consent field.
            #expect(pending.filter { $0.action == .withdrawConsent }.map(\.subjectID) == ["hana@example.test"])
        }
    }

    @Test func aForgedAlteredOrForeignLinkIs404AndChangesNothing() async throws {
        try await withServer { server, links in
            let genuine = links.token(store: Self.store, email: "hana@example.test")
            let payload = genuine.split(separator: ".")[0]
            // Another address under the genuine MAC, a flipped MAC character, no MAC, another install's key.
            let other = UnsubscribeLink(publicURL: Self.publicURL, secret: "someone else's secret")
            let forgeries = [
                links.token(store: Self.store, email: "taro@example.test").split(separator: ".")[0] + "."
                    + genuine.split(separator: ".")[1],
                Self.flippingFirstMACCharacter(of: genuine),
                String(payload),
                other.token(store: Self.store, email: "hana@example.test"),
                links.token(store: "not-configured", email: "hana@example.test"),
            ]
            for token in forgeries {
                let answer = try await server.post("/unsubscribe/\(token)", body: Data(), headers: [:])
                #expect(answer.status == 404, "\(token)")
            }
            let english = try await server.get("/unsubscribe/\(forgeries[1])", headers: ["Accept-Language": "en-US"])
            #expect(english.status == 404)
            #expect(english.body.contains("<html lang=\"en-US\">"))
            #expect(try await server.persistence.suppressions(store: Self.store).isEmpty)
        }
    }
}
