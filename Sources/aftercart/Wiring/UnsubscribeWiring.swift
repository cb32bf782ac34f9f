import AftercartConfig
import AftercartEngage
import AftercartServer
import AftercartStore

/// The server's unsubscribe links, when marketing mail can carry them: a
/// `[server] public_url` to point at and a database that keeps requests.
enum UnsubscribeWiring {
    /// The endpoint for `configuration`, stores in the locale they write in
    /// (their own language, as the last `check` or sync learned it, when the
    /// config names none); `nil` without a public URL.
    static func endpoint(_ configuration: AftercartConfiguration, persistence: any Persistence) async throws
        -> UnsubscribeEndpoint?
    {
        guard let publicURL = configuration.server.publicURL, let database = persistence as? any PlannerDatabase else {
            return nil
        }
        let links = try await UnsubscribeLink.load(publicURL: publicURL, from: database)
        let applied = await StoreFactsBook.applied(to: configuration, from: persistence)
        let locales = Dictionary(applied.stores.map { ($0.id, $0.locale) }) { first, _ in first }
        return UnsubscribeEndpoint(
            links: links, requests: CustomerRequests(database: database), locale: { locales[$0] })
    }
}
