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
        var secrets: [String: Secret] = [:]
        for (key, reference) in store.secrets {
            secrets[key] = try reference.resolve(environment: environment)
        }
        self.init(
            store: store.id, platform: store.platform, timeZone: store.timeZone,
            deliveryEstimate: store.deliveryEstimate.timeInterval, values: store.settings.textValues,
            secrets: secrets)
    }
}
