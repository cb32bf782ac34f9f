import Foundation

/// `POST /admin/api/{version}/graphql.json`, for the operations the adapter sends: customers
/// with their store credit accounts, `storeCreditAccountCredit`, `storeCreditAccountDebit`,
/// `customerEmailMarketingConsentUpdate`, `discountCodeBasicCreate` and `discountCodeFreeShippingCreate`.
/// Operations are recognised by the fields they select; anything else is answered with
/// the error Shopify gives an unknown field.
///
/// Cost accounting follows Shopify's calculated query cost: the requested cost must be
/// available in the bucket or the query is refused with `THROTTLED` (HTTP 200, no `data`);
/// the part of the requested cost the result did not use is refunded; every answer carries
/// `extensions.cost` with the `throttleStatus`. A query above the single-query maximum
/// (1,000) is refused with `MAX_COST_EXCEEDED`.
extension ShopifyEmulator {
    /// Shopify's limit on one query's requested cost.
    static let maxSingleQueryCost = 1_000
    /// What a mutation costs.
    static let mutationCost = 10

    /// The outcome of executing an operation: `data` to write, the actual cost, or errors.
    struct GraphQLResult {
        var data: ((inout JSONWriter) -> Void)?
        var actualCost: Int
        var errors: [(message: String, code: String)] = []
    }

    func graphQL(_ req: MockRequest) -> MockResponse {
        guard req.method == "POST" else { return Self.notFound() }
        guard let body = req.json, let query = body["query"]?.text, !query.isEmpty else {
            return Self.errors(400, "Bad Request: the body must be JSON with a \"query\" string")
        }
        let operation = ShopifyGraphQLOperationText(text: query, variables: body["variables"]?.object ?? [:])
        if let bulk = bulkGraphQL(req, operation) { return bulk }
        let kind: StoreCreditOperation
        if operation.selects("discountCodeBasicCreate") {
            kind = .discountCreate
        } else if operation.selects("discountCodeFreeShippingCreate") {
            kind = .freeShippingDiscountCreate
        } else if operation.selects("customerEmailMarketingConsentUpdate") {
            kind = .emailMarketingConsent
        } else if operation.selects("storeCreditAccountCredit") {
            kind = .credit
        } else if operation.selects("storeCreditAccountDebit") {
            kind = .debit
        } else if operation.selects("customers") && operation.selects("storeCreditAccounts") {
            kind = .read
        } else {
            return graphQLErrors(
                [
                    (
                        "This emulator answers only customers { storeCreditAccounts }, storeCreditAccountCredit, storeCreditAccountDebit, customerEmailMarketingConsentUpdate, discountCodeBasicCreate and discountCodeFreeShippingCreate",
                        "undefinedField"
                    )
                ], requested: 0)
        }
        for scope in kind.scopes where !ShopifyAccessScopeGate.grants(scope, in: grantedScopes) {
            return graphQLErrors(
                [("Access denied for \(kind.field) field. Required access: `\(scope)` access scope.", "ACCESS_DENIED")],
                requested: 0)
        }
        let requested: Int
        switch kind {
        case .read:
            switch storeCreditReadCost(operation) {
            case .success(let cost): requested = cost
            case .failure(let error): return graphQLErrors([(error.message, "BAD_REQUEST")], requested: 0)
            }
        case .credit, .debit, .emailMarketingConsent, .discountCreate, .freeShippingDiscountCreate:
            requested = Self.mutationCost
        }
        if requested > Self.maxSingleQueryCost {
            return graphQLErrors(
                [
                    (
                        "Query cost is \(requested), which exceeds the single query max cost limit (\(Self.maxSingleQueryCost)).",
                        "MAX_COST_EXCEEDED"
                    )
                ], requested: requested)
        }
        guard graphQLBucket.take(requested) else {
            return graphQLErrors([("Throttled", "THROTTLED")], requested: requested, actual: nil)
        }
        let result: GraphQLResult
        switch kind {
        case .read: result = readStoreCredit(operation)
        case .credit: result = postStoreCredit(operation, debit: false)
        case .debit: result = postStoreCredit(operation, debit: true)
        case .emailMarketingConsent: result = updateEmailMarketingConsent(operation)
        case .discountCreate: result = createCodeDiscount(operation, variant: .basic)
        case .freeShippingDiscountCreate: result = createCodeDiscount(operation, variant: .freeShipping)
        }
        graphQLBucket.refund(requested - result.actualCost)
        if !result.errors.isEmpty {
            return graphQLErrors(result.errors, requested: requested, actual: result.actualCost)
        }
        var w = JSONWriter(style: .plain, capacity: 4_096)
        w.beginObject()
        w.key("data")
        if let data = result.data { data(&w) } else { w.null() }
        writeCost(&w, requested: requested, actual: result.actualCost)
        w.endObject()
        return .json(200, w)
    }

