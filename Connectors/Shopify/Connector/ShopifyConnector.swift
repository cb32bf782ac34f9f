public import AftercartConnector
public import AftercartModel
public import AsyncHTTPClient
public import Foundation
public import Logging

/// The Shopify REST Admin API adapter (custom-app access token): reads
/// orders, customers, discount codes and metafield loyalty balances page
/// by page within the shop's leaky bucket, and creates price rules with
/// discount codes, order notes, customer tags and metafields.
///
/// It states endpoints (``ShopifyEndpoints``) and mappings (the
/// `Shopify…Mapper`s); the shared ``HTTPTransport`` carries retries,
/// pacing (a ``TokenBucket`` that learns from `X-Shopify-Shop-Api-Call-Limit`)
/// and redaction of the access token.
public struct ShopifyConnector: StoreConnector {
    /// The config name its ``settingsSchema`` declares, so the two never differ.
    public var platform: String { Self.settingsSchema.platform }
    public let settings: ShopifyStoreSettings
    let transport: HTTPTransport
    let logger: Logger
    let clock: any TransportClock
    let shopCurrency: ShopCurrencyCache
    let grantedScopes: ShopifyGrantedScopes
    let graphQL: ShopifyGraphQLClient

    public var store: StoreID { settings.store }

    /// How the CLI makes the adapter for a `platform = "shopify"` store.
    public static let registration = PlatformRegistration(settingsSchema: settingsSchema) { settings, environment in
        let shopify = try ShopifyStoreSettings(settings)
        let trust = try environment.trust(caFile: settings.string(ShopifySettingKey.caFile), store: settings.store)
        // One authorizer for both transports, so REST and GraphQL share an app's token.
        let authorizer = ShopifyConnector.makeAuthorizer(
            settings: shopify, client: environment.client, logger: environment.logger, clock: environment.clock,
            trust: trust, vault: environment.vault, publicURL: environment.publicURL)
        let transport = ShopifyConnector.makeTransport(
            settings: shopify, client: environment.client, logger: environment.logger, clock: environment.clock,
            trust: trust, authorizer: authorizer)
        let graphQL = ShopifyConnector.makeGraphQLTransport(
            settings: shopify, client: environment.client, logger: environment.logger, clock: environment.clock,
            trust: trust, authorizer: authorizer)
        return ShopifyConnector(
            settings: shopify, transport: transport, graphQLTransport: graphQL, logger: environment.logger,
            clock: environment.clock)
    }

    /// An adapter over `transport`, which must carry this store's
    /// authorizer and limiter (see ``makeTransport(settings:client:logger:clock:retry:trust:)``).
    /// GraphQL calls go through `graphQLTransport` (see
    /// ``makeGraphQLTransport(settings:client:logger:clock:retry:trust:)``), or through
    /// `transport` when none is given.
    public init(
        settings: ShopifyStoreSettings, transport: HTTPTransport, graphQLTransport: HTTPTransport? = nil,
        logger: Logger = Logger(label: "aftercart.shopify"), clock: any TransportClock = SystemClock()
    ) {
        self.settings = settings
        self.transport = transport
        var logger = logger
        logger[metadataKey: "store"] = "\(settings.store)"
        self.logger = logger
        self.clock = clock
        self.shopCurrency = ShopCurrencyCache(settings.currency)
        self.grantedScopes = ShopifyGrantedScopes()
        self.graphQL = ShopifyGraphQLClient(
            transport: graphQLTransport ?? transport, throttle: ShopifyGraphQLThrottle(clock: clock),
            url: settings.apiBaseURL + "/graphql.json", logger: logger)
    }

