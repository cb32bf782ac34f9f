public import AftercartConnector
public import AftercartModel
import Foundation
public import Logging

/// The WooCommerce REST v3 adapter: reads orders, customers, coupons,
/// reviews and loyalty balances page by page, and creates coupons, order
/// notes and customer meta.
///
/// It states endpoints (``WooCommerceEndpoints``) and mappings (the
/// `WooCommerce…Mapper`s); the shared ``HTTPTransport`` carries retries,
/// rate limits and redaction, and a ``ResourceStream`` over a
/// ``PageNumberPager`` the paging.
public struct WooCommerceConnector: StoreConnector, TrackingServiceProviding {
    /// The config name its ``settingsSchema`` declares, so the two never differ.
    public var platform: String { Self.settingsSchema.platform }
    /// The store as configured.
    public let settings: WooCommerceStoreSettings
    let transport: HTTPTransport
    let logger: Logger
    let clock: any TransportClock
    /// The key's write permission once learned; shared by copies.
    let keyPermission = WooCommerceKeyPermission()
    /// `tracking_service`, when the store names one.
    public internal(set) var trackingService: (any TrackingService)?
    /// `tracking_webhook_secret`, which signs the tracking service's webhooks.
    public internal(set) var trackingWebhookSecret: Secret?

    public var store: StoreID { settings.store }

    /// An adapter over `transport`, which must already carry this store's
    /// authorizer (see ``transportConfiguration(for:)`` and ``authorizer(for:clock:)``).
    public init(
        settings: WooCommerceStoreSettings, transport: HTTPTransport,
        logger: Logger = Logger(label: "aftercart.woocommerce"), clock: any TransportClock = SystemClock()
    ) {
        self.settings = settings
        self.transport = transport
        var logger = logger
        logger[metadataKey: "store"] = "\(settings.store)"
        self.logger = logger
        self.clock = clock
    }

    /// The transport configuration for `settings`: store and platform names
    /// for errors and logs, what WooCommerce calls its credential, the
    /// configured response timeout, and WordPress's failures named
    /// (``WooCommerceErrorAdvice``). The
    /// caller builds the transport over the process's shared client:
    /// `HTTPTransport(client:configuration:authorizer:logger:clock:)` with
    /// ``authorizer(for:clock:)``.
    public static func transportConfiguration(for settings: WooCommerceStoreSettings) -> TransportConfiguration {
        let advice = WooCommerceErrorAdvice(settings: settings)
        var configuration = TransportConfiguration(
            store: settings.store, platform: "woocommerce", credentialName: "consumer key", userAgent: "aftercart",
            diagnoseRefusal: { advice.diagnose($0) })
        if let timeout = settings.requestTimeout {
            configuration.responseTimeout = timeout
            // Room for a retry after a slow answer, however long the store may take.
            configuration.totalDeadline = max(configuration.totalDeadline, timeout * 2)
        }
        return configuration
    }

    /// Basic over HTTPS, OAuth 1.0a over HTTP, unless configured otherwise.
    public static func authorizer(
        for settings: WooCommerceStoreSettings, clock: any TransportClock = SystemClock()
    ) -> any RequestAuthorizer {
        func oauth(_ method: WooCommerceOAuthSigner.SignatureMethod) -> any RequestAuthorizer {
            WooCommerceOAuthAuthorizer(
                signer: WooCommerceOAuthSigner(
                    consumerKey: settings.consumerKey, consumerSecret: settings.consumerSecret,
                    homeURL: settings.homeURL ?? settings.baseURL, signatureMethod: method),
                clock: clock)
        }
        switch settings.authentication {
        case .automatic:
            return settings.isPlainHTTP
                ? oauth(.hmacSHA256)
                : BasicAuthorizer(username: settings.consumerKey, password: settings.consumerSecret)
        case .basic:
            return BasicAuthorizer(username: settings.consumerKey, password: settings.consumerSecret)
        case .queryString:
            return QueryItemAuthorizer(items: [
                (name: "consumer_key", value: settings.consumerKey),
                (name: "consumer_secret", value: settings.consumerSecret),
            ])
        case .oauth(let method):
            return oauth(method)
        }
    }

    public var capabilities: ConnectorCapabilities {
        var readable: Set<ResourceKind> = [.orders, .customers, .coupons, .reviews]
        var loyalty: ConnectorCapabilities.Loyalty = []
        switch settings.loyalty {
        case .none:
            break
        case .customerMeta(let keys):
            readable.insert(.loyalty)
            loyalty = keys.expiresAt == nil ? [.read] : [.read, .expiry]
        case .advancedCoupons:
            readable.insert(.loyalty)
            loyalty = [.read, .write]
        }
        let saysDelivered = settings.orderMapping.customStatuses.values.contains(.delivered)
        var writes: ConnectorCapabilities.Writes = [.createCoupon, .findCoupon, .orderNotes, .customerMeta]
        if settings.consent.metaKey != nil { writes.insert(.marketingConsent) }
        if keyPermission.isReadOnly {
            // The store refuses every write of a read key; finding a coupon is a read.
            writes = [.findCoupon]
            loyalty.remove(.write)
        }
        return ConnectorCapabilities(
            readable: readable, incremental: [.orders, .coupons, .reviews],
            writes: writes, loyalty: loyalty,
            deliveredSignal: saysDelivered ? .orderStatus : .none, webhooks: true,
            // WooCommerce emails a customer note to the buyer itself.
            storeMessaging: .customerOrderNote)
    }

