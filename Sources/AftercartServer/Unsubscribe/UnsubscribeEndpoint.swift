public import AftercartEngage
public import AftercartModel
import AftercartStore
public import Foundation

/// What the server needs to take the way out of marketing mail at
/// `/unsubscribe/{token}`: the install's link signer (which checks tokens),
/// where requests are recorded, and each store's locale for the page.
public struct UnsubscribeEndpoint: Sendable {
    /// Checks the token of a link.
    public var links: UnsubscribeLink
    /// Records the unsubscribe and cancels the marketing waiting for it.
    public var requests: CustomerRequests
    /// The locale a store writes to its customers in (`ja-JP`), `nil` for a
    /// store that is not configured (its links are refused).
    public var locale: @Sendable (StoreID) -> String?
    /// The clock stamped on the request.
    public var now: @Sendable () -> Date

    public init(
        links: UnsubscribeLink, requests: CustomerRequests, locale: @escaping @Sendable (StoreID) -> String?,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.links = links
        self.requests = requests
        self.locale = locale
        self.now = now
    }

    /// What a request for `token` comes to.
    enum Answer: Equatable {
        /// A page asking to confirm (GET): nothing recorded yet.
        case confirm(locale: String, email: String)
        /// The unsubscribe is recorded (POST, a person's button or a mail client's one-click).
        case done(locale: String, email: String)
        /// Not a token this install signed, or a store no longer configured.
        case notFound
    }

    /// A GET shows the question; a POST records the answer at once, as
    /// RFC 8058 asks of a one-click POST (no page, no second step).
    func answer(token: String, post: Bool) async throws -> Answer {
        guard let (store, email) = links.verify(token), let locale = locale(store) else { return .notFound }
        guard post else { return .confirm(locale: locale, email: email) }
        _ = try await requests.record(.unsubscribed, store: store, email: email, now: now())
        return .done(locale: locale, email: email)
    }
}