    /// What puts the credential on each request: the static token, or the
    /// current token of a Dev Dashboard app (asked for through its own
    /// transport over `client`, kept in `vault` when given, renewed before
    /// it expires and after a 401). `publicURL` (`[server] public_url`)
    /// makes the install link a reinstall error names.
    public static func makeAuthorizer(
        settings: ShopifyStoreSettings, client: HTTPClient, logger: Logger,
        clock: any TransportClock = SystemClock(), trust: TransportTrust = .system,
        vault: (any CredentialVault)? = nil, publicURL: String? = nil
    ) -> any RequestAuthorizer {
        let grant: ShopifyAppTokens.Grant
        let clientID: String
        let clientSecret: Secret
        switch settings.credential {
        case .accessToken(let token):
            return HeaderTokenAuthorizer(name: accessTokenHeader, token: token)
        case .clientCredentials(let id, let secret):
            grant = .clientCredentials
            clientID = id
            clientSecret = secret
        case .authorizationCode(let id, let secret, _):
            grant = .authorizationCode(
                installURL: (publicURL ?? "{[server] public_url}") + installPath(store: settings.store))
            clientID = id
            clientSecret = secret
        }
        var configuration = transportConfiguration(settings: settings, retry: RetryPolicy(), trust: trust)
        configuration.credentialName = "client credentials (client_id, client_secret)"
        configuration.redaction = configuration.redaction.adding(secrets: [clientSecret])
        let transport = HTTPTransport(client: client, configuration: configuration, logger: logger, clock: clock)
        let endpoint = ShopifyOAuthEndpoint(
            clientID: clientID, clientSecret: clientSecret, store: settings.store,
            url: settings.baseURL + "/admin/oauth/access_token", transport: transport, clock: clock)
        return ShopifyAppTokenAuthorizer(tokens: ShopifyAppTokens(endpoint: endpoint, grant: grant, vault: vault))
    }

    /// Where `aftercart serve` starts a merchant's install of the app for `store`.
    public static func installPath(store: StoreID) -> String {
        "/shopify/install/"
            + (store.rawValue.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? store.rawValue)
    }

    /// The store's transport over the process's shared client: the
    /// credential (``makeAuthorizer(settings:client:logger:clock:trust:)``
    /// unless one is given; redacted everywhere, with the webhook secret),
    /// and a ``TokenBucket`` sized for the plan that follows the bucket
    /// Shopify reports in `X-Shopify-Shop-Api-Call-Limit` (its size, and the
    /// rate that goes with it unless `leak_rate` is set) and waits out a
    /// 429's `Retry-After`.
    public static func makeTransport(
        settings: ShopifyStoreSettings, client: HTTPClient, logger: Logger,
        clock: any TransportClock = SystemClock(), retry: RetryPolicy = RetryPolicy(),
        trust: TransportTrust = .system, authorizer: (any RequestAuthorizer)? = nil
    ) -> HTTPTransport {
        let configuration = transportConfiguration(settings: settings, retry: retry, trust: trust)
        let limiter = TokenBucket(
            capacity: settings.bucketSize, refillPerSecond: settings.leakRate, usageHeader: callLimitHeader,
            refillPerCapacity: settings.leakRateIsConfigured ? nil : ShopifyStoreSettings.leakPerBucketSize,
            clock: clock)
        return HTTPTransport(
            client: client, configuration: configuration,
            authorizer: authorizer
                ?? makeAuthorizer(settings: settings, client: client, logger: logger, clock: clock, trust: trust),
            rateLimiter: limiter, logger: logger, clock: clock)
    }

    /// The store's GraphQL transport: the same token and redaction, no request bucket
    /// (GraphQL is paced by query cost, which ``ShopifyGraphQLClient`` tracks).
    public static func makeGraphQLTransport(
        settings: ShopifyStoreSettings, client: HTTPClient, logger: Logger,
        clock: any TransportClock = SystemClock(), retry: RetryPolicy = RetryPolicy(),
        trust: TransportTrust = .system, authorizer: (any RequestAuthorizer)? = nil
    ) -> HTTPTransport {
        let configuration = transportConfiguration(settings: settings, retry: retry, trust: trust)
        return HTTPTransport(
            client: client, configuration: configuration,
            authorizer: authorizer
                ?? makeAuthorizer(settings: settings, client: client, logger: logger, clock: clock, trust: trust),
            logger: logger, clock: clock)
    }

