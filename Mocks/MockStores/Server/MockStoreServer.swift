public import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// A running store emulator on 127.0.0.1.
///
/// ```swift
/// let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 250, seed: 7)))
/// defer { Task { await mock.stop() } }   // or `await mock.stop()` at the end of the test
/// // mock.baseURL, mock.apiBaseURL, mock.credentials ...
/// ```
///
/// Data is generated from the seed on demand (a 1,000,000-order store starts instantly);
/// only records changed through writes or ``advance(orders:seconds:)`` are kept in memory.
public final class MockStoreServer: Sendable {
    /// The emulated platform.
    public let platform: MockPlatform
    /// The bound port on 127.0.0.1.
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    /// WooCommerce: the home URL used for OAuth signatures and `Link` URLs (defaults to `baseURL`).
    /// Shopify: equal to `baseURL`.
    public let homeURL: String
    /// Credentials the emulator accepts.
    public let credentials: MockStoreCredentials

    let core: ServerCore
    private let runTask: Task<Void, any Error>
    private let webhooks: WebhookDispatcher?
    private let stopped = NIOLockedValueBox(false)

    /// API root: `.../wp-json/wc/v3` or `.../admin/api/2026-07`.
    public var apiBaseURL: String {
        switch platform {
        case .woocommerce: return baseURL + "/wp-json/wc/v3"
        case .shopify: return baseURL + "/admin/api/" + credentials.apiVersion
        }
    }

    /// The store currency (ISO code).
    public var currency: String { core.state.profile.currency.code }
    /// The store's IANA time zone.
    public var timeZone: String { core.state.profile.timeZone.identifier }
    /// Record counts the generator serves (before writes).
    public var counts: MockStoreCounts {
        let p = core.state.profile
        return MockStoreCounts(
            orders: p.orderCount, customers: p.customerCount, products: p.productCount,
            coupons: p.couponCount, reviews: p.reviewCount)
    }

    /// Coupons created through the API so far (REST, or Shopify's GraphQL discounts).
    public var createdCoupons: Int { core.state.snapshot().createdCoupons }

