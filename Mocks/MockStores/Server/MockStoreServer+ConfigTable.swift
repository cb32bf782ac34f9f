extension MockStoreServer {
    /// A `[[stores]]` table of Aftercart's config that points at this
    /// emulator: what tests and benchmarks write to run the real CLI
    /// against it. Credentials are `{ env = … }` references, never values:
    /// WooCommerce reads `keyVariable` and `secretVariable`, Shopify
    /// `tokenVariable`. A WooCommerce store's consent is `unknown`, as
    /// WooCommerce records none.
    public func aftercartStoreTable(
        name: String, timeZone: String = "UTC", keyVariable: String = "WOO_KEY", secretVariable: String = "WOO_SECRET",
        tokenVariable: String = "SHOPIFY_TOKEN"
    ) -> String {
        let credentials =
            switch platform {
            case .woocommerce:
                """
                consumer_key = { env = "\(keyVariable)" }
                consumer_secret = { env = "\(secretVariable)" }
                marketing_consent = "unknown"
                """
            case .shopify:
                """
                access_token = { env = "\(tokenVariable)" }
                """
            }
        return """

            [[stores]]
            name = "\(name)"
            platform = "\(platform.rawValue)"
            base_url = "\(baseURL)"
            \(credentials)
            timezone = "\(timeZone)"

            """
    }
}
