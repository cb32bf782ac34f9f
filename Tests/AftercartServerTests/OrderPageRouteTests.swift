import AftercartServer
import Foundation
import Testing

/// `GET /o/{token}` as a browser meets it: the page with headers fit for
/// one customer's data, the same 404 for every bad link in the visitor's
/// language, and a 500 without the error when rendering fails.
@Suite struct OrderPageRouteTests {
    struct RenderFailed: Error {}

    private func withServer(_ body: (RunningServer) async throws -> Void) async throws {
        let server = try await RunningServer.start(
            [],
            orderPages: OrderPageEndpoint(
                page: { token in
                    if token == "broken" { throw RenderFailed() }
                    return token == "good" ? "<p>order 1294</p>" : nil
                },
                notFound: { locale in "<p>not found (\(locale))</p>" }))
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func thePageIsPrivateUnindexedAndSendsNoReferrer() async throws {
        try await withServer { server in
            let page = try await server.get("/o/good")
            #expect(page.status == 200 && page.body == "<p>order 1294</p>")
            #expect(page.headers["cache-control"] == "private, no-store, max-age=0")
            #expect(page.headers["x-robots-tag"] == "noindex, nofollow")
            #expect(page.headers["referrer-policy"] == "no-referrer")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        }
    }

    @Test func everyBadLinkGetsTheSame404InTheVisitorsLanguageAndAFailureNoDetail() async throws {
        try await withServer { server in
            for path in ["/o/forged", "/o/" + String(repeating: "A", count: 90)] {
                let japanese = try await server.get(path, headers: ["Accept-Language": "ja,en;q=0.5"])
                #expect(japanese.status == 404 && japanese.body == "<p>not found (ja-JP)</p>")
                #expect(japanese.headers["cache-control"] == "private, no-store, max-age=0")
                let english = try await server.get(path)
                #expect(english.status == 404 && english.body == "<p>not found (en-US)</p>")
            }
            let broken = try await server.get("/o/broken")
            #expect(broken.status == 500 && broken.body.isEmpty)
        }
    }
}
