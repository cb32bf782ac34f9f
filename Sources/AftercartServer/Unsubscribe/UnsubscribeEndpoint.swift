public import AftercartEngage
public import AftercartModel
import AftercartStore
public import Foundation

/// What the server needs to take the way out of marketing mail at
/// `/unsubscribe/{token}`: the install's link signer (which checks tokens),
/// where requests are recorded, and how each store's page reads.
public struct UnsubscribeEndpoint: Sendable {
    /// Checks the token of a link.
    public var links: UnsubscribeLink
    /// Records the unsubscribe and cancels the marketing waiting for it.
    public var requests: CustomerRequests
    /// How a store's page reads (its locale, name and contact), `nil` for
    /// a store that is not configured (its links are refused).
    public var shop: @Sendable (StoreID) -> UnsubscribeShop?
    /// The clock stamped on the request.
    public var now: @Sendable () -> Date

    public init(
        links: UnsubscribeLink, requests: CustomerRequests, shop: @escaping @Sendable (StoreID) -> UnsubscribeShop?,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.links = links
        self.requests = requests
        self.shop = shop
        self.now = now
    }

    /// What a request for `token` comes to.
    enum Answer: Equatable {
        /// A page asking to confirm (GET): nothing recorded yet.
        case confirm(UnsubscribeShop, email: String)
        /// The unsubscribe is recorded (POST, a person's button or a mail client's one-click).
        case done(UnsubscribeShop, email: String)
        /// Not a token this install signed, or a store no longer configured.
        case notFound
    }

    /// A GET shows the question; a POST records the answer at once, as
    /// RFC 8058 asks of a one-click POST (no page, no second step).
    func answer(token: String, post: Bool) async throws -> Answer {
        guard let (store, email) = links.verify(token), let shop = shop(store) else { return .notFound }
        guard post else { return .confirm(shop, email: email) }
        _ = try await requests.record(.unsubscribed, store: store, email: email, now: now())
        return .done(shop, email: email)
    }
}

/// What an unsubscribe page says about the shop it belongs to: the page
/// speaks the shop's locale and is headed by the name its mail is signed
/// with, so a customer sees whose list they are leaving.
public struct UnsubscribeShop: Sendable, Hashable {
    /// The locale the shop writes to its customers in (`ja-JP`).
    public var locale: String
    /// The name that signs the shop's mail (`StoreConfiguration.displayName`).
    public var name: String
    /// Where to ask questions (`contact`), shown under the answer when set.
    public var contact: String?

    public init(locale: String, name: String, contact: String? = nil) {
        self.locale = locale
        self.name = name
        self.contact = contact
    }
}
