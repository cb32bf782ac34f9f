import AftercartConnector
public import AftercartModel
import Foundation
import Logging

/// Loyalty from Shopify store credit, which only the GraphQL Admin API exposes.
extension ShopifyConnector {
    /// Where a GraphQL walk stands: the `endCursor` to continue after.
    private struct CreditWalk: Sendable {
        var after: String?
        var page: Int
        var cursor: SyncCursor
    }

    /// The prefix that marks a stored page token as a GraphQL `endCursor` (a metafield
    /// walk stores a REST URL there).
    static let graphQLTokenPrefix = "graphql:"

    /// Customers changed since `start` (`updated_at:>='…'`, id order), each with their store
    /// credit account in the configured currency. Customers without one are skipped.
    func readStoreCredit(_ credit: ShopifyStoreCreditSettings, since start: SyncCursor) -> ResourcePages {
        let since = start.queryStart(lookback: settings.lookback)
        let first = min(settings.pageSize, ShopifyStoreCreditOperations.maxCustomersPerPage)
        let search = since.map { "updated_at:>='\(ShopifyEndpoints.queryDate($0))'" }
        var resumeAfter: String?
        if let token = start.pageToken, token.hasPrefix(Self.graphQLTokenPrefix) {
            resumeAfter = String(token.dropFirst(Self.graphQLTokenPrefix.count))
        }
        return ResourcePages(initial: CreditWalk(after: resumeAfter, page: 1, cursor: start)) { state in
            if state.page == 1 { try await requireReadable(.loyalty) }
            let currency = try await storeCreditCurrency(credit)
            let page = try await storeCreditPage(first: first, after: state.after, search: search, currency: currency)
            let mapper = ShopifyStoreCreditMapper(store: store, currency: currency, now: clock.date)
            var accounts: [LoyaltyAccount] = []
            var skipped: [ShopifySkippedRecord] = []
            var cursor = state.cursor
            let context = ErrorContext(store: store, resource: "loyalty", platform: platform)
            for (index, node) in page.customers.nodes.enumerated() {
                let path = ShopifyFieldPath("data.customers.nodes").index(index)
                cursor = cursor.raisingHighWater(
                    to: try ShopifyFieldReading(context: context, record: nil)
                        .optionalDate(node.updatedAt, at: path.key("updatedAt")))
                if let account = try mapper.map(node, at: path) {
                    accounts.append(account)
                } else {
                    skipped.append(ShopifySkippedRecord(id: node.id, reason: "no store credit in \(currency)"))
                }
            }
            SkippedRecord.report(skipped, resource: .loyalty, to: logger)
            let next = page.customers.pageInfo.hasNextPage ? page.customers.pageInfo.endCursor : nil
            let result = ResourcePage(
                records: .loyalty(accounts),
                cursor: next.map { cursor.continuing(atToken: Self.graphQLTokenPrefix + $0) } ?? cursor.completed(),
                progress: PageProgress(pageNumber: state.page, hasMore: next != nil))
            return (result, next.map { CreditWalk(after: $0, page: state.page + 1, cursor: cursor) })
        }
    }

