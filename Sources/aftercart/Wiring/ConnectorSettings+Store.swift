import AftercartConfig
import AftercartConnector
import AftercartModel
import Foundation

extension ConnectorSettings {
    /// The adapter's view of one configured store: values flattened to
    /// text (`loyalty.source`), durations in seconds, secrets resolved.
    ///
    /// - Throws: ``ConfigurationError`` naming the first secret that does
    ///   not resolve (callers load the config with `.required` first, so
    ///   this is a race with the environment or a file changing).
    init(_ store: StoreConfiguration, environment: [String: String]) throws(ConfigurationError) {
        var values: [String: String] = [:]
        var secrets: [String: Secret] = [:]
        try Self.flatten(store.settings, prefix: "", environment: environment, values: &values, secrets: &secrets)
        self.init(
            store: store.id, platform: store.platform, timeZone: store.timeZone,
            deliveryEstimate: store.deliveryEstimate.timeInterval, values: values, secrets: secrets)
    }

    private static func flatten(
        _ settings: StoreSettings, prefix: String, environment: [String: String], values: inout [String: String],
        secrets: inout [String: Secret]
    ) throws(ConfigurationError) {
        for (key, setting) in settings.values {
            let name = prefix + key
            switch setting {
            case .string(let text): values[name] = text
            case .integer(let number): values[name] = String(number)
            case .bool(let flag): values[name] = flag ? "true" : "false"
            case .url(let url): values[name] = url.absoluteString
            case .duration(let duration): values[name] = String(duration.seconds)
            case .secret(let reference): secrets[name] = try reference.resolve(environment: environment)
            case .table(let nested):
                try flatten(nested, prefix: name + ".", environment: environment, values: &values, secrets: &secrets)
            }
        }
    }
}
