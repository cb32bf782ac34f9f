public import AftercartModel
public import Foundation

/// The validated contents of `config/aftercart.toml` and
/// `config/campaigns/*.toml`.
///
/// Load it with ``load(path:environment:platforms:secrets:)``: either every
/// value is valid, or a ``ConfigurationError`` lists every problem with
/// `file:line`, what is wrong and an example of right.
public struct AftercartConfiguration: Sendable {
    /// The config file as given (`config/aftercart.toml`).
    public var file: String
    /// The folder holding it; campaign files, templates and secret files are relative to it.
    public var directory: URL
    /// `[database]` (default SQLite).
    public var database: DatabaseConfiguration
    /// `[[stores]]`, in file order.
    public var stores: [StoreConfiguration]
    /// `[delivery]` (default: files in `data/outbox`).
    public var delivery: DeliveryConfiguration
    /// `[[campaigns]]` of the main file, then those of `campaigns/*.toml` by file name.
    public var campaigns: [CampaignConfiguration]
    /// `[engage]` (caps, quiet hours).
    public var engage: EngageSettings
    /// `[server]`.
    public var server: ServerSettings
    /// `[report]` (the outcomes report's attribution window).
    public var report = ReportSettings()
    /// Things that load but deserve a fix (inline secrets, no consent source…).
    public var warnings: [ConfigurationProblem]

    /// Creates a configuration directly (tests, `aftercart demo`).
    public init(
        file: String = "", directory: URL = URL(fileURLWithPath: "."),
        database: DatabaseConfiguration = DatabaseConfiguration(), stores: [StoreConfiguration] = [],
        delivery: DeliveryConfiguration = DeliveryConfiguration(), campaigns: [CampaignConfiguration] = [],
        engage: EngageSettings = EngageSettings(), server: ServerSettings = ServerSettings(),
        warnings: [ConfigurationProblem] = []
    ) {
        self.file = file
        self.directory = directory
        self.database = database
        self.stores = stores
        self.delivery = delivery
        self.campaigns = campaigns
        self.engage = engage
        self.server = server
        self.warnings = warnings
    }

    /// `config/aftercart.toml`.
    public static let defaultPath = "config/aftercart.toml"

    /// The config path when `--config` is not given: `AFTERCART_CONFIG`, else ``defaultPath``.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["AFTERCART_CONFIG"], !path.isEmpty { return path }
        return defaultPath
    }

    /// When secret values are read.
    public enum SecretResolution: Sendable {
        /// Check references only (and secret files' presence and mode);
        /// read values later with ``secretProblems(environment:store:)`` or
        /// ``ConfiguredSecret/resolve(environment:)``. What `check` uses, so
        /// a fresh copy of the example validates before its variables exist.
        case deferred
        /// Also read every secret; an unset variable is a load error. What
        /// `sync` and `run` use, so they never start half-configured.
        case required
    }

    /// Reads, parses and validates the config file and its campaign files.
    ///
    /// - Parameters:
    ///   - path: the config file; messages name files relative to how this is written.
    ///   - environment: variables for `{ env = … }` secrets (only read with `.required`).
    ///   - platforms: the store platforms and their keys, as the adapters declare them.
    ///   - secrets: whether secret values must resolve now.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public static func load(
        path: String = defaultPath,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        platforms: StorePlatformRegistry,
        secrets: SecretResolution = .deferred
    ) throws(ConfigurationError) -> AftercartConfiguration {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ConfigurationError(problems: [
                ConfigurationProblem(
                    file: path, line: nil,
                    message: exists
                        ? "the config file cannot be read (check its permissions)."
                        : "the config file does not exist; create one with 'aftercart init' or pass --config PATH.",
                    example: exists ? nil : "aftercart init")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(problems: [
                ConfigurationProblem(
                    file: path, line: nil, message: "the config file is not UTF-8 text.")
            ])
        }
        return try parse(
            text, file: path, directory: url.deletingLastPathComponent(), environment: environment,
            platforms: platforms, secrets: secrets)
    }

    /// Validates config text that did not come from ``load(path:environment:platforms:secrets:)``.
    ///
    /// `directory` is where campaign files and relative secret files are
    /// looked up; pass `loadCampaignFiles: false` to ignore `campaigns/`.
    public static func parse(
        _ text: String, file: String, directory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        platforms: StorePlatformRegistry, secrets: SecretResolution = .deferred,
        loadCampaignFiles: Bool = true
    ) throws(ConfigurationError) -> AftercartConfiguration {
        let loader = ConfigurationLoader(
            displayPath: file, directory: directory, platforms: platforms, loadCampaignFiles: loadCampaignFiles)
        let configuration = loader.load(text: text)
        var errors = loader.diagnostics.errors
        if let configuration, secrets == .required {
            errors += configuration.secretProblems(environment: environment)
        }
        let warnings = loader.diagnostics.warnings.sortedForReading()
        guard errors.isEmpty, var configuration else {
            throw ConfigurationError(problems: errors.sortedForReading(), warnings: warnings, partial: configuration)
        }
        configuration.warnings = warnings
        return configuration
    }

    /// The store named `name` (as `--store` gives it).
    public func store(named name: String) -> StoreConfiguration? {
        stores.first { $0.name == name }
    }

    /// The campaigns that run for `store`.
    public func campaigns(for store: StoreID) -> [CampaignConfiguration] {
        campaigns.filter { $0.applies(to: store) }
    }

    /// Where `template = "x"` files live: `templates/` next to the config.
    public var templatesDirectory: URL {
        directory.appendingPathComponent("templates", isDirectory: true)
    }

    /// Every secret reference: each store's (or only `store`'s), the
    /// database password, the delivery secrets and the dashboard's, in file order.
    public func secretReferences(store: String? = nil) -> [ConfiguredSecret] {
        var found: [ConfiguredSecret] = []
        for entry in stores where store == nil || entry.name == store {
            found += entry.secrets.values.sorted { ($0.line ?? 0, $0.keyPath) < ($1.line ?? 0, $1.keyPath) }
        }
        if store == nil {
            found += [database.password, delivery.smtpPassword, delivery.webhookSecret].compactMap { $0 }
            found += [server.adminToken, server.adminPassword, server.linkSecret].compactMap { $0 }
        }
        return found
    }

    /// Every secret that would not resolve now (unset or empty variable,
    /// missing or group-readable file), each with its file and line.
    public func secretProblems(
        environment: [String: String] = ProcessInfo.processInfo.environment, store: String? = nil
    ) -> [ConfigurationProblem] {
        secretReferences(store: store).compactMap { $0.resolutionProblem(environment: environment) }
    }
}
