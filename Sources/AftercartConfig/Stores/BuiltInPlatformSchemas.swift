import Foundation

extension StorePlatformSchema {
    /// WooCommerce REST API v3.
    ///
    /// WooCommerce has no core marketing-consent field and no core loyalty
    /// API, so the merchant names where those live (`consent_meta_key` /
    /// `marketing_consent`, `loyalty`).
    public static let wooCommerce = StorePlatformSchema(
        platform: "woocommerce",
        keys: [
            .init(
                "base_url", .url(schemes: ["https", "http"]), required: true,
                example: "base_url = \"https://shop.example.com\"",
                summary: "The shop's address; the API is under /wp-json/wc/v3."),
            .init(
                "consumer_key", .secret, required: true,
                example: "consumer_key = { env = \"TOKYO_WOO_KEY\" }",
                summary: "REST API consumer key (WooCommerce → Settings → Advanced → REST API)."),
            .init(
                "consumer_secret", .secret, required: true,
                example: "consumer_secret = { env = \"TOKYO_WOO_SECRET\" }",
                summary: "REST API consumer secret."),
            .init(
                "auth", .choice(["auto", "basic", "oauth1", "query"]),
                example: "auth = \"auto\"",
                summary:
                    "auto: basic over HTTPS, OAuth 1.0a over HTTP; query: keys as query parameters for hosts that strip Authorization.",
                defaultValue: .string("auto")),
            .init(
                "webhook_secret", .secret,
                example: "webhook_secret = { env = \"TOKYO_WOO_WEBHOOK_SECRET\" }",
                summary: "The secret set on the store's webhooks, to verify their signatures."),
            .init(
                "consent_meta_key", .string,
                example: "consent_meta_key = \"_marketing_opt_in\"",
                summary: "Customer meta key whose truthy value means marketing consent."),
            .init(
                "marketing_consent", .choice(["granted", "denied", "unknown"]),
                example: "marketing_consent = \"unknown\"",
                summary: "Store-wide consent, used where the meta key is absent; state it only if it is true."),
            .init(
                "delivered_status", .string,
                example: "delivered_status = \"delivered\"",
                summary: "A custom order status slug that means the parcel arrived."),
            .init(
                "tracking_meta_key", .string,
                example: "tracking_meta_key = \"_wc_shipment_tracking_items\"",
                summary: "Order meta key a tracking plugin writes shipments to."),
            .init(
                "home_url", .url(schemes: ["https", "http"]),
                example: "home_url = \"http://shop.example.com:8443\"",
                summary:
                    "WordPress's home URL when it differs from base_url (proxies, port mappings); OAuth signs over it."),
            .init(
                "lookback", .duration,
                example: "lookback = \"5m\"",
                summary: "How far before the stored cursor an incremental read starts (default 5m)."),
            .init(
                "page_size", .integer(1...100),
                example: "page_size = 100",
                summary: "Records per API page (WooCommerce allows at most 100)."),
            .init(
                "loyalty",
                .table([
                    .init(
                        "source", .choice(["customer_meta", "advanced_coupons", "none"]), required: true,
                        example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }",
                        summary: "Where point balances live."),
                    .init(
                        "points_key", .string, example: "points_key = \"_points\"",
                        summary: "Customer meta key holding the balance (customer_meta)."),
                    .init(
                        "points_expiring_key", .string, example: "points_expiring_key = \"_points_expiring\"",
                        summary: "Customer meta key holding how many points lapse at the expiry date."),
                    .init(
                        "expiry_key", .string, example: "expiry_key = \"_points_expire_at\"",
                        summary: "Customer meta key holding when points expire."),
                    .init(
                        "tier_key", .string, example: "tier_key = \"_loyalty_tier\"",
                        summary: "Customer meta key holding the tier name."),
                ]),
                example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }",
                summary: "Where loyalty points and tiers come from; absent means none."),
        ],
        rules: [
            StoreSettingRule { settings in
                guard let loyalty = settings.table("loyalty"), loyalty.string("source") == "customer_meta",
                    loyalty.string("points_key") == nil
                else { return [] }
                return [
                    StoreSettingIssue(
                        keyPath: ["loyalty"], message: "loyalty source \"customer_meta\" needs points_key.",
                        example: "loyalty = { source = \"customer_meta\", points_key = \"_points\" }")
                ]
            },
            StoreSettingRule { settings in
                guard let url = settings.url("base_url"), url.scheme?.lowercased() == "http" else { return [] }
                if settings.string("auth") == "basic" {
                    return [
                        StoreSettingIssue(
                            keyPath: ["auth"],
                            message:
                                "auth \"basic\" over plain http is refused by WooCommerce and would expose the keys; use https or auth = \"oauth1\".",
                            example: "auth = \"oauth1\"")
                    ]
                }
                guard !isLocalHost(url.host) else { return [] }
                return [
                    StoreSettingIssue(
                        keyPath: ["base_url"],
                        message: "base_url uses plain http; customer data travels unencrypted. Prefer https.",
                        example: "base_url = \"https://\(url.host ?? "shop.example.com")\"", isWarning: true)
                ]
            },
            StoreSettingRule { settings in
                guard settings.string("consent_meta_key") == nil, settings.string("marketing_consent") == nil else {
                    return []
                }
                return [
                    StoreSettingIssue(
                        keyPath: [],
                        message:
                            "names no marketing-consent source (WooCommerce has none built in), so marketing campaigns will send nothing to its customers; transactional messages still go.",
                        example: "consent_meta_key = \"_marketing_opt_in\"", isWarning: true)
                ]
            },
        ],
        example: """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            consumer_key = { env = "TOKYO_WOO_KEY" }
            consumer_secret = { env = "TOKYO_WOO_SECRET" }
            """)

    /// Shopify Admin API.
    public static let shopify = StorePlatformSchema(
        platform: "shopify",
        keys: [
            .init(
                "shop", .hostname(suffix: ".myshopify.com"),
                example: "shop = \"osaka.myshopify.com\"",
                summary: "The shop's myshopify.com domain."),
            .init(
                "base_url", .url(schemes: ["https", "http"]),
                example: "base_url = \"http://127.0.0.1:8081\"",
                summary: "Replaces https://{shop} (tests, proxies)."),
            .init(
                "access_token", .secret, required: true,
                example: "access_token = { env = \"OSAKA_SHOPIFY_TOKEN\" }",
                summary: "Admin API access token of the custom app."),
            .init(
                "webhook_secret", .secret,
                example: "webhook_secret = { env = \"OSAKA_SHOPIFY_WEBHOOK_SECRET\" }",
                summary: "The app's client secret, to verify webhook HMACs."),
            .init(
                "api_version", .string,
                example: "api_version = \"2025-01\"",
                summary: "Admin API version (YYYY-MM, a quarter's first month); the connector's default when absent."),
            .init(
                "lookback", .duration,
                example: "lookback = \"5m\"",
                summary: "How far before the stored cursor an incremental read starts (default 5m)."),
            .init(
                "page_size", .integer(1...250),
                example: "page_size = 250",
                summary: "Records per API page (Shopify allows at most 250)."),
            .init(
                "bucket_size", .integer(1...10_000),
                example: "bucket_size = 80",
                summary: "REST leaky-bucket size of the shop's plan (40; Advanced 80; Plus 400)."),
            .init(
                "leak_rate", .string,
                example: "leak_rate = \"4\"",
                summary: "REST requests per second the bucket leaks (2; Advanced 4; Plus 20), as text."),
            .init(
                "loyalty",
                .table([
                    .init(
                        "source", .choice(["shopify_metafield", "shopify_store_credit", "none"]), required: true,
                        example:
                            "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }",
                        summary: "Where point balances live."),
                    .init(
                        "namespace", .string, example: "namespace = \"loyalty\"",
                        summary: "Customer metafield namespace (shopify_metafield)."),
                    .init(
                        "key", .string, example: "key = \"points\"",
                        summary: "Customer metafield key holding the balance."),
                    .init(
                        "expiry_key", .string, example: "expiry_key = \"points_expire_at\"",
                        summary: "Metafield key (same namespace) holding when points expire."),
                    .init(
                        "tier_key", .string, example: "tier_key = \"tier\"",
                        summary: "Metafield key (same namespace) holding the tier name."),
                    .init(
                        "currency", .string, example: "currency = \"USD\"",
                        summary: "Store-credit account currency (shopify_store_credit; default the shop's)."),
                    .init(
                        "credit_expiry", .duration, example: "credit_expiry = \"90d\"",
                        summary: "How long store credit granted by Aftercart stays valid (shopify_store_credit)."),
                ]),
                example: "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }",
                summary: "Where loyalty points and tiers come from; absent means none."),
        ],
        requiredOneOf: [["shop", "base_url"]],
        rules: [
            StoreSettingRule { settings in
                guard let version = settings.string("api_version"), !isShopifyAPIVersion(version) else { return [] }
                return [
                    StoreSettingIssue(
                        keyPath: ["api_version"],
                        message: "api_version \"\(version)\" is not a Shopify API version (YYYY-01, -04, -07 or -10).",
                        example: "api_version = \"2025-01\"")
                ]
            },
            StoreSettingRule { settings in
                guard let loyalty = settings.table("loyalty"), loyalty.string("source") == "shopify_metafield",
                    loyalty.string("namespace") == nil || loyalty.string("key") == nil
                else { return [] }
                return [
                    StoreSettingIssue(
                        keyPath: ["loyalty"], message: "loyalty source \"shopify_metafield\" needs namespace and key.",
                        example:
                            "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }")
                ]
            },
        ],
        example: """
            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            shop = "osaka.myshopify.com"
            access_token = { env = "OSAKA_SHOPIFY_TOKEN" }
            """)
}

private func isLocalHost(_ host: String?) -> Bool {
    guard let host = host?.lowercased() else { return false }
    return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".test")
}

private func isShopifyAPIVersion(_ text: String) -> Bool {
    if text == "unstable" { return true }
    let parts = text.split(separator: "-")
    guard parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil, let month = Int(parts[1]),
        parts[1].count == 2
    else { return false }
    return [1, 4, 7, 10].contains(month)
}
