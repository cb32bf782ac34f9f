import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ShopifyConnector
import Testing
import WooCommerceConnector

/// An ``AftercartServer`` on 127.0.0.1 (free port) over a SQLite file in a
/// temporary folder; ``stop()`` at the end of every test.
final class RunningServer: Sendable {
    let port: Int
    let persistence: SQLitePersistence
    let directory: WebhookStoreDirectory
    let folder: URL
    private let task: Task<Void, any Error>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Hummingbird reports the cancelled accept loop of every stop as an error; nothing in it helps a test.
    static var quietLogger: Logger {
        var logger = Logger(label: "aftercart.server.test")
        logger.logLevel = .critical
        return logger
    }

    private init(
        port: Int, persistence: SQLitePersistence, directory: WebhookStoreDirectory, folder: URL,
        task: Task<Void, any Error>
    ) {
        self.port = port
        self.persistence = persistence
        self.directory = directory
        self.folder = folder
        self.task = task
    }

    /// Starts a server for `endpoints`; `folder` reuses a database (a restart).
    static func start(
        _ endpoints: [WebhookEndpoint], folder: URL? = nil, logger: Logger = RunningServer.quietLogger,
        followUp: (any WebhookFollowUp)? = nil, maximumBodySize: Int = 1 << 20,
        unsubscribe: (@Sendable (SQLitePersistence) async throws -> UnsubscribeEndpoint)? = nil,
        orderPages: OrderPageEndpoint? = nil,
        installs: (@Sendable (SQLitePersistence) async throws -> AppInstallEndpoint)? = nil,
        tracking: (@Sendable (SQLitePersistence) async throws -> TrackingWebhookEndpoint)? = nil,
        dashboard: DashboardEndpoint? = nil
    ) async throws -> RunningServer {
        let folder =
            folder
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "aftercart-server-\(UUID().uuidString)", isDirectory: true)
        let persistence = try await SQLitePersistence.open(path: folder.appendingPathComponent("db.sqlite").path)
        let directory = WebhookStoreDirectory(endpoints)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = AftercartServer(
            settings: AftercartServer.Settings(
                host: "127.0.0.1", port: 0, maximumBodySize: maximumBodySize,
                dataRequestFolder: folder.appendingPathComponent("privacy")),
            stores: directory, persistence: persistence, followUp: followUp,
            unsubscribe: try await unsubscribe?(persistence), orderPages: orderPages,
            installs: try await installs?(persistence), tracking: try await tracking?(persistence),
            dashboard: dashboard, logger: logger,
            onRunning: { port in continuation.yield(port) })
        let task = Task {
            defer { continuation.finish() }
            try await server.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw ServerDidNotStart()
        }
        return RunningServer(port: port, persistence: persistence, directory: directory, folder: folder, task: task)
    }

    /// Stops the server and closes the database; `removeFiles: false` keeps it for a restart.
    func stop(removeFiles: Bool = true) async throws {
        task.cancel()
        _ = try? await task.value
        try await persistence.close()
        if removeFiles { try? FileManager.default.removeItem(at: folder) }
    }

    struct Answer: Sendable {
        var status: Int
        var body: String
        /// Header values by lowercased name.
        var headers: [String: String] = [:]
    }

    func post(_ path: String, body: Data, headers: [String: String]) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await send(request)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request)
    }

    private func send(_ request: HTTPClientRequest) async throws -> Answer {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 4 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Answer(status: Int(response.status.code), body: String(buffer: body), headers: headers)
    }

    struct ServerDidNotStart: Error {}
}

/// Adapters for the tests' stores, built through their registrations as the CLI builds them.
enum TestStores {
    static let environment = ConnectorEnvironment(
        client: HTTPClient.shared, logger: Logger(label: "aftercart.server.test.connector"))

    static func shopify(
        _ name: StoreID = "brooklyn-shop", baseURL: String = "http://127.0.0.1:9", accessToken: String = "shpat_test",
        secret: String? = "shpss_test_app_secret", apiVersion: String = "2025-10"
    ) throws -> WebhookEndpoint {
        let settings = ConnectorSettings(
            store: name, platform: "shopify",
            values: ["base_url": baseURL, "api_version": apiVersion, "currency": "USD"],
            secrets: ["access_token": Secret(accessToken)])
        let connector = try ShopifyConnector.registration.makeConnector(settings, environment)
        return WebhookEndpoint(
            connector: try #require(connector as? any WebhookDecoding), secret: secret.map(Secret.init))
    }

    static func woo(
        _ name: StoreID = "tokyo-woo", baseURL: String = "http://127.0.0.1:9", consumerKey: String = "ck_test",
        consumerSecret: String = "cs_test", secret: String? = "wc_test_secret_123"
    ) throws -> WebhookEndpoint {
        let settings = ConnectorSettings(
            store: name, platform: "woocommerce", values: ["base_url": baseURL, "currency": "USD"],
            secrets: ["consumer_key": Secret(consumerKey), "consumer_secret": Secret(consumerSecret)])
        let connector = try WooCommerceConnector.registration.makeConnector(settings, environment)
        return WebhookEndpoint(
            connector: try #require(connector as? any WebhookDecoding), secret: secret.map(Secret.init))
    }
}
