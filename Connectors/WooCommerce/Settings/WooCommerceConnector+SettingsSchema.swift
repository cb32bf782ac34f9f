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
        rules: [loyaltyNeedsPointsKey, plainHTTPIsRefusedOrWarned, consentSourceIsNamed],
        example: """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            consumer_key = { env = "TOKYO_WOO_KEY" }
            consumer_secret = { env = "TOKYO_WOO_SECRET" }
            """,
        initExample: initExample,
        // WordPress answers `?p=` for any post type, products included; the
        // order page is WooCommerce's My Account endpoint.
        links: StorefrontLinkTemplates(
            productPath: "/?p={product_id}", orderTrackingPath: "/my-account/view-order/{order_id}/"))

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
                "auto: basic over HTTPS, OAuth 1.0a over HTTP; query: keys as query parameters for hosts that strip Authorization.",
            defaultValue: .string(Key.Auth.auto.rawValue)),
        .init(
            Key.webhookSecret, .secret,
            example: "webhook_secret = { env = \"TOKYO_WOO_WEBHOOK_SECRET\" }",
            summary: "The secret set on the store's webhooks, to verify their signatures."),
        .init(
            Key.consentMetaKey, .string,
            example: "consent_meta_key = \"_marketing_opt_in\"",
            summary: "Customer meta key whose truthy value means marketing consent."),
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
            summary: "Records per API page (WooCommerce allows at most 100)."),
        .init(
            Key.loyalty,
            .table([
                .init(
                    Key.Loyalty.source, .choice(Key.LoyaltySource.allCases.map(\.rawValue)), required: true,
                    example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }",
                    summary: "Where point balances live."),
                .init(
                    Key.Loyalty.pointsKey, .string, example: "points_key = \"_points\"",
                    summary: "Customer meta key holding the balance (customer_meta)."),
                .init(
                    Key.Loyalty.pointsExpiringKey, .string, example: "points_expiring_key = \"_points_expiring\"",
                    summary: "Customer meta key holding how many points lapse at the expiry date."),
                .init(
                    Key.Loyalty.expiryKey, .string, example: "expiry_key = \"_points_expire_at\"",
                    summary: "Customer meta key holding when points expire."),
                .init(
                    Key.Loyalty.tierKey, .string, example: "tier_key = \"_loyalty_tier\"",
                    summary: "Customer meta key holding the tier name."),
            ]),
            example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }",
            summary: "Where loyalty points and tiers come from; absent means none."),
    ]

    private static let loyaltyNeedsPointsKey = StoreSettingRule { settings in
        guard settings.string("\(Key.loyalty).\(Key.Loyalty.source)") == Key.LoyaltySource.customerMeta.rawValue,
            settings.string("\(Key.loyalty).\(Key.Loyalty.pointsKey)") == nil
        else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.loyalty], message: "loyalty source \"customer_meta\" needs points_key.",
                example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }")
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
                example: "consent_meta_key = \"_marketing_opt_in\"", isWarning: true)
        ]
    }

    /// A development host, where plain http is expected.
    private static func isLocalHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
            || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".test")
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
            timezone = "Asia/Tokyo"            # quiet hours are kept in this time zone
            # WooCommerce has no marketing-consent field of its own: name the customer
            # meta key your opt-in plugin writes, or state a store-wide consent you can
            # prove (marketing_consent = "granted" | "denied" | "unknown").
            consent_meta_key = "_marketing_opt_in"
            # When no tracking plugin reports delivery, a shipped order counts as
            # delivered this long after shipping.
            delivery_estimate = "5d"
            # delivered_status = "delivered"   # a custom order status meaning "arrived"
            loyalty = { source = "customer_meta", points_key = "_points", expiry_key = "_points_expire_at", tier_key = "_loyalty_tier" }

            """#,
        environment: #"""
            # tokyo-woo (WooCommerce → Settings → Advanced → REST API)
            TOKYO_WOO_KEY=ck_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            TOKYO_WOO_SECRET=cs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

            """#)
}
