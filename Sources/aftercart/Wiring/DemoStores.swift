import AftercartConnector
import AftercartModel
import Foundation
import MockStores

/// The two emulated stores of `aftercart demo`, as settings and as config text.
struct DemoStores {
    let woo: MockStoreServer
    let shopify: MockStoreServer

    var settings: [ConnectorSettings] {
        [
            ConnectorSettings(
                store: "tokyo-woo", platform: "woocommerce", timeZone: TimeZone(identifier: woo.timeZone) ?? .gmt,
                values: [
                    "base_url": woo.baseURL, "consent_meta_key": "aftercart_marketing_consent",
                    "loyalty.source": "customer_meta", "loyalty.points_key": "aftercart_points",
                    "loyalty.points_expiring_key": "aftercart_points_expiring",
                    "loyalty.expiry_key": "aftercart_points_expires_at", "loyalty.tier_key": "aftercart_tier",
                ],
                secrets: [
                    "consumer_key": Secret(woo.credentials.consumerKey ?? ""),
                    "consumer_secret": Secret(woo.credentials.consumerSecret ?? ""),
                ]),
            ConnectorSettings(
                store: "brooklyn-shop", platform: "shopify", timeZone: TimeZone(identifier: shopify.timeZone) ?? .gmt,
                values: [
                    "base_url": shopify.baseURL, "api_version": shopify.credentials.apiVersion,
                    "loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points",
                    "loyalty.points_expiring_key": "points_expiring", "loyalty.expiry_key": "points_expires_at",
                    "loyalty.tier_key": "tier", "leak_rate": "20",
                ],
                secrets: ["access_token": Secret(shopify.credentials.accessToken ?? "")]),
        ]
    }

    /// A config for exploring the demo's database afterwards. The emulators
    /// are gone by then, so it is for `status` and `export`, not `sync`.
    func config(database: String, outbox: String, port: Int) -> String {
        """
        # Written by 'aftercart demo'. The emulators it names stopped when the demo ended.
        # Campaigns: campaigns/*.toml beside this file and the two below; templates: templates/.
        [database]
        url = "sqlite:\(database)"

        [delivery]
        channel = "file"
        file_dir = "\(outbox)"
        from = "Aftercart demo <hello@aftercart.example>"

        [engage]
        merchant_email = "support@aftercart.example"

        # Marketing mail carries one-click unsubscribe links to this address; this
        # file's server answers them (the emulators are gone, so any key will do):
        # DEMO_WOO_KEY=x DEMO_WOO_SECRET=x DEMO_SHOPIFY_TOKEN=x DEMO_ADMIN_PASSWORD=x aftercart serve --config <this file>
        [server]
        public_url = "http://127.0.0.1:\(port)"
        # The merchant's /dashboard, signed in as merchant / the variable's value.
        admin_user = "merchant"
        admin_password = { env = "DEMO_ADMIN_PASSWORD" }

        [[campaigns]]
        name = "review-request"
        trigger = "delivered"
        delay = "7d"
        template = "review-request"

        [[campaigns]]
        name = "review-thank-you"
        trigger = "review_posted"
        template = "review-thank-you"
        coupon = { kind = "percent", amount = "10", expires_in = "30d", code_prefix = "THANKS" }

        [[stores]]
        name = "tokyo-woo"
        platform = "woocommerce"
        base_url = "\(woo.baseURL)"
        consumer_key = { env = "DEMO_WOO_KEY" }
        consumer_secret = { env = "DEMO_WOO_SECRET" }
        timezone = "\(woo.timeZone)"
        # The emulator reports en_US, like a real Japanese WordPress without its language pack.
        locale = "ja-JP"
        consent_meta_key = "aftercart_marketing_consent"
        loyalty = { source = "customer_meta", points_key = "aftercart_points", points_expiring_key = "aftercart_points_expiring", expiry_key = "aftercart_points_expires_at", tier_key = "aftercart_tier" }
        from = "info@tokyo-mugs.example"
        reply_to = "support@tokyo-mugs.example"
        unsubscribe_email = "unsubscribe@tokyo-mugs.example"
        postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3 マグビル2階"
        contact = "support@tokyo-mugs.example / 03-1234-5678（平日10:00〜17:00）"

        [[stores]]
        name = "brooklyn-shop"
        platform = "shopify"
        base_url = "\(shopify.baseURL)"
        access_token = { env = "DEMO_SHOPIFY_TOKEN" }
        loyalty = { source = "shopify_metafield", namespace = "aftercart", key = "points", expiry_key = "points_expires_at", tier_key = "tier" }
        timezone = "\(shopify.timeZone)"
        from = "hello@brooklyn-socks.example"
        reply_to = "care@brooklyn-socks.example"
        postal_address = "123 Bedford Ave, Brooklyn, NY 11211, USA"
        contact = "care@brooklyn-socks.example, (718) 555-0134"

        """
    }
}