    /// Starts an emulator and returns once it accepts connections.
    public static func start(_ configuration: MockStoreConfiguration) async throws -> MockStoreServer {
        let platform: MockPlatform
        let data: MockDataOptions
        let port: Int
        let faults: MockFaultPlan
        let storeName: String?
        switch configuration {
        case .woocommerce(let o):
            (platform, data, port, faults, storeName) = (.woocommerce, o.data, o.port, o.faults, o.storeName)
        case .shopify(let o):
            (platform, data, port, faults, storeName) = (.shopify, o.data, o.port, o.faults, o.storeName)
        }
        guard (0...65_535).contains(port) else { throw MockStoreError.invalidOption("port \(port) is out of range") }
        guard data.orders >= 0 else { throw MockStoreError.invalidOption("orders must not be negative") }
        let state = StoreState(profile: data.makeProfile(storeName: storeName))
        let core = ServerCore(platform: platform, state: state, faults: faults)
        let infoBox = NIOLockedValueBox<[(String, String)]>([])
        let responder = MockResponder(core: core, info: { infoBox.withLockedValue { $0 } })

        var logger = Logger(label: "aftercart-mock")
        // Hummingbird reports a cancelled accept loop as an error on every stop; nothing it logs helps a mock user.
        logger.logLevel = .critical
        let bound = PortSignal()
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? 0)) },
            logger: logger)
        let task = Task {
            do {
                try await app.run()
            } catch {
                bound.resolve(.failure(error))
                throw error
            }
        }
        let actualPort: Int
        do {
            actualPort = try await bound.value()
        } catch {
            task.cancel()
            throw MockStoreError.bindFailed(port: port, underlying: String(describing: error))
        }
        let baseURL = "http://127.0.0.1:\(actualPort)"

        let emulator: any PlatformEmulator
        let credentials: MockStoreCredentials
        let homeURL: String
        var webhook: MockWebhookTarget?
        var shopDomain = ""
        switch configuration {
        case .woocommerce(let o):
            homeURL = o.homeURL ?? baseURL
            emulator = WooCommerceEmulator(state: state, options: o, homeURL: homeURL, events: core.events)
            credentials = MockStoreCredentials(
                consumerKey: o.consumerKey, consumerSecret: o.consumerSecret, accessToken: nil, apiVersion: "wc/v3")
            webhook = o.webhook
        case .shopify(let o):
            homeURL = baseURL
            emulator = ShopifyEmulator(state: state, options: o, publicURL: baseURL, events: core.events)
            credentials = MockStoreCredentials(
                consumerKey: nil, consumerSecret: nil, accessToken: o.accessToken, apiVersion: o.apiVersion)
            webhook = o.webhook
            shopDomain = o.shopDomain
        }
        core.install(emulator)
        var dispatcher: WebhookDispatcher?
        if let webhook {
            do {
                let d = try WebhookDispatcher(
                    target: webhook, platform: platform, source: homeURL, shopDomain: shopDomain,
                    apiVersion: credentials.apiVersion, emulator: emulator,
                    clock: { state.snapshot().now })
                core.events.connect { d.enqueue($0) }
                dispatcher = d
            } catch {
                task.cancel()
                _ = try? await task.value
                throw error
            }
        }
        let server = MockStoreServer(
            platform: platform, port: actualPort, baseURL: baseURL, homeURL: homeURL,
            credentials: credentials, core: core, runTask: task, webhooks: dispatcher)
        infoBox.withLockedValue { $0 = server.infoPairs() }
        return server
    }

    private init(
        platform: MockPlatform, port: Int, baseURL: String, homeURL: String, credentials: MockStoreCredentials,
        core: ServerCore, runTask: Task<Void, any Error>, webhooks: WebhookDispatcher?
    ) {
        self.platform = platform
        self.port = port
        self.baseURL = baseURL
        self.homeURL = homeURL
        self.credentials = credentials
        self.core = core
        self.runTask = runTask
        self.webhooks = webhooks
    }

    /// Stops the server and pending webhook deliveries. Safe to call twice.
    public func stop() async {
        let already = stopped.withLockedValue { s -> Bool in
            defer { s = true }
            return s
        }
        if already { return }
        await webhooks?.stop()
        runTask.cancel()
        _ = try? await runTask.value
    }

    /// Moves the store clock: `seconds` lets lifecycles progress; `orders` pushes that many
    /// in-flight orders to their next event (ship, deliver, refund, ...). Changed records get
    /// a modification time in `(previousClock, clock]`.
    @discardableResult
    public func advance(orders: Int = 0, seconds: Int = 0) -> MockAdvanceResult {
        let outcome = core.advance(orders: max(0, orders), seconds: Int64(max(0, seconds)))
        return MockAdvanceResult(
            previousClock: Date(timeIntervalSince1970: TimeInterval(outcome.previousClock)),
            clock: Date(timeIntervalSince1970: TimeInterval(outcome.clock)),
            changedOrderIDs: outcome.changedOrders.map(core.platformOrderID))
    }

    /// The store clock.
    public var clock: Date { Date(timeIntervalSince1970: TimeInterval(core.state.snapshot().now)) }

    /// Request counts so far (`/__mock/*` excluded).
    public func stats() -> MockRequestStats { core.recorder.snapshot() }

    /// Drops every write and advance, clears stats, caches, the rate-limit bucket and the
    /// fault request counter.
    public func reset() { core.reset() }

    /// Empties a Shopify emulator's GraphQL cost bucket, as another app of the
    /// store spending the whole budget would; it then restores at its rate.
    /// Does nothing for WooCommerce.
    public func spendShopifyGraphQLBudget() {
        (core.emulator as? ShopifyEmulator)?.graphQLBucket.spendAll()
    }

    /// How many tokens a Shopify emulator's client credentials grant issued (0 for WooCommerce).
    public var shopifyTokenGrants: Int { (core.emulator as? ShopifyEmulator)?.appCredentials.grants ?? 0 }

    /// Revokes every token a Shopify emulator's grant issued (as reinstalling
    /// the app does); the static access token keeps working.
    public func revokeShopifyIssuedTokens() {
        (core.emulator as? ShopifyEmulator)?.appCredentials.revokeAll()
        (core.emulator as? ShopifyEmulator)?.installs.revokeAccessTokens()
    }

    /// A Shopify emulator's install counts: codes exchanged and refreshes answered (zeros for WooCommerce).
    public var shopifyInstallCounts: (codes: Int, refreshes: Int) {
        (core.emulator as? ShopifyEmulator)?.installs.counts ?? (0, 0)
    }

    /// Makes every refresh token of a Shopify emulator's installs expire
    /// (a shop that was uninstalled, or 90 days unused).
    public func expireShopifyRefreshTokens() {
        (core.emulator as? ShopifyEmulator)?.installs.expireRefreshTokens()
    }

    /// Replaces the fault plan; request numbering continues (call ``reset()`` to restart it).
    public func setFaults(_ plan: MockFaultPlan) { core.faults = plan }

    /// Requests that fault plans numbered so far: every request, except
    /// those to the exempt paths of the plan in force at the time.
    public var faultableRequests: Int { core.faultableRequests }

    /// A ready-to-paste `curl` command for the orders list.
    public var curlExample: String {
        switch platform {
        case .woocommerce:
            return
                "curl -s -H 'X-Forwarded-Proto: https' '\(apiBaseURL)/orders?per_page=5&consumer_key=\(credentials.consumerKey ?? "")&consumer_secret=\(credentials.consumerSecret ?? "")'"
        case .shopify:
            return
                "curl -s -H 'X-Shopify-Access-Token: \(credentials.accessToken ?? "")' '\(apiBaseURL)/orders.json?status=any&limit=5'"
        }
    }

    private func infoPairs() -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("platform", platform.rawValue), ("base_url", baseURL), ("api_base_url", apiBaseURL),
            ("home_url", homeURL), ("currency", currency), ("time_zone", timeZone),
        ]
        if let k = credentials.consumerKey { pairs.append(("consumer_key", k)) }
        if let s = credentials.consumerSecret { pairs.append(("consumer_secret", s)) }
        if let t = credentials.accessToken { pairs.append(("access_token", t)) }
        return pairs
    }
}

