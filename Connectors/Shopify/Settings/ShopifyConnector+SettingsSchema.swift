public import AftercartPlatform

extension ShopifyConnector {
    /// What `platform = "shopify"` accepts in a `[[stores]]` entry, for the
    /// config to validate before the adapter reads it
    /// (``ShopifyStoreSettings/init(_:)``).
    public static let settingsSchema = StorePlatformSchema(
        platform: "shopify",
        keys: settingKeys,
        requiredOneOf: [[Key.shop, Key.baseURL], [Key.accessToken, Key.clientID]],
        rules: [apiVersionIsAQuarter, metafieldLoyaltyNeedsNamespaceAndKey, oneCredential],
        example: """
            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            shop = "osaka.myshopify.com"
            access_token = { env = "OSAKA_SHOPIFY_TOKEN" }
            """,
        initExample: initExample,
        // The Online Store's product page, and the order page of customer accounts.
        links: StorefrontLinkTemplates(
            productPath: "/products/{product_id}", orderTrackingPath: "/account/orders/{order_id}"))

    private typealias Key = ShopifySettingKey

    private static let settingKeys: [StoreSettingSpec] = [
        .init(
            Key.shop, .hostname(suffix: ".myshopify.com"),
            example: "shop = \"osaka.myshopify.com\"",
            summary: "The shop's myshopify.com domain."),
        .init(
            Key.baseURL, .url(schemes: ["https", "http"]),
            example: "base_url = \"http://127.0.0.1:8081\"",
            summary: "Replaces https://{shop} (tests, proxies)."),
        .init(
            Key.caFile, .file,
            example: "ca_file = \"certs/proxy-ca.pem\"",
            summary:
                "PEM bundle of a private CA (a proxy base_url points at), trusted besides the system roots; relative to this file."
        ),
        .init(
            Key.accessToken, .secret,
            example: "access_token = { env = \"OSAKA_SHOPIFY_TOKEN\" }",
            summary: "Admin API access token (shpat_…) of a custom app made in the Shopify admin before 2026."),
        .init(
            Key.clientID, .string,
            example: "client_id = \"0123456789abcdef0123456789abcdef\"",
            summary:
                "Client ID of a Dev Dashboard app installed on the shop: Aftercart gets its tokens (client credentials grant)."
        ),
        .init(
            Key.clientSecret, .secret,
            example: "client_secret = { env = \"OSAKA_SHOPIFY_CLIENT_SECRET\" }",
            summary: "The Dev Dashboard app's client secret (with client_id); also verifies webhooks."),
        .init(
            Key.grant, .choice(Key.Grant.allCases.map(\.rawValue)),
            example: "grant = \"authorization_code\"",
            summary:
                "How the Dev Dashboard app gets tokens: client_credentials (a shop of the app's organization, default) or authorization_code (the merchant installs it at {public_url}/shopify/install/{store})."
        ),
        .init(
            Key.scopes, .string,
            example: "scopes = \"read_orders,write_customers,write_discounts\"",
            summary:
                "Comma list of Admin API scopes an install asks for (grant = authorization_code); default: what Aftercart uses."
        ),
        .init(
            Key.webhookSecret, .secret,
            example: "webhook_secret = { env = \"OSAKA_SHOPIFY_WEBHOOK_SECRET\" }",
            summary: "The app's client secret, to verify webhook HMACs (defaults to client_secret)."),
        .init(
            Key.apiVersion, .string,
            example: "api_version = \"2026-07\"",
            summary: "Admin API version (YYYY-MM, a quarter's first month); the connector's default when absent."),
        .init(
            Key.lookback, .duration,
            example: "lookback = \"5m\"",
            summary: "How far before the stored cursor an incremental read starts (default 5m)."),
        .init(
            Key.pageSize, .integer(1...250),
            example: "page_size = 250",
            summary: "Records per API page (Shopify allows at most 250)."),
        .init(
            Key.bucketSize, .integer(1...10_000),
            example: "bucket_size = 80",
            summary: "REST leaky-bucket size of the shop's plan (40; Advanced 80; Plus 400)."),
        .init(
            Key.leakRate, .string,
            example: "leak_rate = \"4\"",
            summary: "REST requests per second the bucket leaks, as text (default: the bucket / 20)."),
        .init(
            Key.bulkBackfill, .bool,
            example: "bulk_backfill = false",
            summary:
                "Whether a first or --full sync reads orders, customers and metafield loyalty through a GraphQL bulk query (default true)."
        ),
        .init(
            Key.requestTimeout, .duration,
            example: "request_timeout = \"90s\"",
            summary: "How long Shopify may take to answer one request before it is retried (default 40s)."),
        .init(
            Key.loyalty,
            .table([
                .init(
                    Key.Loyalty.source, .choice(Key.LoyaltySource.allCases.map(\.rawValue)), required: true,
                    example:
                        "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }",
                    summary: "Where point balances live."),
                .init(
                    Key.Loyalty.namespace, .string, example: "namespace = \"loyalty\"",
                    summary: "Customer metafield namespace (shopify_metafield)."),
                .init(
                    Key.Loyalty.key, .string, example: "key = \"points\"",
                    summary: "Customer metafield key holding the balance."),
                .init(
                    Key.Loyalty.expiryKey, .string, example: "expiry_key = \"points_expire_at\"",
                    summary: "Metafield key (same namespace) holding when points expire."),
                .init(
                    Key.Loyalty.tierKey, .string, example: "tier_key = \"tier\"",
                    summary: "Metafield key (same namespace) holding the tier name."),
                .init(
                    Key.Loyalty.currency, .string, example: "currency = \"USD\"",
                    summary: "Store-credit account currency (shopify_store_credit; default the shop's)."),
                .init(
                    Key.Loyalty.creditExpiry, .duration, example: "credit_expiry = \"90d\"",
                    summary: "How long store credit granted by Aftercart stays valid (shopify_store_credit)."),
            ]),
            example: "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }",
            summary: "Where loyalty points and tiers come from; absent means none."),
    ]

