import AftercartConnector
import AftercartModel

/// Refusing, before any request, what a missing access scope switched off.
extension ShopifyConnector {
    /// Learns the granted scopes once per connector (``check()`` refreshes them).
    func ensureScopes() async throws {
        if grantedScopes.knowledge == .unknown { try await learnScopes() }
    }

    /// Throws ``ConnectorError/unsupported(operation:_:)`` naming the scope when reading
    /// `resource` needs one the token lacks.
    func requireReadable(_ resource: ResourceKind) async throws {
        try await ensureScopes()
        guard let granted = grantedScopes.granted,
            let scope = ShopifyAccessScopes.scope(
                disablingRead: resource, granted: granted, loyalty: settings.loyalty,
                graphQLDiscounts: settings.createsDiscountsThroughGraphQL)
        else { return }
        throw ConnectorError.unsupported(
            operation: "reading \(resource) (the access token lacks scope \(scope); \(Self.grantAdvice))",
            ErrorContext(store: store, resource: resource.rawValue, platform: platform))
    }

    /// Throws ``ConnectorError/unsupported(operation:_:)`` naming the scope when `writes`
    /// (or a loyalty write) needs one the token lacks.
    func requireWritable(
        _ writes: ConnectorCapabilities.Writes, loyalty: ConnectorCapabilities.Loyalty = [], operation: String,
        resource: String
    ) async throws {
        try await ensureScopes()
        guard let granted = grantedScopes.granted,
            let scope = ShopifyAccessScopes.scope(
                disabling: writes, loyalty: loyalty, granted: granted, loyalty: settings.loyalty,
                graphQLDiscounts: settings.createsDiscountsThroughGraphQL)
        else { return }
        throw ConnectorError.unsupported(
            operation: "\(operation) (the access token lacks scope \(scope); \(Self.grantAdvice))",
            ErrorContext(store: store, resource: resource, platform: platform))
    }

    private static let grantAdvice =
        "add it to the custom app's Admin API scopes in the Shopify admin, reinstall the app and run aftercart check"
}
