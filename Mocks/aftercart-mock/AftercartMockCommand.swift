import ArgumentParser
import Foundation
import MockStores

/// `aftercart-mock`: runs a WooCommerce or Shopify store emulator on 127.0.0.1.
@main
struct AftercartMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftercart-mock",
        abstract: "Run a WooCommerce or Shopify store emulator on 127.0.0.1 for demos, tests and benchmarks.",
        discussion: """
            Prints 'listening on http://127.0.0.1:PORT' on stdout once it accepts connections, then the \
            credentials and a ready curl command. Stop it with Ctrl-C (SIGINT) or SIGTERM.
            Test controls: POST /__mock/advance?orders=N&seconds=S, GET /__mock/stats, POST /__mock/reset, GET /__mock/info.
            """)

    enum Platform: String, ExpressibleByArgument, CaseIterable {
        case woocommerce, shopify
    }

    @Option(help: "Platform to emulate: woocommerce or shopify.")
    var platform: Platform

    @Option(help: "Number of orders (0 ... 1,000,000+; generated on demand).")
    var orders: Int = 100

    @Option(help: "Seed of the data generator: the same seed gives byte-identical responses.")
    var seed: UInt64 = 1

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(name: .customLong("rate-limit"), help: "Shopify leaky-bucket leak rate in requests/second (0 disables).")
    var rateLimit: Double = 2

    @Option(name: .customLong("bucket-size"), help: "Shopify leaky-bucket size.")
    var bucketSize: Int = 40

    @Option(help: "Fault spec, e.g. '429:0.05,500:0.02,slow:0.01@3s,truncate:0.01,badjson:0.01,reset:0.01' or '500@3'.")
    var faults: String?

    @Option(name: .customLong("fault-seed"), help: "Seed of the fault draws (replay a failing run).")
    var faultSeed: UInt64 = 0

    @Option(name: .customLong("consumer-key"), help: "WooCommerce consumer key to accept.")
    var consumerKey = "ck_mock_0123456789abcdef0123456789abcdef01234567"

    @Option(name: .customLong("consumer-secret"), help: "WooCommerce consumer secret to accept.")
    var consumerSecret = "cs_mock_0123456789abcdef0123456789abcdef01234567"

    @Option(
        name: .customLong("key-permission"),
        help: "WooCommerce: the consumer key's permission, read, write or read_write (a read key's writes get 401).")
    var keyPermission = "read_write"

    @Option(name: .customLong("access-token"), help: "Shopify Admin API access token to accept.")
    var accessToken = "shpat_mock_0123456789abcdef0123456789abcdef"

    @Option(
        name: .customLong("home-url"),
        help: "WooCommerce home URL used for OAuth signatures and Link URLs (default: the server's own URL).")
    var homeURL: String?

    @Flag(
        name: .customLong("delivered-status"), help: "WooCommerce: give delivered orders a custom 'delivered' status.")
    var deliveredStatus = false

    @Flag(
        name: .customLong("trackship"),
        help: "WooCommerce: run the TrackShip plugin (each parcel's carrier stage in shipment_status order meta).")
    var trackShip = false

    @Option(help: "Store currency: USD, EUR or JPY (default: chosen by seed).")
    var currency: String?

    @Option(name: .customLong("time-zone"), help: "Store IANA time zone (default follows the currency).")
    var timeZone: String?

    @Option(help: "Number of customers (default: orders / 3).")
    var customers: Int?

    @Option(help: "Number of products.")
    var products: Int?

    @Option(help: "Number of coupons / price rules.")
    var coupons: Int?

    @Option(help: "Number of product reviews (WooCommerce).")
    var reviews: Int?

    @Option(name: .customLong("shop-domain"), help: "Shopify shop domain reported by shop.json and webhooks.")
    var shopDomain = "aftercart-mock.myshopify.com"

    @Option(
        name: .customLong("api-version"),
        help:
            "Shopify API version for curl examples and webhooks (any version is served; one older than 2026-01 is answered as 2026-01)."
    )
    var apiVersion = "2026-07"

    @Option(
        name: .customLong("client-id"),
        help:
            "Shopify: a Dev Dashboard app's client id; with --client-secret, the client credentials grant issues tokens."
    )
    var clientID: String?

    @Option(name: .customLong("client-secret"), help: "Shopify: the app's client secret (see --client-id).")
    var clientSecret: String?

    @Option(name: .customLong("token-lifetime"), help: "Shopify: seconds a granted token lives (Shopify: 86399).")
    var tokenLifetime: Double = 86_399

    @Option(
        name: .customLong("offline-token-lifetime"),
        help: "Shopify: seconds an install's expiring offline token lives (Shopify: 3600).")
    var offlineTokenLifetime: Double = 3_600

    @Option(name: .customLong("webhook-url"), help: "Deliver signed webhooks for data changes to this loopback URL.")
    var webhookURL: String?

    @Option(name: .customLong("webhook-secret"), help: "Secret for webhook signatures.")
    var webhookSecret = "mock_webhook_secret"

    @Option(
        name: .customLong("malformed-order"),
        help: "WooCommerce: order index (0-based) whose first line item says \"quantity\": \"two\" (repeatable).")
    var malformedOrders: [Int] = []

    func validate() throws {
        guard orders >= 0 else { throw ValidationError("--orders must not be negative") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must not be negative (0 disables it)") }
        if let currency, MockCurrency(rawValue: currency.uppercased()) == nil {
            throw ValidationError("--currency must be USD, EUR or JPY")
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone '\(timeZone)' is not an IANA time zone (e.g. Asia/Tokyo)")
        }
        if (clientID == nil) != (clientSecret == nil) {
            throw ValidationError("--client-id and --client-secret go together")
        }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be positive") }
        guard offlineTokenLifetime > 0 else { throw ValidationError("--offline-token-lifetime must be positive") }
        if let faults {
            do { _ = try MockFaultPlan(spec: faults) } catch { throw ValidationError("--faults: \(error)") }
        }
    }

    func run() async throws {
        let data = MockDataOptions(
            orders: orders, seed: seed, customers: customers, products: products, coupons: coupons,
            reviews: reviews, currency: currency.flatMap { MockCurrency(rawValue: $0.uppercased()) },
            timeZone: timeZone)
        let plan = try faults.map { try MockFaultPlan(spec: $0, seed: faultSeed) } ?? .none
        let webhook = webhookURL.map { MockWebhookTarget(url: $0, secret: webhookSecret) }
        guard let permission = MockKeyPermission(rawValue: keyPermission) else {
            throw ValidationError("--key-permission must be read, write or read_write, not \(keyPermission)")
        }
        let configuration: MockStoreConfiguration
        switch platform {
        case .woocommerce:
            var options = WooCommerceMockOptions(
                data: data, port: port, consumerKey: consumerKey, consumerSecret: consumerSecret, homeURL: homeURL,
                deliveredStatus: deliveredStatus, faults: plan, webhook: webhook, keyPermission: permission)
            options.trackShip = trackShip
            configuration = .woocommerce(options)
        case .shopify:
            configuration = .shopify(
                ShopifyMockOptions(
                    data: data, port: port, accessToken: accessToken, shopDomain: shopDomain, bucketSize: bucketSize,
                    leakRate: rateLimit, apiVersion: apiVersion, faults: plan, webhook: webhook, clientID: clientID,
                    clientSecret: clientSecret, tokenLifetime: tokenLifetime,
                    offlineTokenLifetime: offlineTokenLifetime))
        }
        let started = ContinuousClock.now
        let server: MockStoreServer
        do {
            server = try await MockStoreServer.start(configuration)
        } catch {
            FileHandle.standardError.write(Data("aftercart-mock: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for index in malformedOrders { server.plantMalformedOrder(index: index) }
        let startup = started.duration(to: .now)
        let counts = server.counts
        print("listening on \(server.baseURL)")
        print(
            "platform: \(server.platform.rawValue)  currency: \(server.currency)  time zone: \(server.timeZone)  seed: \(seed)"
        )
        print(
            "data: \(counts.orders) orders, \(counts.customers) customers, \(counts.products) products, \(counts.coupons) coupons\(server.platform == .woocommerce ? ", \(counts.reviews) reviews" : "")  (ready in \(startup.formatted(.units(allowed: [.milliseconds]))))"
        )
        print("api: \(server.apiBaseURL)")
        switch server.platform {
        case .woocommerce:
            print("consumer key: \(consumerKey)")
            print("consumer secret: \(consumerSecret)  (permission: \(keyPermission))")
            print(
                "home url: \(server.homeURL)  (plain HTTP needs OAuth 1.0a; X-Forwarded-Proto: https enables Basic/query keys)"
            )
        case .shopify:
            print("access token: \(accessToken)")
            print("rate limit: bucket \(bucketSize), leak \(rateLimit)/s\(rateLimit == 0 ? " (disabled)" : "")")
        }
        if let faults { print("faults: \(faults) (fault seed \(faultSeed))") }
        if let webhookURL { print("webhooks: \(webhookURL)") }
        print("try: \(server.curlExample)")
        fflush(nil)

        await waitForTermination()
        await server.stop()
    }

    private func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = ResumeOnce(continuation)
            for sig in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .main)
                source.setEventHandler { resumed.resume() }
                source.resume()
                SignalSources.keep(source)
            }
        }
    }
}

/// Keeps signal sources alive for the life of the process.
private enum SignalSources {
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    static func keep(_ s: any DispatchSourceSignal) { sources.append(s) }
}

private final class ResumeOnce: @unchecked Sendable {
    private var continuation: CheckedContinuation<Void, Never>?
    private let lock = NSLock()
    init(_ c: CheckedContinuation<Void, Never>) { continuation = c }
    func resume() {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume()
    }
}