    private static let apiVersionIsAQuarter = StoreSettingRule { settings in
        guard let version = settings.string(Key.apiVersion), !isAPIVersion(version) else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.apiVersion],
                message: "api_version \"\(version)\" is not a Shopify API version (YYYY-01, -04, -07 or -10).",
                example: "api_version = \"2026-07\"")
        ]
    }

    /// A static token or an app's client credentials, never both, and a
    /// client id always with its secret.
    private static let oneCredential = StoreSettingRule { settings in
        let hasToken = settings.hasSecret(Key.accessToken)
        let hasID = settings.string(Key.clientID) != nil
        let hasSecret = settings.hasSecret(Key.clientSecret)
        if hasToken, hasID || hasSecret {
            return [
                StoreSettingIssue(
                    keyPath: [Key.clientID],
                    message:
                        "set either access_token (an admin-created custom app) or client_id and client_secret (a Dev Dashboard app), not both.",
                    example: "client_id = \"…\"\nclient_secret = { env = \"OSAKA_SHOPIFY_CLIENT_SECRET\" }")
            ]
        }
        if settings.string(Key.grant) != nil, !hasID {
            return [
                StoreSettingIssue(
                    keyPath: [Key.grant],
                    message: "grant applies to a Dev Dashboard app: set client_id and client_secret with it.",
                    example: "client_id = \"…\"\nclient_secret = { env = \"OSAKA_SHOPIFY_CLIENT_SECRET\" }")
            ]
        }
        if hasID != hasSecret {
            return [
                StoreSettingIssue(
                    keyPath: [hasID ? Key.clientSecret : Key.clientID],
                    message: "client_id and client_secret go together: the token grant needs both.",
                    example: "client_id = \"…\"\nclient_secret = { env = \"OSAKA_SHOPIFY_CLIENT_SECRET\" }")
            ]
        }
        return []
    }

    private static let metafieldLoyaltyNeedsNamespaceAndKey = StoreSettingRule { settings in
        func loyaltyKey(_ key: String) -> String? { settings.string("\(Key.loyalty).\(key)") }
        guard loyaltyKey(Key.Loyalty.source) == Key.LoyaltySource.metafield.rawValue,
            loyaltyKey(Key.Loyalty.namespace) == nil || loyaltyKey(Key.Loyalty.key) == nil
        else { return [] }
        return [
            StoreSettingIssue(
                keyPath: [Key.loyalty], message: "loyalty source \"shopify_metafield\" needs namespace and key.",
                example: "loyalty = { source = \"shopify_metafield\", namespace = \"loyalty\", key = \"points\" }")
        ]
    }

    /// `YYYY-01`, `-04`, `-07` or `-10` (Shopify releases quarterly), or `unstable`.
    private static func isAPIVersion(_ text: String) -> Bool {
        if text == "unstable" { return true }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil, let month = Int(parts[1]),
            parts[1].count == 2
        else { return false }
        return [1, 4, 7, 10].contains(month)
    }

    /// The entry `aftercart init` writes (`config/aftercart.example.toml`).
    private static let initExample = StoreEntryExample(
        toml: #"""
            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            shop = "osaka.myshopify.com"       # base_url = "http://127.0.0.1:8081" may replace it (tests, proxies)
            # A Dev Dashboard app installed on the shop (dev.shopify.com → Apps → Settings):
            # Aftercart gets and renews its tokens; the client secret also verifies webhooks.
            client_id = "0123456789abcdef0123456789abcdef"
            client_secret = { env = "OSAKA_SHOPIFY_CLIENT_SECRET" }
            # A shop of another organization installs the app instead, at [server] public_url
            # + /shopify/install/osaka-shopify (see README, "A shop of another organization"):
            # grant = "authorization_code"
            # Or a custom app made in the Shopify admin before 2026: its Admin API access token.
            # access_token = { env = "OSAKA_SHOPIFY_TOKEN" }
            api_version = "2026-07"
            timezone = "Asia/Tokyo"
            loyalty = { source = "shopify_metafield", namespace = "loyalty", key = "points", expiry_key = "points_expire_at", tier_key = "tier" }
            # Marketing mail must show a postal address and a contact (see tokyo-woo).
            reply_to = "support@osaka.example"
            postal_address = "〒530-0001 大阪府大阪市北区梅田1-1-1"
            contact = "support@osaka.example / 06-1234-5678"

            """#,
        environment: #"""
            # osaka-shopify (Dev Dashboard → your app → Settings → Client secret)
            OSAKA_SHOPIFY_CLIENT_SECRET=shpss_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

            """#)
}
