import AftercartConnector

/// The platforms this build can talk to: one line per adapter.
enum Platforms {
    static let registry = ConnectorRegistry([])
}