/// Credentials a ``MockStoreServer`` accepts.
public struct MockStoreCredentials: Sendable, Equatable {
    /// WooCommerce consumer key (`ck_...`).
    public let consumerKey: String?
    /// WooCommerce consumer secret (`cs_...`).
    public let consumerSecret: String?
    /// Shopify Admin API access token (`shpat_...`).
    public let accessToken: String?
    /// `wc/v3`, or the Shopify API version used in ``MockStoreServer/apiBaseURL``.
    public let apiVersion: String
}

/// Sizes of the generated store.
public struct MockStoreCounts: Sendable, Equatable {
    public let orders: Int
    public let customers: Int
    public let products: Int
    public let coupons: Int
    public let reviews: Int
}

/// What ``MockStoreServer/advance(orders:seconds:)`` changed.
public struct MockAdvanceResult: Sendable, Equatable {
    public let previousClock: Date
    public let clock: Date
    /// Platform ids (WooCommerce `id` / Shopify `id`) of orders whose modification time moved
    /// into `(previousClock, clock]`, ascending.
    public let changedOrderIDs: [Int64]
}

/// Why an emulator could not start.
public enum MockStoreError: Error, CustomStringConvertible, Sendable {
    case invalidOption(String)
    case bindFailed(port: Int, underlying: String)
    case webhookNotLoopback(String)

    public var description: String {
        switch self {
        case .invalidOption(let why): return "invalid option: \(why)"
        case .bindFailed(let port, let underlying): return "cannot listen on 127.0.0.1:\(port): \(underlying)"
        case .webhookNotLoopback(let url): return "webhook URL \(url) must point at 127.0.0.1 or localhost"
        }
    }
}

/// One-shot hand-over of the bound port from the server task.
final class PortSignal: Sendable {
    private let state = NIOLockedValueBox<
        (result: Result<Int, any Error>?, waiter: CheckedContinuation<Int, any Error>?)
    >((nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter = state.withLockedValue { s -> CheckedContinuation<Int, any Error>? in
            guard s.result == nil else { return nil }
            s.result = result
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { c in
            let ready = state.withLockedValue { s -> Result<Int, any Error>? in
                if let r = s.result { return r }
                s.waiter = c
                return nil
            }
            if let ready { c.resume(with: ready) }
        }
    }
}
