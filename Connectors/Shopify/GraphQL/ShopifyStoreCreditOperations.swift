import Foundation

/// The GraphQL documents of the store credit loyalty source and their wire shapes
/// (GraphQL Admin API 2024-07 and later: `storeCreditAccountCredit`, `storeCreditAccountDebit`).
enum ShopifyStoreCreditOperations {
    /// Customers in id order, each with its store credit account in one currency and that
    /// account's newest transactions (credits carry `expiresAt` and `remainingAmount`).
    static let readName = "AftercartStoreCredit"
    static let read = """
        query AftercartStoreCredit($first: Int!, $after: String, $query: String, $accountQuery: String, \
        $transactions: Int!) {
          customers(first: $first, after: $after, query: $query, sortKey: ID) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id
              updatedAt
              storeCreditAccounts(first: 1, query: $accountQuery) {
                nodes {
                  id
                  balance { amount currencyCode }
                  transactions(first: $transactions, reverse: true) {
                    pageInfo { hasNextPage }
                    nodes {
                      __typename
                      ... on StoreCreditAccountCreditTransaction {
                        expiresAt
                        remainingAmount { amount currencyCode }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """

    /// Adds funds to the customer's account in the credit's currency (Shopify creates the
    /// account when the customer has none in that currency).
    static let creditName = "AftercartStoreCreditCredit"
    static let credit = """
        mutation AftercartStoreCreditCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
          storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
            storeCreditAccountTransaction { id balanceAfterTransaction { amount currencyCode } }
            userErrors { field message code }
          }
        }
        """

    /// Spends from the customer's account in the debit's currency.
    static let debitName = "AftercartStoreCreditDebit"
    static let debit = """
        mutation AftercartStoreCreditDebit($id: ID!, $debitInput: StoreCreditAccountDebitInput!) {
          storeCreditAccountDebit(id: $id, debitInput: $debitInput) {
            storeCreditAccountTransaction { id balanceAfterTransaction { amount currencyCode } }
            userErrors { field message code }
          }
        }
        """

    /// Transactions read per account: enough for the credits that have not expired yet on
    /// a typical account; older ones are usually spent or lapsed.
    static let transactionsPerAccount = 25

    /// Requested cost of ``read``, by the calculated-cost rule (a connection costs 2 plus
    /// `first` times its node; an object 1): the estimate before Shopify reports one.
    static func readCost(customers: Int) -> Int {
        2 + customers * (3 + 1 * (4 + transactionsPerAccount))
    }

    /// The most customers per page that keeps one query under Shopify's 1,000-point limit.
    static let maxCustomersPerPage = (1_000 - 2) / (3 + 4 + transactionsPerAccount)

    struct ReadVariables: Encodable, Sendable {
        let first: Int
        let after: String?
        let query: String?
        let accountQuery: String
        let transactions: Int
    }

    struct MoneyInput: Encodable, Sendable {
        let amount: String
        let currencyCode: String
    }

    struct CreditVariables: Encodable, Sendable {
        struct Input: Encodable, Sendable {
            let creditAmount: MoneyInput
            let expiresAt: String?
        }

        let id: String
        let creditInput: Input
    }

    struct DebitVariables: Encodable, Sendable {
        struct Input: Encodable, Sendable {
            let debitAmount: MoneyInput
        }

        let id: String
        let debitInput: Input
    }
}

/// `data` of ``ShopifyStoreCreditOperations/read``.
struct ShopifyStoreCreditPageWire: Decodable, Sendable {
    let customers: Customers

    struct Customers: Decodable, Sendable {
        let pageInfo: PageInfo
        let nodes: [ShopifyStoreCreditCustomerWire]
    }

    struct PageInfo: Decodable, Sendable {
        let hasNextPage: Bool
        let endCursor: String?
    }
}

/// One customer with the store credit account the query asked for.
struct ShopifyStoreCreditCustomerWire: Decodable, Sendable {
    let id: String
    let updatedAt: String?
    let storeCreditAccounts: Accounts

    struct Accounts: Decodable, Sendable {
        let nodes: [Account]
    }

    struct Account: Decodable, Sendable {
        let id: String
        let balance: ShopifyMoneyV2Wire
        let transactions: Transactions?
    }

    struct Transactions: Decodable, Sendable {
        let pageInfo: ShopifyStoreCreditPageWire.PageInfo?
        let nodes: [Transaction]
    }

    /// Credits carry `expiresAt` and `remainingAmount`; other kinds only their type name.
    struct Transaction: Decodable, Sendable {
        let typename: String?
        let expiresAt: String?
        let remainingAmount: ShopifyMoneyV2Wire?

        enum CodingKeys: String, CodingKey {
            case typename = "__typename"
            case expiresAt, remainingAmount
        }
    }
}

/// `data` of the credit and debit mutations.
struct ShopifyStoreCreditPostingWire: Decodable, Sendable {
    let payload: Payload

    struct Payload: Decodable, Sendable {
        let storeCreditAccountTransaction: Transaction?
        let userErrors: [ShopifyGraphQLUserErrorWire]
    }

    struct Transaction: Decodable, Sendable {
        let id: String
        let balanceAfterTransaction: ShopifyMoneyV2Wire
    }

    enum CodingKeys: String, CodingKey {
        case credit = "storeCreditAccountCredit"
        case debit = "storeCreditAccountDebit"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let credit = try container.decodeIfPresent(Payload.self, forKey: .credit) {
            payload = credit
        } else {
            payload = try container.decode(Payload.self, forKey: .debit)
        }
    }
}
