public import AsyncHTTPClient
public import Logging

/// What every adapter of a process shares: one `HTTPClient` (one connection
/// pool; each adapter builds its own ``HTTPTransport`` on it) and the logger.
public struct ConnectorEnvironment: Sendable {
    public var client: HTTPClient
    public var logger: Logger
    public var clock: any TransportClock

    public init(client: HTTPClient, logger: Logger, clock: any TransportClock = SystemClock()) {
        self.client = client
        self.logger = logger
        self.clock = clock
    }
}

/// How a platform's adapter is made from a store's settings; an adapter
/// publishes one as `static let registration`.
public struct PlatformRegistration: Sendable {
    /// The name `platform = "…"` uses in the config.
    public var platform: String
    /// Builds the adapter for one store.
    public var makeConnector: @Sendable (ConnectorSettings, ConnectorEnvironment) throws -> any StoreConnector

    public init(
        platform: String,
        makeConnector: @escaping @Sendable (ConnectorSettings, ConnectorEnvironment) throws -> any StoreConnector
    ) {
        self.platform = platform
        self.makeConnector = makeConnector
    }
}

/// The platforms this build knows, by config name. Adding a platform is one
/// registration in the list the CLI builds; nothing else switches on names.
public struct ConnectorRegistry: Sendable {
    private var registrations: [String: PlatformRegistration] = [:]

    public init(_ registrations: [PlatformRegistration] = []) {
        for registration in registrations { register(registration) }
    }

    /// Adds or replaces a platform.
    public mutating func register(_ registration: PlatformRegistration) {
        registrations[registration.platform] = registration
    }

    /// The registered platform names, sorted.
    public var platforms: [String] { registrations.keys.sorted() }

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
