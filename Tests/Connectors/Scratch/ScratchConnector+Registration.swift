public import AftercartConnector
public import AftercartPlatform

extension ScratchConnector {
    /// What `platform = "scratch"` accepts in a `[[stores]]` entry.
    public static let settingsSchema = StorePlatformSchema(
        platform: "scratch",
        keys: [
            .init(
                "base_url", .url(schemes: ["https", "http"]), required: true,
                example: "base_url = \"https://shop.scratch.example\"",
                summary: "The shop's address; the API is under /api."),
            .init(
                "api_key", .secret, required: true, example: "api_key = { env = \"SCRATCH_KEY\" }",
                summary: "The shop's API key, sent as X-Scratch-Key."),
            .init(
                "lookback", .duration, example: "lookback = \"5m\"",
                summary: "How far before the stored cursor an incremental read starts (default 5m)."),
        ],
        example: """
            [[stores]]
            name = "scratch-shop"
            platform = "scratch"
            base_url = "https://shop.scratch.example"
            api_key = { env = "SCRATCH_KEY" }
            """,
        links: StorefrontLinkTemplates(productPath: "/products/{product_id}", orderTrackingPath: "/orders/{order_id}"))

    /// `platform = "scratch"`: the adapter over the process's shared HTTP client.
    public static let registration = PlatformRegistration(settingsSchema: settingsSchema) { settings, environment in
        let scratch = try ScratchStoreSettings(settings)
        let transport = HTTPTransport(
            client: environment.client,
            configuration: TransportConfiguration(store: scratch.store, platform: "scratch", credentialName: "api_key"),
            authorizer: HeaderTokenAuthorizer(name: "X-Scratch-Key", token: scratch.apiKey), logger: environment.logger,
            clock: environment.clock)
        return ScratchConnector(settings: scratch, transport: transport, logger: environment.logger)
    }
}