    /// Reads the WordPress index (name, home URL, time zone, plugin
    /// namespaces), proves the keys with the cheapest authenticated read
    /// there is (`GET /orders?per_page=1`), and learns the currency, the
    /// tax display and the site language (``siteSettings()``), the key's
    /// write permission and the webhooks' status.
    public func check() async throws -> StoreFacts {
        let indexRequest = TransportRequest(.get, url: url("/wp-json/"), resource: "check")
        let indexResponse = try await transport.send(indexRequest)
        let index = try decode(WooSiteIndexWire.self, indexResponse.body, request: indexRequest, named: "index")
        let latestOrder = try await latestOrderCurrency()
        var warnings: [String] = []
        // Facts are what the store says: its own currency before a configured one.
        let currency = try await settingsCurrency() ?? latestOrder ?? settings.currency
        if currency == nil {
            warnings.append("the store currency is unknown; set currency so fixed-amount coupons carry one")
        }
        let interesting = [
            "wc/v3", "wc-loyalty-program/v1", "loyalty-program/v1", "wc-shipment-tracking/v3", "wc-ast/v3",
        ]
        let namespaces = index.namespaces ?? []
        if !namespaces.isEmpty, !namespaces.contains("wc/v3") {
            warnings.append("the WooCommerce REST namespace wc/v3 is missing; is WooCommerce 3.5+ active?")
        }
        if case .advancedCoupons = settings.loyalty, !namespaces.isEmpty, !namespaces.contains("wc-loyalty-program/v1")
        {
            warnings.append("loyalty source advanced_coupons is configured but its REST route is not installed")
        }
        if let home = index.home, usesOAuth, Self.origin(home) != Self.origin(settings.homeURL ?? settings.baseURL) {
            warnings.append("WordPress's home URL is \(home); set home_url to it or OAuth signatures will be refused")
        }
        let zone =
            WooFieldReading.nonEmpty(index.timezoneString).flatMap { TimeZone(identifier: $0)?.identifier }
            ?? Self.fixedZone(gmtOffsetHours: index.gmtOffset?.text)?.identifier
        let site = try await siteSettings()
        warnings += try await customerMetaWarnings()
        var facts = StoreFacts(
            name: WooFieldReading.nonEmpty(index.name) ?? settings.store.rawValue, currency: currency,
            timeZoneIdentifier: zone, platformVersion: site.version.map { "WooCommerce \($0)" },
            routes: namespaces.filter(interesting.contains), warnings: warnings, language: site.language,
            pricesIncludeTax: site.pricesIncludeTax)
        await addKeyAndWebhookFacts(to: &facts)
        return facts
    }

    /// The key's write permission (probed without writing) and the store's
    /// webhook subscriptions with their status; what cannot be learned
    /// becomes a warning, not a failed check.
    func addKeyAndWebhookFacts(to facts: inout StoreFacts) async {
        let (permission, permissionWarning) = await probeWritePermission()
        facts.writePermission = permission?.permission
        facts.writePermissionMessage = permission?.message
        if let permissionWarning { facts.warnings.append(permissionWarning) }
        do {
            facts.webhooks = try await listWebhooks()
        } catch let error as ConnectorError {
            // A key that may not list webhooks (or a store without the route)
            // leaves them unknown; only a failure that may pass is worth a warning.
            guard error.isTransient else {
                logger.debug("webhooks not listed", metadata: ["error": "\(error.description)"])
                return
            }
            facts.warnings.append("could not list the store's webhooks: \(error.description)")
        } catch {
            facts.warnings.append("could not list the store's webhooks: \(error)")
        }
    }

    /// The store currency: configured, else the general settings, else the
    /// newest order's; `nil` when none of them says.
    func resolveCurrency() async throws -> Currency? {
        if let currency = settings.currency { return currency }
        if let currency = try await settingsCurrency() { return currency }
        return try await latestOrderCurrency()
    }

    /// `woocommerce_currency` from the general settings; `nil` when the
    /// route is missing or the key may not read settings.
    func settingsCurrency() async throws -> Currency? {
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/settings/general/woocommerce_currency"),
            resource: "check", acceptedStatuses: [403, 404])
        let response = try await transport.send(request)
        guard response.isSuccess else { return nil }
        let setting = try decode(WooSettingWire.self, response.body, request: request, named: "woocommerce_currency")
        return setting.value?.text.flatMap { Currency(code: $0) }
    }

    /// The currency of the newest order; this read also proves the keys,
    /// since every key that can sync orders may make it.
    func latestOrderCurrency() async throws -> Currency? {
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/orders?per_page=1"), resource: "check")
        let response = try await transport.send(request)
        let orders = try decode([WooCurrencyOnlyWire].self, response.body, request: request, named: "orders")
        return orders.first?.currency.flatMap { Currency(code: $0) }
    }

    // MARK: Helpers shared by the reading and writing extensions

    func url(_ path: String) -> String {
        var base = settings.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    var usesOAuth: Bool {
        switch settings.authentication {
        case .oauth: true
        case .automatic: settings.isPlainHTTP
        case .basic, .queryString: false
        }
    }

    /// Decodes a non-record body (index, settings), naming it on failure.
    func decode<Value: Decodable>(
        _ type: Value.Type, _ body: Data, request: TransportRequest, named name: String
    ) throws -> Value {
        do {
            return try WooWireDecoder.decodeRecord(Value.self, from: body, resource: .orders, rootName: name)
        } catch {
            throw error.connectorError(transport.errorContext(for: request))
        }
    }

    static func origin(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return "\(components.scheme ?? "")://\(host.lowercased())\(components.port.map { ":\($0)" } ?? "")"
    }
}
