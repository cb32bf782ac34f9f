public import AftercartConnector
public import AftercartModel
public import Foundation

/// One Scratch store's settings, read from the keys
/// ``ScratchConnector/settingsSchema`` declares.
public struct ScratchStoreSettings: Sendable {
    public var store: StoreID
    /// The shop's address, without a trailing slash.
    public var baseURL: String
    public var apiKey: Secret
    /// How far before the stored cursor an incremental read starts.
    public var lookback: TimeInterval

    public init(_ settings: ConnectorSettings) throws(ConnectorSetupError) {
        guard let baseURL = settings.string("base_url") else {
            throw ConnectorSetupError(store: settings.store, message: "base_url is not set")
        }
        self.store = settings.store
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = try settings.requiredSecret("api_key")
        self.lookback = settings.seconds("lookback") ?? 300
    }
}
