public import AftercartConfig
public import AftercartModel
public import AftercartStore
public import Foundation

/// The link to an order's status page: the server's public address, `/o/`,
/// and a ``SealedToken`` of the store and the order id under the install's
/// own key, so a customer can open their order without logging in and
/// nobody can guess or change the order a link shows.
///
/// The key is the install's, kept in the database (as the unsubscribe and
/// coupon secrets are), so the planner writing links and the server
/// answering them always agree, and a merchant has no setting to forget.
public struct OrderPageLink: Sendable {
    /// Where links point: `[server] public_url`.
    public var publicURL: URL
    private let sealer: SealedToken

    /// The path prefix of order pages on the server.
    public static let path = "/o/"

    public init(publicURL: URL, secret: String) {
        self.publicURL = publicURL
        self.sealer = SealedToken(secret: secret)
    }

    /// The links of this install, under `[server] link_secret` when set,
    /// else the install's key read from (or, on first use, created in)
    /// `database` (``LinkSecret``).
    public static func load(publicURL: URL, linkSecret: ConfiguredSecret?, from database: any PlanningStore)
        async throws -> OrderPageLink
    {
        let secret = try await LinkSecret.key(for: "order-page", configured: linkSecret, database: database)
        return OrderPageLink(publicURL: publicURL, secret: secret)
    }

    /// The token for order `orderID` of `store`.
    public func token(store: StoreID, orderID: String) -> String {
        sealer.seal([store.rawValue, orderID])
    }

    /// The whole link for order `orderID` of `store`.
    public func url(store: StoreID, orderID: String) -> String {
        SealedToken.link(publicURL, path: Self.path, token: token(store: store, orderID: orderID))
    }

    /// The store and order a token names, or `nil` when this install did
    /// not make it.
    public func verify(_ token: String) -> (store: StoreID, orderID: String)? {
        guard let fields = sealer.open(token, fields: 2) else { return nil }
        return (StoreID(fields[0]), fields[1])
    }
}
