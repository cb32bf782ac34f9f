import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import Foundation

/// The order-status pages of the demo's stores: one link per store (its
/// newest confirmed order) and the command that serves them.
enum DemoOrderPages {
    /// `store: link` for the newest order each store sent a shipping update
    /// for (its page has the most to show), else a confirmation.
    static func links(configuration: AftercartConfiguration, persistence: SQLitePersistence) async throws
        -> [(store: StoreID, url: String)]
    {
        guard let publicURL = configuration.server.publicURL else { return [] }
        let links = try await OrderPageLink.load(
            publicURL: publicURL, linkSecret: configuration.server.linkSecret, from: persistence)
        let sent = try await persistence.outboxEntries(in: .done, limit: 10_000)
        return configuration.stores.compactMap { store in
            let mine = sent.filter { $0.store == store.id && $0.subjectKind == .orders }
            let shipped = mine.filter { $0.campaign == "shipping-updates" }
            let confirmed = mine.filter { $0.campaign == "order-confirmation" }
            guard let newest = (shipped.isEmpty ? confirmed : shipped).max(by: { $0.id < $1.id }) else { return nil }
            return (store.id, links.url(store: store.id, orderID: newest.subjectID))
        }
    }

    /// The demo config's secrets, which nothing checks once its emulators
    /// are gone, so `serve` can start on the config as written.
    static let environment = [
        "DEMO_WOO_KEY": "demo", "DEMO_WOO_SECRET": "demo", "DEMO_SHOPIFY_TOKEN": "demo", "DEMO_ADMIN_PASSWORD": "demo",
    ]

    /// The port of `publicURL` (the demo serves where its links point).
    static func port(of publicURL: URL) -> Int { publicURL.port ?? 8080 }
}
