import AftercartModel
import AftercartOutcomes
import AftercartServer
import Foundation
import Testing

/// `GET /dashboard` over HTTP on loopback: never there without admin
/// credentials, 401 without the right ones (and nothing of the secret in
/// the log), the store's page with private headers for the right ones.
@Suite struct DashboardRouteTests {
    static let token = "dash-token-7f3a9c"
    static let stores = [
        DashboardStore(id: "tokyo-woo", displayName: "Tokyo Mugs", locale: "ja-JP"),
        DashboardStore(id: "brooklyn-shop", displayName: "Brooklyn Socks", locale: "en-US"),
    ]

    /// Records what the server asked the reporter for.
    actor Requests {
        var asked: [String] = []
        func add(_ request: String) { asked.append(request) }
    }

    struct ReportFailed: Error {}

    static func endpoint(_ requests: Requests = Requests()) -> DashboardEndpoint {
        DashboardEndpoint(
            access: DashboardAccess(token: Secret(token), user: "owner", password: Secret("hunter2 pw"))!,
            stores: stores,
            report: { store, from, to in
                await requests.add("\(store) \(from ?? "-") \(to ?? "-")")
                if from == "2000-01-01" { throw ReportFailed() }
                return store == "tokyo-woo" ? SampleReports.tokyo() : SampleReports.brooklynTwoCurrencies()
            })
    }

    private func withServer(
        _ dashboard: DashboardEndpoint?, logs: LogCapture = LogCapture(), _ body: (RunningServer) async throws -> Void
    ) async throws {
        let server = try await RunningServer.start([], logger: logs.logger(level: .info), dashboard: dashboard)
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func withoutAdminCredentialsTheDashboardIsNotThere() async throws {
        try await withServer(nil) { server in
            for headers in [[:], ["Authorization": "Bearer \(Self.token)"]] {
                let answer = try await server.get("/dashboard", headers: headers)
                #expect(answer.status == 404 && answer.body.isEmpty)
                #expect(answer.headers["www-authenticate"] == nil)
            }
        }
    }

    @Test func missingOrWrongCredentialsGet401WithABasicChallengeAndNoFigures() async throws {
        let logs = LogCapture()
        let requests = Requests()
        try await withServer(Self.endpoint(requests), logs: logs) { server in
            let wrongs: [[String: String]] = [
                [:], ["Authorization": "Bearer \(Self.token)x"], ["Authorization": "Bearer hunter2 pw"],
                ["Authorization": DashboardAccessTests.basic("owner", "hunter2")],
                ["Authorization": DashboardAccessTests.basic("admin", "hunter2 pw")],
            ]
            for headers in wrongs {
                let answer = try await server.get("/dashboard?store=brooklyn-shop", headers: headers)
                #expect(answer.status == 401, "\(headers)")
                #expect(answer.headers["www-authenticate"] == "Basic realm=\"Aftercart\"")
                #expect(answer.headers["cache-control"]?.hasPrefix("private, no-store") == true)
                #expect(!answer.body.contains("Brooklyn") && !answer.body.contains("$"), "\(answer.body)")
            }
            let japanese = try await server.get("/dashboard", headers: ["Accept-Language": "ja"])
            #expect(japanese.status == 401 && japanese.body.contains("ログインしてください"))
        }
        #expect(await requests.asked.isEmpty, "no report is computed for a stranger")
        let logged = logs.entries.map(\.text).joined(separator: "\n")
        #expect(logged.contains("dashboard refused"))
        for secret in [Self.token, "hunter2", "b3duZXI6"] { #expect(!logged.contains(secret), "\(secret)") }
    }

    @Test func theBearerTokenAndBasicAuthOpenTheStoresPageWithPrivateHeaders() async throws {
        let requests = Requests()
        try await withServer(Self.endpoint(requests)) { server in
            let first = try await server.get("/dashboard", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(first.status == 200)
            #expect(first.body.contains("<html lang=\"ja-JP\">") && first.body.contains("Tokyo Mugs"))
            #expect(
                first.body.contains("href=\"/dashboard?store=brooklyn-shop&amp;from=2026-11-01&amp;to=2026-11-30\""))
            #expect(first.headers["content-type"] == "text/html; charset=utf-8")
            #expect(first.headers["cache-control"]?.hasPrefix("private, no-store") == true)
            #expect(first.headers["x-robots-tag"]?.hasPrefix("noindex") == true)
            #expect(first.headers["referrer-policy"] == "no-referrer")
            let policy = try #require(first.headers["content-security-policy"])
            #expect(policy.contains("default-src 'none'") && !policy.contains("script") && !policy.contains("http"))

            let second = try await server.get(
                "/dashboard?store=brooklyn-shop&from=2026-11-01&to=2026-11-30",
                headers: ["Authorization": DashboardAccessTests.basic("owner", "hunter2 pw")])
            #expect(second.status == 200)
            #expect(second.body.contains("<html lang=\"en-US\">") && second.body.contains("Brooklyn Socks"))
            #expect(second.body.contains("$120.50"))
        }
        #expect(await requests.asked == ["tokyo-woo - -", "brooklyn-shop 2026-11-01 2026-11-30"])
    }

    @Test func badDatesGet400AndUnknownStores404AndAFailedReport500() async throws {
        let requests = Requests()
        let authorized = ["Authorization": "Bearer \(Self.token)"]
        try await withServer(Self.endpoint(requests)) { server in
            for query in ["from=2026-13-01", "to=yesterday", "from=2026-11-30&to=2026-11-01", "from=2026-02-30"] {
                let answer = try await server.get("/dashboard?store=brooklyn-shop&" + query, headers: authorized)
                #expect(answer.status == 400, "\(query)")
                #expect(answer.body.contains("yyyy-MM-dd") && answer.body.contains("lang=\"en-US\""), "\(query)")
                #expect(answer.headers["cache-control"]?.hasPrefix("private, no-store") == true)
            }
            let unknown = try await server.get("/dashboard?store=osaka", headers: authorized)
            #expect(unknown.status == 404 && unknown.body.contains("No store has that name."))
            let failed = try await server.get("/dashboard?from=2000-01-01", headers: authorized)
            #expect(failed.status == 500 && failed.body.contains("サーバーのログ") && !failed.body.contains("ReportFailed"))
        }
        #expect(await requests.asked == ["tokyo-woo 2000-01-01 -"], "refused queries compute nothing")
    }
}