    /// What both transports share: the token's redaction, and the store's
    /// `request_timeout` with room for one retry after a slow answer.
    public static func transportConfiguration(settings: ShopifyStoreSettings, retry: RetryPolicy, trust: TransportTrust)
        -> TransportConfiguration
    {
        var configuration = TransportConfiguration(
            store: settings.store, platform: "shopify", credentialName: settings.credential.name, retry: retry,
            redaction: Redaction(secrets: settings.webhookSecret.map { [$0] } ?? []), userAgent: "aftercart",
            trust: trust)
        if let timeout = settings.requestTimeout {
            configuration.responseTimeout = timeout
            configuration.totalDeadline = max(configuration.totalDeadline, timeout * 2)
        }
        return configuration
    }

    /// The header that carries the access token.
    public static let accessTokenHeader = "X-Shopify-Access-Token"
    /// The header that reports the leaky bucket: `used/size`.
    public static let callLimitHeader = "X-Shopify-Shop-Api-Call-Limit"

    /// Orders, customers and coupons incrementally (`updated_at_min`);
    /// loyalty when a metafield or store credit source is configured
    /// (incremental on the customers' `updated_at`; store credit is also
    /// written). Reviews: the Admin API reference has no review resource;
    /// they live in review apps. Once the granted scopes are known
    /// (``check()`` or the first read or write), what a missing scope needs
    /// is left out.
    public var capabilities: ConnectorCapabilities {
        let configured = configuredCapabilities
        guard let granted = grantedScopes.granted else { return configured }
        return ShopifyAccessScopes.restrict(
            configured, granted: granted, loyalty: settings.loyalty,
            graphQLDiscounts: settings.createsDiscountsThroughGraphQL)
    }

    /// What the configuration allows, before scopes are considered.
    var configuredCapabilities: ConnectorCapabilities {
        var readable: Set<ResourceKind> = [.orders, .customers, .coupons]
        var incremental: Set<ResourceKind> = [.orders, .customers, .coupons]
        var loyalty: ConnectorCapabilities.Loyalty = []
        switch settings.loyalty {
        case .none:
            break
        case .metafield(let keys):
            readable.insert(.loyalty)
            incremental.insert(.loyalty)
            loyalty = keys.expiresAtKey == nil ? [.read] : [.read, .expiry]
        case .storeCredit:
            readable.insert(.loyalty)
            incremental.insert(.loyalty)
            loyalty = [.read, .write, .expiry]
        }
        return ConnectorCapabilities(
            readable: readable, incremental: incremental,
            writes: [.createCoupon, .findCoupon, .orderNotes, .customerTags, .customerMeta, .marketingConsent],
            loyalty: loyalty,
            deliveredSignal: .carrierStatus, webhooks: true,
            // The Admin API cannot email a customer; a Shopify Flow or the
            // merchant's email app acts on the tags.
            storeMessaging: .customerTags)
    }

