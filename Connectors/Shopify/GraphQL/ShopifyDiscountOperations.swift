import Foundation

/// The GraphQL documents that create a code discount
/// (`discountCodeBasicCreate`, or `discountCodeFreeShippingCreate` for free
/// shipping; scope `write_discounts`, with `context` from API 2025-10, which
/// replaced `customerSelection`), and their wire shapes.
enum ShopifyDiscountOperations {
    static let createName = "AftercartDiscountCodeCreate"
    static let create = """
        mutation AftercartDiscountCodeCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
          discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field message code }
          }
        }
        """

    static let createFreeShippingName = "AftercartFreeShippingCodeCreate"
    static let createFreeShipping = """
        mutation AftercartFreeShippingCodeCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
          discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field message code }
          }
        }
        """

    struct Variables: Encodable, Sendable {
        let basicCodeDiscount: Input
    }

    struct FreeShippingVariables: Encodable, Sendable {
        let freeShippingCodeDiscount: Input
    }

    /// `DiscountCodeBasicInput` (with ``customerGets``) or
    /// `DiscountCodeFreeShippingInput` (with ``destination``): the fields
    /// left `nil` are not sent.
    struct Input: Encodable, Sendable {
        let title: String
        let code: String
        /// ISO 8601.
        let startsAt: String
        let endsAt: String?
        let context: Context
        let customerGets: CustomerGets?
        /// Free shipping to every country, any shipping price.
        let destination: Destination?
        let usageLimit: Int?
        let appliesOncePerCustomer: Bool

        struct Destination: Encodable, Sendable {
            let all: Bool
        }
    }

    /// Who may use the code: some customers (`customers.add`, GIDs) or everyone (`all: ALL`).
    struct Context: Encodable, Sendable {
        let all: String?
        let customers: Customers?

        struct Customers: Encodable, Sendable {
            let add: [String]
        }
    }

    struct CustomerGets: Encodable, Sendable {
        let value: Value
        let items: Items
    }

    /// One of `percentage` (0…1) or `discountAmount`.
    struct Value: Encodable, Sendable {
        let percentage: Decimal?
        let discountAmount: Amount?

        struct Amount: Encodable, Sendable {
            /// A decimal string in the shop's currency.
            let amount: String
            /// `true`: the amount comes off each item; `false`: once across the order.
            let appliesOnEachItem: Bool
        }
    }

    struct Items: Encodable, Sendable {
        let all: Bool
    }
}

/// `data` of ``ShopifyDiscountOperations/create`` or ``ShopifyDiscountOperations/createFreeShipping``.
struct ShopifyDiscountCreateWire: Decodable, Sendable {
    let payload: Payload

    private enum CodingKeys: String, CodingKey {
        case discountCodeBasicCreate, discountCodeFreeShippingCreate
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        payload =
            try container.decodeIfPresent(Payload.self, forKey: .discountCodeBasicCreate)
            ?? container.decode(Payload.self, forKey: .discountCodeFreeShippingCreate)
    }

    struct Payload: Decodable, Sendable {
        let codeDiscountNode: Node?
        let userErrors: [ShopifyGraphQLUserErrorWire]
    }

    struct Node: Decodable, Sendable {
        let id: String
    }
}
