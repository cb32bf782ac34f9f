import ChildProcessTesting
import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The page a merchant sees at the end of a Shopify install, in a real
/// browser: `serve` as an operator runs it, the signed callback Shopify
/// sends the merchant's browser to, in their language; and the same link
/// opened twice, which must not connect again.
@Suite struct ShopifyInstallPageBrowserTests {
    @Test func theMerchantSeesTheShopConnectedAndAReplayedLinkRefusedInTheirLanguage() async throws {
        let mock = try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 5, seed: 3, leakRate: 0, clientID: ShopifyInstallCommandTests.clientID,
                    clientSecret: ShopifyInstallCommandTests.clientSecret)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        try ShopifyInstallCommandTests().writeConfig(cli, mock: mock)
        let process = try cli.start(
            ["serve", "--port", "0", "--log-level", "warning"], environment: ShopifyInstallCommandTests.environment,
            capture: true)
        defer { if process.isRunning { process.terminate() } }
        do {
            let line = await process.firstLine()
            let base = String(line.dropFirst("listening on ".count))
            // The install link, through the emulator's approval, to the signed callback query.
            let (_, landed) = try await URLSession.shared.data(
                for: URLRequest(url: try #require(URL(string: base + "/shopify/install/osaka-shopify"))))
            let query = try #require(landed.url?.query)
            let callback = base + "/shopify/callback?" + query

            let connected = try await HeadlessBrowser.dumpDOM(callback, language: "ja")
            #expect(connected.contains("Aftercart は aftercart-mock.myshopify.com に接続されました。"), "\(connected)")
            #expect(!connected.contains("<script") && !connected.contains("shpss_") && !connected.contains("code="))
            #expect(mock.shopifyInstallCounts.codes == 1)

            let replayed = try await HeadlessBrowser.dumpDOM(callback)
            #expect(replayed.contains("This install link expired or was already used."), "\(replayed)")
            #expect(!replayed.contains("is connected"))
            #expect(mock.shopifyInstallCounts.codes == 1)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
