import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import WooCommerceConnector

/// Keys the connector tests use; never real.
enum TestKeys {
    static let consumerKey = Secret("ck_test_0123456789abcdef0123456789ab")
    static let consumerSecret = Secret("cs_test_fedcba9876543210fedcba987654")
}

/// Real monotonic time (the transport's timeouts need it to pass) with a
/// wall clock stopped at one instant, for OAuth timestamps.
struct FixedClock: TransportClock {
    var date: Date
    private let real = SystemClock()

    init(date: Date) { self.date = date }

    var now: Duration { real.now }
    func sleep(for duration: Duration) async throws { try await real.sleep(for: duration) }
}

/// Runs `body` against a fake store with a connector wired the way the
/// CLI wires one: shared client, per-store transport and authorizer.
func withConnector<T>(
    settings configure: (inout WooCommerceStoreSettings) -> Void = { _ in },
    route: @escaping @Sendable (SeenRequest) -> FakeAnswer,
    _ body: (WooCommerceConnector, FakeWooStore) async throws -> T
) async throws -> T {
    let store = try await FakeWooStore.start(route)
    let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(10))
    var settings = WooCommerceStoreSettings(
        store: "test-woo", baseURL: store.baseURL, consumerKey: TestKeys.consumerKey,
        consumerSecret: TestKeys.consumerSecret)
    configure(&settings)
    let clock = FixedClock(date: Date(timeIntervalSince1970: 1_763_858_307))
    var configuration = WooCommerceConnector.transportConfiguration(for: settings)
    configuration.retry = RetryPolicy(maxAttempts: 1)
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    let transport = HTTPTransport(
        client: client, configuration: configuration,
        authorizer: WooCommerceConnector.authorizer(for: settings, clock: clock), logger: logger, clock: clock)
    let connector = WooCommerceConnector(settings: settings, transport: transport, logger: logger, clock: clock)
    do {
        let value = try await body(connector, store)
        try await client.shutdown()
        await store.stop()
        return value
    } catch {
        try? await client.shutdown()
        await store.stop()
        throw error
    }
}

/// Every page of a read, in order.
func allPages(_ pages: ResourcePages) async throws -> [ResourcePage] {
    var result: [ResourcePage] = []
    for try await page in pages { result.append(page) }
    return result
}

/// The fixture text, for fake answers.
func fixtureText(_ name: String) throws -> String {
    String(decoding: try WooFixtures.data(name), as: UTF8.self)
}
