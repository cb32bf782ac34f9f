import Foundation

/// The GraphQL documents of a bulk backfill (GraphQL Admin `bulkOperationRunQuery`, and
/// `bulkOperation(id:)` from 2026-01, `currentBulkOperation` before) and their wire shapes.
enum ShopifyBulkOperations {
    static let runName = "AftercartBulkRun"
    static let run = """
        mutation AftercartBulkRun($query: String!) {
          bulkOperationRunQuery(query: $query, groupObjects: true) {
            bulkOperation { \(fields) }
            userErrors { field message code }
          }
        }
        """

    static let pollName = "AftercartBulkPoll"
    static let poll = """
        query AftercartBulkPoll($id: ID!) {
          bulkOperation(id: $id) { \(fields) }
        }
        """

    /// Before 2026-01 only the newest operation can be read.
    static let currentName = "AftercartBulkCurrent"
    static let current = """
        query AftercartBulkCurrent {
          currentBulkOperation(type: QUERY) { \(fields) }
        }
        """

    private static let fields = "id status errorCode createdAt completedAt objectCount rootObjectCount url"

    private static let money = "shopMoney { amount currencyCode }"

    /// Every order with the fields ``ShopifyBulkOrder`` reads and its line items as children.
    static let orders = """
        {
          orders {
            edges {
              node {
                id name email currencyCode
                totalPriceSet { \(money) }
                subtotalPriceSet { \(money) }
                totalLineItemsPriceSet { \(money) }
                totalDiscountsSet { \(money) }
                totalTaxSet { \(money) }
                totalShippingPriceSet { \(money) }
                displayFinancialStatus displayFulfillmentStatus
                cancelledAt closedAt createdAt updatedAt note taxesIncluded
                taxLines { title }
                discountCodes
                customer { id email firstName lastName emailMarketingConsent { marketingState } }
                fulfillments { status displayStatus createdAt updatedAt trackingInfo { company number url } }
                transactions { kind status amountSet { \(money) } }
                lineItems {
                  edges {
                    node {
                      id name title sku quantity
                      originalUnitPriceSet { \(money) }
                      product { id }
                      variant { id }
                      discountAllocations { allocatedAmountSet { \(money) } }
                    }
                  }
                }
              }
            }
          }
        }
        """

    /// Every customer with the fields ``ShopifyBulkCustomer`` reads and, when loyalty lives
    /// in metafields, those metafields inline under fixed aliases (no request per customer).
    static func customers(loyalty keys: ShopifyLoyaltyMetafields?) -> String {
        var metafields = ""
        if let keys {
            let aliased: [(String, String?)] = [
                ("points", keys.pointsKey), ("tier", keys.tierKey), ("expiresAt", keys.expiresAtKey),
                ("expiring", keys.expiringKey),
            ]
            for case (let alias, let key?) in aliased {
                metafields +=
                    "\n        \(alias): metafield(namespace: \(literal(keys.namespace)), key: \(literal(key))) { value type updatedAt }"
            }
        }
        return """
            {
              customers {
                edges {
                  node {
                    id email firstName lastName numberOfOrders
                    amountSpent { amount currencyCode }
                    createdAt updatedAt tags
                    emailMarketingConsent { marketingState }\(metafields)
                  }
                }
              }
            }
            """
    }

    /// A GraphQL string literal (JSON's escaping is GraphQL's).
    private static func literal(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A `BulkOperation`.
struct ShopifyBulkOperationWire: Sendable, Decodable {
    let id: String
    let status: String
    let errorCode: String?
    let createdAt: String?
    let completedAt: String?
    let objectCount: String?
    let rootObjectCount: String?
    let url: String?
}

struct ShopifyBulkRunVariables: Encodable, Sendable {
    let query: String
}

struct ShopifyBulkPollVariables: Encodable, Sendable {
    let id: String
}

struct ShopifyBulkNoVariables: Encodable, Sendable {}

/// `data` of ``ShopifyBulkOperations/run``.
struct ShopifyBulkRunPayload: Decodable, Sendable {
    struct Run: Decodable, Sendable {
        let bulkOperation: ShopifyBulkOperationWire?
        let userErrors: [ShopifyGraphQLUserErrorWire]
    }

    let bulkOperationRunQuery: Run
}

/// `data` of ``ShopifyBulkOperations/poll`` or ``ShopifyBulkOperations/current``.
struct ShopifyBulkPollPayload: Decodable, Sendable {
    let bulkOperation: ShopifyBulkOperationWire?
    let currentBulkOperation: ShopifyBulkOperationWire?
}
