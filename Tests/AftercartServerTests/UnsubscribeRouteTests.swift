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
                    links: try await UnsubscribeLink.load(
                        publicURL: Self.publicURL, linkSecret: nil, from: persistence),
                    requests: CustomerRequests(database: persistence),
                    shop: {
                        $0 == Self.store
                            ? UnsubscribeShop(locale: "ja-JP", name: "東京マグカップ店", contact: "03-1234-5678") : nil
                    })
            })
        do {
            let links = try await UnsubscribeLink.load(
                publicURL: Self.publicURL, linkSecret: nil, from: server.persistence)
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
    /// `token` with one character changed at `offset` from the start
    /// (negative: from the end), keeping it valid base64url.
    static func altering(_ token: String, at offset: Int) -> String {
        var characters = Array(token)
        let index = offset >= 0 ? offset : characters.count + offset
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
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
            #expect(question.body.contains("hana@example.test 宛ての東京マグカップ店からの"))
            #expect(question.body.contains("<header>東京マグカップ店</header>"))
            #expect(question.body.contains("お問い合わせ：03-1234-5678"))
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

    @Test func aTokenHidesTheAddressItUnsubscribes() throws {
        let links = UnsubscribeLink(publicURL: Self.publicURL, secret: "install secret")
        let first = links.token(store: Self.store, email: "Hana@Example.test")
        let second = links.token(store: Self.store, email: "hana@example.test")
        #expect(first != second)
        for token in [first, second] {
            var standard = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while standard.count % 4 != 0 { standard += "=" }
            let bytes = try #require(Data(base64Encoded: standard))
            #expect(!String(decoding: bytes, as: UTF8.self).contains("hana"))
            #expect(!token.lowercased().contains("hana"))
            let opened = try #require(links.verify(token))
            #expect(opened.store == Self.store && opened.email == "hana@example.test")
        }
    }

    @Test func aForgedAlteredOrForeignLinkIs404AndChangesNothing() async throws {
        try await withServer { server, links in
            let genuine = links.token(store: Self.store, email: "hana@example.test")
            // Nonce, sealed address or tag altered; cut short; another install's key; an unknown store.
            let other = UnsubscribeLink(publicURL: Self.publicURL, secret: "someone else's secret")
            let forgeries = [
                Self.altering(genuine, at: 0), Self.altering(genuine, at: 20), Self.altering(genuine, at: -2),
                String(genuine.dropLast(4)),
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
