public import AftercartPlatform
import Foundation

extension WooCommerceConnector {
    /// What `platform = "woocommerce"` accepts in a `[[stores]]` entry, for
    /// the config to validate before the adapter reads it
    /// (``WooCommerceStoreSettings/init(_:)``).
    ///
    /// WooCommerce has no core marketing-consent field and no core loyalty
    /// API, so the merchant names where those live (`consent_meta_key` /
    /// `marketing_consent`, `loyalty`).
    public static let settingsSchema = StorePlatformSchema(
        platform: "woocommerce",
        keys: settingKeys,
        rules: [
            loyaltyNeedsPointsKey, plainHTTPIsRefusedOrWarned, consentSourceIsNamed, loyaltyKeysAreReadable,
            consentKeyIsReadable,
        ],
        example: """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            consumer_key = { env = "TOKYO_WOO_KEY" }
            consumer_secret = { env = "TOKYO_WOO_SECRET" }
            """,
        initExample: initExample,
        // WordPress answers `?p=` for any post type, products included. The
        // order page is the "order received" page with the order's key: a
        // guest opens it without an account (My Account's view-order page
        // asks them to log in).
        links: StorefrontLinkTemplates(
            productPath: "/?p={product_id}", orderTrackingPath: "/checkout/order-received/{order_id}/?key={order_key}"))

    private typealias Key = WooCommerceSettingKey

    private static let settingKeys: [StoreSettingSpec] = [
        .init(
            Key.baseURL, .url(schemes: ["https", "http"]), required: true,
            example: "base_url = \"https://shop.example.com\"",
            summary: "The shop's address; the API is under /wp-json/wc/v3."),
        .init(
            Key.consumerKey, .secret, required: true,
            example: "consumer_key = { env = \"TOKYO_WOO_KEY\" }",
            summary: "REST API consumer key (WooCommerce → Settings → Advanced → REST API)."),
        .init(
            Key.consumerSecret, .secret, required: true,
            example: "consumer_secret = { env = \"TOKYO_WOO_SECRET\" }",
            summary: "REST API consumer secret."),
        .init(
            Key.auth, .choice(Key.Auth.allCases.map(\.rawValue)),
            example: "auth = \"auto\"",
            summary:
                "auto: basic over HTTPS, OAuth 1.0a over HTTP; query: keys as query parameters for hosts that strip Authorization (HTTPS only; over plain http refused except to this machine).",
            defaultValue: .string(Key.Auth.auto.rawValue)),
        .init(
            Key.webhookSecret, .secret,
            example: "webhook_secret = { env = \"TOKYO_WOO_WEBHOOK_SECRET\" }",
            summary: "The secret set on the store's webhooks, to verify their signatures."),
        .init(
            Key.consentMetaKey, .string,
            example: "consent_meta_key = \"marketing_opt_in\"",
            summary:
                "Meta key whose truthy value means marketing consent, read on customers (unprefixed keys only) and on orders."
        ),
        .init(
            Key.marketingConsent, .choice(WooCommerceConsentPolicy.StoreWide.allCases.map(\.rawValue)),
            example: "marketing_consent = \"unknown\"",
            summary: "Store-wide consent, used where the meta key is absent; state it only if it is true."),
        .init(
            Key.deliveredStatus, .string,
            example: "delivered_status = \"delivered\"",
            summary: "A custom order status slug that means the parcel arrived."),
        .init(
            Key.trackingMetaKey, .string,
            example: "tracking_meta_key = \"_wc_shipment_tracking_items\"",
            summary: "Order meta key a tracking plugin writes shipments to."),
        .init(
            Key.trackingStatusMetaKey, .string,
            example: "tracking_status_meta_key = \"shipment_status\"",
            summary: "Order meta key with each parcel's carrier stage (TrackShip: shipment_status)."),
        .init(
            Key.trackingService, .choice(Key.TrackingService.allCases.map(\.rawValue)),
            example: "tracking_service = \"aftership\"",
            summary:
                "A carrier-tracking service that follows the synced tracking numbers and reports each stage (needs tracking_api_key)."
        ),
        .init(
            Key.trackingServiceURL, .url(schemes: ["https", "http"]),
            example: "tracking_service_url = \"https://api.aftership.com/tracking/2026-07\"",
            summary: "The tracking service's API address (default: AfterShip's Tracking API, version 2026-07)."),
        .init(
            Key.trackingAPIKey, .secret,
            example: "tracking_api_key = { env = \"TOKYO_AFTERSHIP_KEY\" }",
            summary: "The tracking service's API key (AfterShip: sent as as-api-key)."),
        .init(
            Key.trackingWebhookSecret, .secret,
            example: "tracking_webhook_secret = { env = \"TOKYO_AFTERSHIP_WEBHOOK_SECRET\" }",
            summary:
                "The tracking service's webhook secret, to verify its signed status webhooks at /tracking/<service>/<store>."
        ),
        .init(
            Key.homeURL, .url(schemes: ["https", "http"]),
            example: "home_url = \"http://shop.example.com:8443\"",
            summary:
                "WordPress's home URL when it differs from base_url (proxies, port mappings); OAuth signs over it."),
        .init(
            Key.caFile, .file,
            example: "ca_file = \"certs/company-ca.pem\"",
            summary:
                "PEM bundle of a private CA the store's HTTPS certificate comes from, trusted besides the system roots; relative to this file."
        ),
        .init(
            Key.lookback, .duration,
            example: "lookback = \"5m\"",
            summary: "How far before the stored cursor an incremental read starts (default 5m)."),
        .init(
            Key.pageSize, .integer(1...100),
            example: "page_size = 100",
            summary:
                "Records per API page (WooCommerce allows at most 100; default 100). A page that times out is read again in halves."
        ),
        .init(
            Key.requestTimeout, .duration,
            example: "request_timeout = \"90s\"",
            summary:
                "How long the store may take to answer one request before the page is retried smaller (default 40s); raise it for slow shared hosts."
        ),
        .init(
            Key.loyalty,
            .table([
                .init(
                    Key.Loyalty.source, .choice(Key.LoyaltySource.allCases.map(\.rawValue)), required: true,
                    example: "loyalty = { source = \"customer_meta\", points_key = \"points\" }",
                    summary: "Where point balances live."),
                .init(
                    Key.Loyalty.pointsKey, .string, example: "points_key = \"points\"",
                    summary: "Customer meta key holding the balance (customer_meta)."),
                .init(
                    Key.Loyalty.pointsExpiringKey, .string, example: "points_expiring_key = \"points_expiring\"",
                    summary: "Customer meta key holding how many points lapse at the expiry date."),
                .init(
                    Key.Loyalty.expiryKey, .string, example: "expiry_key = \"points_expire_at\"",
                    summary: "Customer meta key holding when points expire."),
                .init(
                    Key.Loyalty.tierKey, .string, example: "tier_key = \"loyalty_tier\"",
                    summary: "Customer meta key holding the tier name."),
            ]),
            example: "loyalty = { source = \"customer_meta\", points_key = \"points\" }",
            summary: "Where loyalty points and tiers come from; absent means none."),
    ]

