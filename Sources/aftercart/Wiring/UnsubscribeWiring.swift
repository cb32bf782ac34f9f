import AftercartConfig
import AftercartEngage
import AftercartServer
import AftercartStore

/// The server's unsubscribe links, when marketing mail can carry them: a
/// `[server] public_url` to point at and a database that keeps requests.
enum UnsubscribeWiring {
    /// The endpoint for `configuration`, already applied the stores' facts
    /// (``StoreFactsBook/applied(to:from:)``), so each store's page speaks
    /// the locale it writes in under the name it signs with; `nil` without a public URL.
    static func endpoint(_ configuration: AftercartConfiguration, persistence: any Persistence) async throws
        -> UnsubscribeEndpoint?
    {
        guard let publicURL = configuration.server.publicURL, let database = persistence as? any PlannerDatabase else {
            return nil
        }
        let links = try await UnsubscribeLink.load(
            publicURL: publicURL, linkSecret: configuration.server.linkSecret, from: database)
        let shops = Dictionary(
            configuration.stores.map {
                ($0.id, UnsubscribeShop(locale: $0.locale, name: $0.displayName, contact: $0.sender.contact))
            }
        ) { first, _ in first }
        return UnsubscribeEndpoint(
            links: links, requests: CustomerRequests(database: database), shop: { shops[$0] })
    }
}