    /// Adds `points` (minor units of the store credit currency) to the customer's store
    /// credit with `storeCreditAccountCredit`, expiring after the configured credit
    /// lifetime; a negative `points` spends with `storeCreditAccountDebit`. Returns the
    /// account read back afterwards. Only the store credit source is writable.
    ///
    /// A credit is not idempotent: it is sent once (a `THROTTLED` answer or a 429 means it
    /// did not run and is sent again; a timeout is not retried). `reason` is logged; the
    /// pinned API versions have no note on a credit.
    public func adjustLoyalty(customerID: String, points: Int, reason: String) async throws -> LoyaltyAccount {
        guard case .storeCredit(let credit) = settings.loyalty else {
            throw ConnectorError.unsupported(
                operation: "loyalty adjustment (only the shopify_store_credit source is writable)",
                ErrorContext(store: store, resource: ResourceKind.loyalty.rawValue, platform: platform))
        }
        let id = try numericID(customerID, resource: "loyalty")
        try await requireWritable([], loyalty: [.write], operation: "adjusting store credit", resource: "loyalty")
        let currency = try await storeCreditCurrency(credit)
        if points != 0 {
            logger.debug(
                "adjusting store credit", metadata: ["customer": "\(id)", "points": "\(points)", "reason": "\(reason)"])
            var magnitude = Decimal(points.magnitude)
            for _ in 0..<currency.minorUnits { magnitude /= 10 }
            let money = ShopifyStoreCreditOperations.MoneyInput(
                amount: DecimalText.format(magnitude, minimumFractionDigits: currency.minorUnits),
                currencyCode: currency.code)
            let owner = "gid://shopify/Customer/\(id)"
            let posting: ShopifyStoreCreditPostingWire
            if points > 0 {
                let expires = credit.creditLifetime.map {
                    ShopifyEndpoints.queryDate(clock.date.addingTimeInterval($0))
                }
                posting = try await graphQL.execute(
                    ShopifyStoreCreditOperations.creditName, query: ShopifyStoreCreditOperations.credit,
                    variables: ShopifyStoreCreditOperations.CreditVariables(
                        id: owner, creditInput: .init(creditAmount: money, expiresAt: expires)),
                    estimate: 10, resource: "loyalty", isMutation: true, as: ShopifyStoreCreditPostingWire.self)
            } else {
                posting = try await graphQL.execute(
                    ShopifyStoreCreditOperations.debitName, query: ShopifyStoreCreditOperations.debit,
                    variables: ShopifyStoreCreditOperations.DebitVariables(
                        id: owner, debitInput: .init(debitAmount: money)),
                    estimate: 10, resource: "loyalty", isMutation: true, as: ShopifyStoreCreditPostingWire.self)
            }
            if let refusal = posting.payload.userErrors.first {
                var context = ErrorContext(store: store, resource: "loyalty", platform: platform)
                context.platformCode = refusal.code
                context.platformMessage = String(refusal.message.prefix(300))
                throw ConnectorError.badRequest(status: 422, context)
            }
        }
        let page = try await storeCreditPage(first: 1, after: nil, search: "id:\(id)", currency: currency)
        let mapper = ShopifyStoreCreditMapper(store: store, currency: currency, now: clock.date)
        guard let node = page.customers.nodes.first else {
            throw ConnectorError.notFound(
                ErrorContext(
                    store: store, resource: "loyalty", platform: platform, platformMessage: "no customer \(id)"))
        }
        return try mapper.map(node, at: ShopifyFieldPath("data.customers.nodes").index(0))
            ?? LoyaltyAccount(
                store: store, customerID: String(id), points: 0, tier: nil, pointsExpiring: nil, expiresAt: nil,
                source: ShopifyStoreCreditMapper.source, updatedAt: nil)
    }

    /// One page of the store credit query.
    private func storeCreditPage(first: Int, after: String?, search: String?, currency: Currency) async throws
        -> ShopifyStoreCreditPageWire
    {
        try await graphQL.execute(
            ShopifyStoreCreditOperations.readName, query: ShopifyStoreCreditOperations.read,
            variables: ShopifyStoreCreditOperations.ReadVariables(
                first: first, after: after, query: search, accountQuery: "currency_code:\(currency.code)",
                transactions: ShopifyStoreCreditOperations.transactionsPerAccount),
            estimate: ShopifyStoreCreditOperations.readCost(customers: first), resource: "loyalty", isMutation: false,
            as: ShopifyStoreCreditPageWire.self)
    }

    /// The configured store credit currency, or the shop's.
    private func storeCreditCurrency(_ credit: ShopifyStoreCreditSettings) async throws -> Currency {
        if let currency = credit.currency { return currency }
        return try await storeCurrency()
    }
}
