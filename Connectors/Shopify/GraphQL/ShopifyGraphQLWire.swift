import Foundation

/// A GraphQL request body: the document and its variables.
struct ShopifyGraphQLBody<Variables: Encodable & Sendable>: Encodable, Sendable {
    let query: String
    let variables: Variables
}

/// A GraphQL Admin API answer: `data` (absent when the query did not run), top-level
/// `errors` (THROTTLED, ACCESS_DENIED, …) and `extensions.cost`.
struct ShopifyGraphQLEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    let data: Payload?
    let errors: [ShopifyGraphQLErrorWire]?
    let extensions: Extensions?

    struct Extensions: Decodable, Sendable {
        let cost: ShopifyGraphQLCostWire?
    }
}

/// `errors[]` at the top level of an answer.
struct ShopifyGraphQLErrorWire: Decodable, Sendable {
    let message: String
    let extensions: Extensions?

    struct Extensions: Decodable, Sendable {
        let code: String?
    }

    var code: String? { extensions?.code }
}

/// `extensions.cost`.
struct ShopifyGraphQLCostWire: Decodable, Sendable {
    let requestedQueryCost: Int?
    let actualQueryCost: Int?
    let throttleStatus: ThrottleStatus?

    struct ThrottleStatus: Decodable, Sendable {
        let maximumAvailable: Double
        let currentlyAvailable: Double
        let restoreRate: Double
    }

    var status: ShopifyGraphQLThrottle.Status? {
        throttleStatus.map {
            ShopifyGraphQLThrottle.Status(
                maximumAvailable: $0.maximumAvailable, currentlyAvailable: $0.currentlyAvailable,
                restoreRate: $0.restoreRate)
        }
    }
}

/// `userErrors[]` of a mutation payload: HTTP 200, the mutation did nothing.
struct ShopifyGraphQLUserErrorWire: Decodable, Sendable {
    let field: [String]?
    let message: String
    let code: String?
}

/// `MoneyV2`: a decimal string and an ISO currency code.
struct ShopifyMoneyV2Wire: Decodable, Sendable {
    let amount: String
    let currencyCode: String
}