    private static let loyaltyNeedsPointsKey = StoreSettingRule { settings in
        guard settings.string("\(Key.loyalty).\(Key.Loyalty.source)") == Key.LoyaltySource.customerMeta.rawValue,
            settings.string("\(Key.loyalty).\(Key.Loyalty.pointsKey)") == nil
        else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.loyalty], message: "loyalty source \"customer_meta\" needs points_key.",
                example: "loyalty = { source = \"customer_meta\", points_key = \"points\" }")
        ]
    }

    private static let plainHTTPIsRefusedOrWarned = StoreSettingRule { settings in
        guard let url = settings.url(Key.baseURL), url.scheme?.lowercased() == "http" else { return [] }
        if settings.string(Key.auth) == Key.Auth.basic.rawValue {
            return [
                StoreSettingIssue(
                    keyPath: [Key.auth],
                    message:
                        "auth \"basic\" over plain http is refused by WooCommerce and would expose the keys; use https or auth = \"oauth1\".",
                    example: "auth = \"oauth1\"")
            ]
        }
        if settings.string(Key.auth) == Key.Auth.query.rawValue, !isLoopback(url.host) {
            return [
                StoreSettingIssue(
                    keyPath: [Key.auth],
                    message:
                        "auth \"query\" over plain http would send the consumer secret in every URL, readable on the network and in proxy logs; use https or auth = \"oauth1\".",
                    example: "auth = \"oauth1\"")
            ]
        }
        guard !isLocalHost(url.host) else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.baseURL],
                message: "base_url uses plain http; customer data travels unencrypted. Prefer https.",
                example: "base_url = \"https://\(url.host ?? "shop.example.com")\"", isWarning: true)
        ]
    }

    private static let consentSourceIsNamed = StoreSettingRule { settings in
        guard settings.string(Key.consentMetaKey) == nil, settings.string(Key.marketingConsent) == nil else {
            return []
        }
        return [
            StoreSettingIssue(
                keyPath: [],
                message:
                    "names no marketing-consent source (WooCommerce has none built in), so marketing campaigns will send nothing to its customers; transactional messages still go.",
                example: "consent_meta_key = \"marketing_opt_in\"", isWarning: true)
        ]
    }

    /// WordPress hides "protected" meta (a key whose first character is
    /// `_`) from `/customers`, whatever the key's permissions (api-facts
    /// §8.1), so a balance kept under such a key syncs as nothing unless
    /// the site unprotects it (the `is_protected_meta` filter): a warning,
    /// not a refusal, so that setup still runs.
    private static let loyaltyKeysAreReadable = StoreSettingRule { settings in
        guard settings.string("\(Key.loyalty).\(Key.Loyalty.source)") == Key.LoyaltySource.customerMeta.rawValue else {
            return []
        }
        let keys = [Key.Loyalty.pointsKey, Key.Loyalty.pointsExpiringKey, Key.Loyalty.expiryKey, Key.Loyalty.tierKey]
        return keys.compactMap { key in
            guard let value = settings.string("\(Key.loyalty).\(key)"), isProtectedMeta(value) else { return nil }
            return StoreSettingIssue(
                keyPath: [Key.loyalty, key],
                message:
                    "\"\(value)\" starts with \"_\": WooCommerce's REST API never returns protected customer meta, so loyalty syncs nothing unless the site unprotects the key (config/README.md shows the one-line filter). Prefer an unprefixed key, or source = \"advanced_coupons\".",
                example: "\(key) = \"\(value.drop { $0 == "_" })\"", isWarning: true)
        }
    }

    /// A protected consent key is still on every order (order meta keeps
    /// `_` keys), but never on a customer: consent then comes from the
    /// buyer's orders only.
    private static let consentKeyIsReadable = StoreSettingRule { settings in
        guard let key = settings.string(Key.consentMetaKey), isProtectedMeta(key) else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.consentMetaKey],
                message:
                    "\"\(key)\" starts with \"_\": WooCommerce returns it on orders but never on customers, so consent is read from each buyer's orders only (a customer who changes their choice without ordering is not seen). An unprefixed key is read from both.",
                example: "consent_meta_key = \"\(key.drop { $0 == "_" })\"", isWarning: true)
        ]
    }

    /// WordPress's `is_protected_meta()`: the first printable character is `_`.
    static func isProtectedMeta(_ key: String) -> Bool {
        key.drop { $0.isWhitespace || $0.isNewline }.first == "_"
    }

    /// A development host, where plain http is expected.
    private static func isLocalHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
            || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".test")
    }

    /// This machine itself, where a URL never crosses a network (the
    /// emulators, a local TLS proxy): narrower than ``isLocalHost(_:)``,
    /// whose `.local` and `.test` names may be other machines on the LAN.
    private static func isLoopback(_ host: String?) -> Bool {
        guard let host = host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else {
            return false
        }
        return host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }

    /// The entry `aftercart init` writes (`config/aftercart.example.toml`).
    private static let initExample = StoreEntryExample(
        toml: #"""
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            # WooCommerce → Settings → Advanced → REST API → Add key (Read/Write).
            consumer_key = { env = "TOKYO_WOO_KEY" }
            consumer_secret = { env = "TOKYO_WOO_SECRET" }
            # auth = "auto"                    # auto | basic | oauth1 | query
            # webhook_secret = { env = "TOKYO_WOO_WEBHOOK_SECRET" }
            sync_every = "15m"
            # timezone = "Asia/Tokyo"          # quiet hours' zone; default: the store's own
            # WooCommerce has no marketing-consent field of its own: name the meta key
            # your opt-in plugin writes (read on customers and on orders; WooCommerce
            # never returns customer meta starting with "_"), or state a store-wide
            # consent you can prove (marketing_consent = "granted" | "denied" | "unknown").
            consent_meta_key = "marketing_opt_in"
            # When no tracking plugin reports delivery, a shipped order counts as
            # delivered this long after shipping.
            delivery_estimate = "5d"
            # delivered_status = "delivered"   # a custom order status meaning "arrived"
            # Points kept in customer meta by a points plugin, under unprefixed keys.
            loyalty = { source = "customer_meta", points_key = "points", expiry_key = "points_expire_at", tier_key = "loyalty_tier" }
            # Who customers hear from. Marketing mail must show the merchant's postal
            # address and a contact (Japan's 特定電子メール法, the US CAN-SPAM Act):
            # without both, no marketing is planned for the store and `check` says so.
            # display_name = "東京マグカップ店"   # signs the mail; default: the shop's own name
            # from = "info@shop.example"         # default: [delivery] from, under display_name
            reply_to = "support@shop.example"
            # unsubscribe_email = "unsubscribe@shop.example"  # a mailto: beside the one-click link
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example / 03-1234-5678"

            """#,
        environment: #"""
            # tokyo-woo (WooCommerce → Settings → Advanced → REST API)
            TOKYO_WOO_KEY=ck_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            TOKYO_WOO_SECRET=cs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

            """#)
}
