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

extension MockStoreServer {
    /// `count` WooCommerce emulators of `orders` orders each, seeded
    /// `firstSeed`, `firstSeed + 1`, …, every answer delayed by `latency`
    /// (a fault spec duration such as `30ms`): stores that are slow to
    /// answer, for tests and benchmarks of several workers. If one fails
    /// to start, those already started are stopped.
    public static func startSlowWooCommerceStores(count: Int, orders: Int, firstSeed: UInt64, latency: String)
        async throws -> [MockStoreServer]
    {
        var mocks: [MockStoreServer] = []
        do {
            let faults = try MockFaultPlan(spec: "slow:1@\(latency)")
            for index in 0..<count {
                mocks.append(
                    try await start(
                        .woocommerce(
                            WooCommerceMockOptions(orders: orders, seed: firstSeed + UInt64(index), faults: faults))))
            }
        } catch {
            for mock in mocks { await mock.stop() }
            throw error
        }
        return mocks
    }
}
