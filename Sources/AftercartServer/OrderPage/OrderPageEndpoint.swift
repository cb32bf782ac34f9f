import Foundation

/// What the server needs to answer `GET /o/{token}`: a function that turns
/// a token into the order's page, or `nil` when the token is not one this
/// install made or its order is unknown (both answered 404 alike, so a
/// visitor learns nothing about which).
public struct OrderPageEndpoint: Sendable {
    /// The page's HTML for `token`, `nil` for 404. Counting the view is the
    /// function's business.
    public var page: @Sendable (_ token: String) async throws -> String?
    /// The short page a bad link gets, in the visitor's locale (`ja-JP` or `en-US`).
    public var notFound: @Sendable (_ locale: String) -> String

    public init(
        page: @escaping @Sendable (_ token: String) async throws -> String?,
        notFound: @escaping @Sendable (_ locale: String) -> String
    ) {
        self.page = page
        self.notFound = notFound
    }
}