    /// A mutation's refusal as Shopify words it: `data.<field>` with `<node>`
    /// null and one `userErrors` entry.
    func mutationUserErrors(_ field: String, node: String, path: [String], message: String, code: String)
        -> GraphQLResult
    {
        GraphQLResult(
            data: { w in
                w.beginObject()
                w.key(field)
                w.beginObject()
                w.key(node)
                w.null()
                w.key("userErrors")
                w.beginArray()
                w.beginObject()
                w.key("field")
                w.beginArray()
                for part in path { w.string(part) }
                w.endArray()
                w.field("message", message)
                w.field("code", code)
                w.endObject()
                w.endArray()
                w.endObject()
                w.endObject()
            }, actualCost: Self.mutationCost)
    }

    /// Top-level `errors` (HTTP 200, as Shopify answers query-level problems) with the cost.
    func graphQLErrors(_ errors: [(message: String, code: String)], requested: Int, actual: Int? = 0) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 512)
        w.beginObject()
        w.key("errors")
        w.beginArray()
        for error in errors {
            w.beginObject()
            w.field("message", error.message)
            w.key("extensions")
            w.beginObject()
            w.field("code", error.code)
            w.field("documentation", "https://shopify.dev/api/usage/rate-limits")
            w.endObject()
            w.endObject()
        }
        w.endArray()
        writeCost(&w, requested: requested, actual: actual)
        w.endObject()
        return .json(200, w)
    }

    func writeCost(_ w: inout JSONWriter, requested: Int, actual: Int?) {
        let status = graphQLBucket.status()
        w.key("extensions")
        w.beginObject()
        w.key("cost")
        w.beginObject()
        w.field("requestedQueryCost", requested)
        w.field("actualQueryCost", actual)
        w.key("throttleStatus")
        w.beginObject()
        w.key("maximumAvailable")
        w.number(Self.decimalText(status.maximumAvailable))
        w.key("currentlyAvailable")
        w.number(Self.decimalText(status.currentlyAvailable))
        w.key("restoreRate")
        w.number(Self.decimalText(status.restoreRate))
        w.endObject()
        w.endObject()
        w.endObject()
    }

    /// `1000.0`, as Shopify prints the throttle figures.
    static func decimalText(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) + ".0" : String(value)
    }
}

/// The GraphQL operations the emulator recognises.
enum StoreCreditOperation {
    case read, credit, debit, emailMarketingConsent, discountCreate, freeShippingDiscountCreate

    var field: String {
        switch self {
        case .read: "storeCreditAccounts"
        case .credit: "storeCreditAccountCredit"
        case .debit: "storeCreditAccountDebit"
        case .emailMarketingConsent: "customerEmailMarketingConsentUpdate"
        case .discountCreate: "discountCodeBasicCreate"
        case .freeShippingDiscountCreate: "discountCodeFreeShippingCreate"
        }
    }

    var scopes: [String] {
        switch self {
        case .read: ["read_customers", "read_store_credit_accounts", "read_store_credit_account_transactions"]
        case .credit, .debit: ["write_store_credit_account_transactions"]
        case .emailMarketingConsent: ["write_customers"]
        case .discountCreate, .freeShippingDiscountCreate: ["write_discounts"]
        }
    }
}
