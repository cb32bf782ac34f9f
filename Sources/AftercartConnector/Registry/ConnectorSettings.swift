public import AftercartModel
public import Foundation

/// One store's configuration as an adapter receives it: validated by the
/// config layer, secrets already resolved, platform keys by name.
///
/// Values are flat: a nested table such as `loyalty = { source = "…" }`
/// arrives as `loyalty.source`. Durations arrive in seconds.
public struct ConnectorSettings: Sendable {
    /// The store's config name.
    public var store: StoreID
    /// The platform name the store's config names (`woocommerce`).
    public var platform: String
    /// The store's time zone, for site-local dates and scheduling.
    public var timeZone: TimeZone
    /// How long after shipping a parcel counts as delivered when the
    /// platform never says.
    public var deliveryEstimate: TimeInterval
    /// Platform keys other than secrets, as text.
    public var values: [String: String]
    /// Resolved secrets by key (`consumer_secret`).
    public var secrets: [String: Secret]

    public init(
        store: StoreID, platform: String, timeZone: TimeZone = .gmt, deliveryEstimate: TimeInterval = 5 * 86_400,
        values: [String: String] = [:], secrets: [String: Secret] = [:]
    ) {
        self.store = store
        self.platform = platform
        self.timeZone = timeZone
        self.deliveryEstimate = deliveryEstimate
        self.values = values
        self.secrets = secrets
    }

    /// The text of `key`, if set and not empty.
    public func string(_ key: String) -> String? {
        guard let value = values[key], !value.isEmpty else { return nil }
        return value
    }

    /// `key` as a whole number.
    public func integer(_ key: String) -> Int? { string(key).flatMap { Int($0) } }

    /// `key` as a Boolean (`true`/`false`, `yes`/`no`, `1`/`0`).
    public func bool(_ key: String) -> Bool? {
        switch string(key)?.lowercased() {
        case "true", "yes", "1": true
        case "false", "no", "0": false
        default: nil
        }
    }

    /// `key` as an absolute URL.
    public func url(_ key: String) -> URL? {
        guard let text = string(key), let url = URL(string: text), url.scheme != nil else { return nil }
        return url
    }

    /// `key` as seconds (durations arrive as seconds).
    public func seconds(_ key: String) -> TimeInterval? { string(key).flatMap { TimeInterval($0) } }

    /// The secret `key`, or a ``ConnectorError/unsupported(operation:_:)``-free
    /// configuration error naming it.
    public func requiredSecret(_ key: String) throws(ConnectorSetupError) -> Secret {
        guard let secret = secrets[key], !secret.isEmpty else {
            throw ConnectorSetupError(store: store, message: "\(key) is not set; add it to the store's config")
        }
        return secret
    }
}

/// A store whose settings an adapter cannot work with. The config layer
/// catches most of these first; this is the adapter's own last word.
public struct ConnectorSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var store: StoreID
    public var message: String

    public init(store: StoreID, message: String) {
        self.store = store
        self.message = message
    }

    public var description: String { "\(store): \(message)" }
}
