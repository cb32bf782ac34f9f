import AftercartConfig
import AftercartEngage
import AftercartServer
import AftercartStore

/// The server's order-status pages, when order emails can link to them:
/// a `[server] public_url` and a database that keeps orders and counts views.
enum OrderPageWiring {
    /// The endpoint for `configuration`, already applied the stores' facts
    /// (each page speaks its store's locale and zone); `nil` without a public URL.
    static func endpoint(_ configuration: AftercartConfiguration, persistence: any Persistence) async throws
        -> OrderPageEndpoint?
    {
        guard let publicURL = configuration.server.publicURL,
            let database = persistence as? any PlannerDatabase & OrderPageViewStore
        else { return nil }
        let service = OrderPageService(
            links: try await OrderPageLink.load(
                publicURL: publicURL, linkSecret: configuration.server.linkSecret, from: database), database: database,
            configuration: configuration)
        return OrderPageEndpoint(
            page: { token in try await service.page(token: token) },
            notFound: { locale in OrderPageNotFound.html(locale: locale) })
    }
}
