import AftercartConfig
import AftercartConnector
import AftercartConnectorTesting
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import ScratchConnector
import Testing

/// The registration line, end to end: a registry that lists Scratch lets
/// the config loader accept a `platform = "scratch"` store (and refuse a
/// wrong one with the adapter's own example), and makes a working
/// connector from what the loader read.
@Suite struct ScratchRegistrationTests {
    /// The test's registry: Scratch's one registration line.
    let registry = ConnectorRegistry([ScratchConnector.registration])

    func config(baseURL: String) -> String {
        """
        [[stores]]
        name = "scratch-shop"
        platform = "scratch"
        base_url = "\(baseURL)"
        api_key = { env = "SCRATCH_KEY" }
        lookback = "10m"
        """
    }

    func load(_ text: String, environment: [String: String] = [:]) throws -> AftercartConfiguration {
        try AftercartConfiguration.parse(
            text, file: "aftercart.toml", directory: FileManager.default.temporaryDirectory, environment: environment,
            platforms: StorePlatformRegistry(registry.settingsSchemas), secrets: .required, loadCampaignFiles: false)
    }

    @Test func theLoaderValidatesAScratchStoreAndTheRegistryMakesItsConnector() async throws {
        let platform = try await FakeScratchPlatform.start(orders: 3)
        let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20))
        do {
            try await connectThroughTheLoader(to: platform, client: client)
        } catch {
            try? await client.shutdown()
            await platform.stop()
            throw error
        }
        try await client.shutdown()
        await platform.stop()
    }

    private func connectThroughTheLoader(to platform: FakeScratchPlatform, client: HTTPClient) async throws {
        let environment = ["SCRATCH_KEY": FakeScratchPlatform.apiKey]
        let store = try #require(try load(config(baseURL: platform.baseURL), environment: environment).stores.first)
        #expect(store.platform == "scratch")
        #expect(store.links.orderTrackingPath == "/orders/{order_id}")

        // What the CLI hands an adapter: text values, resolved secrets.
        let settings = ConnectorSettings(
            store: store.id, platform: store.platform, timeZone: store.timeZone, values: store.settings.textValues,
            secrets: try store.secrets.mapValues { try $0.resolve(environment: environment) })
        let connector = try registry.connector(
            for: settings, environment: ConnectorEnvironment(client: client, logger: Logger(label: "scratch")))
        #expect(connector.platform == "scratch")
        #expect((connector as? ScratchConnector)?.settings.lookback == 600)
        #expect(try await connector.check().currency == Currency(code: "USD"))
        var orders = 0
        for try await page in connector.read(.orders, since: nil) { orders += page.records.count }
        #expect(orders == 3)
    }

    @Test func aScratchStoreWithoutItsKeyIsRefusedWithTheAdaptersExample() {
        let text = config(baseURL: "https://shop.scratch.example").replacingOccurrences(
            of: "api_key = { env = \"SCRATCH_KEY\" }\n", with: "")
        let error = #expect(throws: ConfigurationError.self) { try load(text) }
        let problems = error?.problems ?? []
        #expect(problems.contains { $0.message.contains("api_key") && $0.example?.contains("SCRATCH_KEY") == true })
    }
}
