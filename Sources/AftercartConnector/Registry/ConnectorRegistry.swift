public import AftercartModel
public import AftercartPlatform
public import AsyncHTTPClient
public import Logging

/// What every adapter of a process shares: one `HTTPClient` (one connection
/// pool; each adapter builds its own ``HTTPTransport`` on it) and the logger.
public struct ConnectorEnvironment: Sendable {
    public var client: HTTPClient
    public var logger: Logger
    public var clock: any TransportClock
    /// `SSL_CERT_FILE` and `SSL_CERT_DIR`, which every store's HTTPS trusts
    /// besides the system roots (see ``TransportTrust``); the process's by default.
    public var trustEnvironment: [String: String]
    /// Where tokens issued by a platform's OAuth grant are kept (the
    /// database's, so workers share them); `nil` keeps them in memory only.
    public var vault: (any CredentialVault)?
    /// `[server] public_url`: where this install's server is reached, for
    /// the links an adapter names (the page that installs a platform's app).
    public var publicURL: String?

    public init(
        client: HTTPClient, logger: Logger, clock: any TransportClock = SystemClock(),
        trustEnvironment: [String: String] = TransportTrust.processEnvironment(), vault: (any CredentialVault)? = nil,
        publicURL: String? = nil
    ) {
        self.client = client
        self.logger = logger
        self.clock = clock
        self.trustEnvironment = trustEnvironment
        self.vault = vault
        var base = publicURL
        while base?.hasSuffix("/") == true { base?.removeLast() }
        self.publicURL = base
    }

    /// What a store's HTTPS trusts: its `ca_file` plus this environment's
    /// variables; a file that cannot be read is a setup error for `store`.
    public func trust(caFile: String?, store: StoreID) throws(ConnectorSetupError) -> TransportTrust {
        do {
            return try TransportTrust(caFile: caFile, environment: trustEnvironment)
        } catch {
            throw ConnectorSetupError(store: store, message: "\(error)")
        }
    }
}

/// What a platform's adapter declares to the rest of the product: the
/// config keys it accepts (and the storefront links they imply), and how it
/// is made from a store's settings. An adapter publishes one as
/// `static let registration`; the CLI hands the schemas to the config loader
/// and the registrations to a ``ConnectorRegistry``.
public struct PlatformRegistration: Sendable {
    /// What a `[[stores]]` entry of this platform may hold.
    public var settingsSchema: StorePlatformSchema
    /// Builds the adapter for one store.
    public var makeConnector: @Sendable (ConnectorSettings, ConnectorEnvironment) throws -> any StoreConnector

    /// A registration under `settingsSchema.platform`.
    public init(
        settingsSchema: StorePlatformSchema,
        makeConnector: @escaping @Sendable (ConnectorSettings, ConnectorEnvironment) throws -> any StoreConnector
    ) {
        self.settingsSchema = settingsSchema
        self.makeConnector = makeConnector
    }

    /// The name `platform = "…"` uses in the config.
    public var platform: String { settingsSchema.platform }
}

/// The platforms this build knows, by config name. Adding a platform is one
/// registration in the list the CLI builds; nothing else switches on names.
public struct ConnectorRegistry: Sendable {
    private var registrations: [String: PlatformRegistration] = [:]
    /// Platform names in the order they were first registered.
    private var registrationOrder: [String] = []

    public init(_ registrations: [PlatformRegistration] = []) {
        for registration in registrations { register(registration) }
    }

    /// Adds or replaces a platform.
    public mutating func register(_ registration: PlatformRegistration) {
        if registrations[registration.platform] == nil { registrationOrder.append(registration.platform) }
        registrations[registration.platform] = registration
    }

    /// The registered platform names, sorted.
    public var platforms: [String] { registrations.keys.sorted() }

    /// Every platform's settings schema, in registration order (the order
    /// the example configuration lists them in).
    public var settingsSchemas: [StorePlatformSchema] {
        registrationOrder.compactMap { registrations[$0]?.settingsSchema }
    }

    /// The adapter for one store.
    ///
    /// - Throws: ``ConnectorSetupError`` when the platform is unknown or the
    ///   adapter refuses the settings.
    public func connector(for settings: ConnectorSettings, environment: ConnectorEnvironment) throws
        -> any StoreConnector
    {
        guard let registration = registrations[settings.platform] else {
            let known = platforms.joined(separator: ", ")
            throw ConnectorSetupError(
                store: settings.store,
                message: "platform \"\(settings.platform)\" has no adapter in this build (known: \(known))")
        }
        return try registration.makeConnector(settings, environment)
    }
}
