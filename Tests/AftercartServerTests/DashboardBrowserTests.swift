import AftercartModel
import AftercartServer
import ChildProcessTesting
import Foundation
import Testing

/// The dashboard as a merchant's browser shows it: Debian's chromium opens
/// `/dashboard` of a real server on loopback with the basic-auth user and
/// password in the address (chromium answers the 401 challenge with them),
/// and the page it renders has the charts' bars and the figures. Set
/// `AFTERCART_SCREENSHOTS` to a folder to keep the screenshots
/// (docs/dashboard-sample-ja.png was taken this way).
@Suite struct DashboardBrowserTests {
    @Test func chromiumSignsInAndRendersTheChartsAndFigures() async throws {
        let endpoint = DashboardEndpoint(
            access: DashboardAccess(token: nil, user: "owner", password: Secret("hunter2"))!,
            stores: DashboardRouteTests.stores,
            report: { store, _, _ in
                store == "tokyo-woo" ? SampleReports.tokyo() : SampleReports.brooklynTwoCurrencies()
            })
        let server = try await RunningServer.start([], dashboard: endpoint)
        do {
            try await check(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    private func check(_ server: RunningServer) async throws {
        let signedIn = "http://owner:hunter2@127.0.0.1:\(server.port)/dashboard"
        let japanese = try await HeadlessBrowser.dumpDOM(signedIn)
        #expect(japanese.contains("<html lang=\"ja-JP\">"), "\(japanese.prefix(400))")
        for text in [
            "Tokyo Mugs", "メール施策の成果", "<svg class=\"chart revenue\"", "<rect class=\"bar\"", "¥98,000", "10 (25%)",
            "<rect class=\"cell\"", "Brooklyn Socks",
        ] {
            #expect(japanese.contains(text), "\(text)")
        }
        #expect(!japanese.contains("<script"))
        let english = try await HeadlessBrowser.dumpDOM(signedIn + "?store=brooklyn-shop&from=2026-11-01&to=2026-11-30")
        for text in ["<html lang=\"en-US\">", "What your messages earned", "$120.50", "80,00 €"] {
            #expect(english.contains(text), "\(text)")
        }
        let refused = try await HeadlessBrowser.dumpDOM("http://owner:wrong@127.0.0.1:\(server.port)/dashboard")
        #expect(!refused.contains("Tokyo Mugs") && !refused.contains("<svg"), "\(refused.prefix(400))")

        let keep = ProcessInfo.processInfo.environment["AFTERCART_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        for (name, url, width, height) in [
            ("dashboard-ja", signedIn, 1024, 2500),
            ("dashboard-en-phone", signedIn + "?store=brooklyn-shop", 390, 2000),
        ] {
            let path = server.folder.appendingPathComponent("\(name).png").path
            try await HeadlessBrowser.screenshot(url, to: path, width: width, height: height)
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(png.count > 20_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name): \(png.count) bytes")
            if let keep { try png.write(to: keep.appendingPathComponent("\(name).png")) }
        }
    }
}
