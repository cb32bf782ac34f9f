import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import Testing
import WooCommerceConnector

/// Runs `body` with an emulated WooCommerce store and an adapter built
/// through the registration from `values` over the store's address, as
/// `aftercart` builds one from a config, and the client it uses.
///
/// The client has the CLI's timeouts (a whole suite on two cores can keep
/// the emulator from answering for seconds; these tests are not about
/// timing), and no trust comes from the process environment.
func withEmulatedWooStore<T>(
    _ options: WooCommerceMockOptions, store: StoreID = "emulated-woo", values: [String: String] = [:],
    _ body: (WooCommerceConnector, MockStoreServer, HTTPClient) async throws -> T
) async throws -> T {
    let mock = try await MockStoreServer.start(.woocommerce(options))
    let client = HTTPClientFactory.makeClient()
    do {
        var settings = mock.connectorSettings(store: store)
        settings.values.merge(values) { _, new in new }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let made = try WooCommerceConnector.registration.makeConnector(
            settings, ConnectorEnvironment(client: client, logger: logger, trustEnvironment: [:]))
        let connector = try #require(made as? WooCommerceConnector)
        let value = try await body(connector, mock, client)
        try await client.shutdown()
        await mock.stop()
        return value
    } catch {
        try? await client.shutdown()
        await mock.stop()
        throw error
    }
}

/// A raw authenticated request to the emulator, independent of the adapter.
func rawWooRequest(
    _ mock: MockStoreServer, put: Bool = false, _ pathAndQuery: String, body: String? = nil
) async throws -> (status: Int, body: String) {
    let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20))
    do {
        let answer = try await rawWooRequest(client, mock, put: put, pathAndQuery, body: body)
        try await client.shutdown()
        return answer
    } catch {
        try? await client.shutdown()
        throw error
    }
}

private func rawWooRequest(
    _ client: HTTPClient, _ mock: MockStoreServer, put: Bool, _ pathAndQuery: String, body: String?
) async throws -> (status: Int, body: String) {
    let separator = pathAndQuery.contains("?") ? "&" : "?"
    var request = HTTPClientRequest(
        url: mock.apiBaseURL + "/" + pathAndQuery + separator + "consumer_key=\(mock.credentials.consumerKey ?? "")"
            + "&consumer_secret=\(mock.credentials.consumerSecret ?? "")")
    if put { request.method = .PUT }
    // The emulator, like WordPress behind a TLS proxy, accepts query keys only over "HTTPS".
    request.headers.add(name: "X-Forwarded-Proto", value: "https")
    if let body {
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(Data(body.utf8))
    }
    let response = try await client.execute(request, timeout: .seconds(20))
    let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return (Int(response.status.code), String(decoding: bytes.readableBytesView, as: UTF8.self))
}