    /// `GET shop.json`: proves the token and reports name, currency, IANA
    /// zone, the API version Shopify served and the plan.
    public func check() async throws -> StoreFacts {
        let request = TransportRequest(.get, url: url(ShopifyEndpoints.shop), resource: "check")
        let response = try await send(request)
        let shop = try ShopifyWireDecoder.decode(
            ShopifyShopWire.self, from: response.body, context: transport.errorContext(for: request)
        ).shop
        let currency = shop.currency.flatMap { Currency(code: $0) }
        if let currency { await shopCurrency.remember(currency) }
        let served = response.headers["X-Shopify-API-Version"] ?? settings.apiVersion
        var warnings: [String] = []
        if let configured = settings.currency, let currency, configured != currency {
            warnings.append("currency is set to \(configured) but the shop's currency is \(currency)")
        }
        if case .metafield = settings.loyalty {
            warnings.append(
                "loyalty from metafields costs one request per changed customer (a first or --full sync reads them through one bulk query)"
            )
        }
        if case .granted(let granted) = try await learnScopes() {
            warnings += ShopifyAccessScopes.warnings(
                granted: granted, loyalty: settings.loyalty, graphQLDiscounts: settings.createsDiscountsThroughGraphQL)
        }
        warnings += ShopifyAPIVersions.warnings(configured: settings.apiVersion, served: served, now: clock.date)
        let plan = ShopifyFieldReading.nonEmpty(shop.planDisplayName) ?? ShopifyFieldReading.nonEmpty(shop.planName)
        var facts = StoreFacts(
            name: ShopifyFieldReading.nonEmpty(shop.name) ?? settings.store.rawValue, currency: currency,
            timeZoneIdentifier: shop.ianaTimezone.flatMap { TimeZone(identifier: $0)?.identifier },
            platformVersion: "Shopify Admin API \(served)" + (plan.map { ", plan \($0)" } ?? ""),
            routes: [], warnings: warnings)
        if let app = transport.authorizer as? ShopifyAppTokenAuthorizer {
            facts.credential = try await app.tokens.issued().summary(app.tokens.grant)
        }
        return facts
    }

    /// Asks `access_scopes.json` which scopes the token carries and remembers
    /// the answer; ``ShopifyGrantedScopes/Knowledge/unavailable`` when the
    /// shop (or a proxy) does not serve it, so nothing is switched off.
    @discardableResult
    func learnScopes() async throws -> ShopifyGrantedScopes.Knowledge {
        let request = TransportRequest(
            .get, url: settings.baseURL + ShopifyAccessScopes.path, resource: "check", acceptedStatuses: [403, 404])
        let response = try await send(request)
        var knowledge = ShopifyGrantedScopes.Knowledge.unavailable
        if response.isSuccess,
            let wire = try? ShopifyWireDecoder.decode(
                ShopifyAccessScopesWire.self, from: response.body, context: transport.errorContext(for: request))
        {
            knowledge = .granted(Set(wire.accessScopes.map(\.handle)))
        }
        grantedScopes.remember(knowledge)
        return knowledge
    }

    /// Whether a webhook delivery is signed with the configured
    /// `webhook_secret`; `false` when none is configured.
    public func verifyWebhook(body: Data, headers: HeaderFields) -> Bool {
        guard let secret = settings.webhookSecret else { return false }
        return ShopifyWebhookSignature.verify(body: body, headers: headers, secret: secret)
    }

    // MARK: Helpers shared by the reading and writing extensions

    /// The absolute URL of an endpoint under `/admin/api/{version}/`.
    func url(_ endpoint: String) -> String {
        settings.apiBaseURL + "/" + endpoint
    }

    /// Sends through the transport, adding Shopify's advice to failures.
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        do {
            return try await transport.send(request)
        } catch let error as ConnectorError {
            throw ShopifyErrorAdvice.advise(error)
        }
    }

    /// The shop currency: configured, learned by ``check()``, or read once.
    func storeCurrency() async throws -> Currency {
        if let known = await shopCurrency.value { return known }
        let request = TransportRequest(.get, url: url(ShopifyEndpoints.shop + "?fields=currency"), resource: "check")
        let response = try await send(request)
        let context = transport.errorContext(for: request)
        let shop = try ShopifyWireDecoder.decode(ShopifyShopWire.self, from: response.body, context: context).shop
        guard let code = shop.currency, let currency = Currency(code: code) else {
            throw ConnectorError.decoding(field: "shop.currency", reason: "not an ISO 4217 code", context)
        }
        await shopCurrency.remember(currency)
        return currency
    }
}
