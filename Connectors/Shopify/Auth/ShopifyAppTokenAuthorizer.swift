import AftercartConnector
import AftercartModel

/// Sends the current token of a Dev Dashboard app (``ShopifyAppTokens``)
/// in `X-Shopify-Access-Token`, and drops it when the store refuses it so
/// the transport's one retry goes with a new one.
struct ShopifyAppTokenAuthorizer: RequestAuthorizer {
    let tokens: ShopifyAppTokens

    func authorize(_ request: inout TransportRequest) async throws {
        request.headers[ShopifyConnector.accessTokenHeader] = try await tokens.token().revealed()
    }

    /// The client secret; issued tokens never reach a log line (they live
    /// only in request headers, which are not logged).
    var secrets: [Secret] { [tokens.clientSecret] }

    func credentialsRejected(_ request: TransportRequest) async -> Bool {
        await tokens.rejected(request.headers[ShopifyConnector.accessTokenHeader])
    }
}
