import AftercartConnector
import AftercartModel
import Foundation

/// A customer's store credit account → ``LoyaltyAccount`` (source `shopify_store_credit`).
///
/// Points are the balance in the currency's minor unit (12.50 USD → 1250, 500 JPY → 500).
/// Expiry comes from the credits: the soonest `expiresAt` after `now` among credits with
/// money left (`remainingAmount` > 0), and `pointsExpiring` is what those credits still
/// hold; both stay `nil` when no unspent credit expires. Shopify lists transactions per
/// account, and the adapter reads the newest ones
/// (``ShopifyStoreCreditOperations/transactionsPerAccount``), so a credit older than those
/// is not seen.
struct ShopifyStoreCreditMapper: Sendable {
    /// The `source` written on every account.
    static let source = "shopify_store_credit"

    let store: StoreID
    let currency: Currency
    /// Credits that expired at or before this instant no longer count as expiring.
    let now: Date

    private var context: ErrorContext { ErrorContext(store: store, resource: "loyalty", platform: "shopify") }

    /// The customer's account in ``currency``, or `nil` when the customer has none.
    func map(_ customer: ShopifyStoreCreditCustomerWire, at path: ShopifyFieldPath) throws(ConnectorError)
        -> LoyaltyAccount?
    {
        let id = try Self.numericID(customer.id, type: "Customer", at: path.key("id"), context: context)
        let reading = ShopifyFieldReading(context: context, record: "customer \(id)")
        let accountsPath = path.key("storeCreditAccounts").key("nodes")
        guard
            let index = customer.storeCreditAccounts.nodes.firstIndex(where: {
                $0.balance.currencyCode.uppercased() == currency.code
            })
        else { return nil }
        let account = customer.storeCreditAccounts.nodes[index]
        let accountPath = accountsPath.index(index)
        let points = try minorUnits(account.balance, reading: reading, at: accountPath.key("balance"))
        var soonest: Date?
        var expiring = 0
        let transactionsPath = accountPath.key("transactions").key("nodes")
        for (offset, credit) in (account.transactions?.nodes ?? []).enumerated() {
            let creditPath = transactionsPath.index(offset)
            guard let remaining = credit.remainingAmount,
                let expires = try reading.optionalDate(credit.expiresAt, at: creditPath.key("expiresAt")),
                expires > now
            else { continue }
            let left = try minorUnits(remaining, reading: reading, at: creditPath.key("remainingAmount"))
            guard left > 0 else { continue }
            if soonest.map({ expires < $0 }) ?? true {
                soonest = expires
                expiring = left
            } else if expires == soonest {
                expiring += left
            }
        }
        return LoyaltyAccount(
            store: store, customerID: id, points: points, tier: nil, pointsExpiring: soonest == nil ? nil : expiring,
            expiresAt: soonest, source: Self.source,
            updatedAt: try reading.optionalDate(customer.updatedAt, at: path.key("updatedAt")))
    }

    /// A `MoneyV2` in ``currency`` as whole minor units; another currency or a fraction of
    /// a minor unit is refused rather than rounded.
    func minorUnits(_ money: ShopifyMoneyV2Wire, reading: ShopifyFieldReading, at path: ShopifyFieldPath)
        throws(ConnectorError) -> Int
    {
        let currencyCode = money.currencyCode.uppercased()
        guard currencyCode == currency.code else {
            throw reading.failure(path.key("currencyCode"), "\(currencyCode.prefix(8)) is not \(currency.code)")
        }
        let amount = try reading.decimal(money.amount, at: path.key("amount"))
        var scaled = amount
        for _ in 0..<currency.minorUnits { scaled *= 10 }
        var rounded = Decimal()
        var copy = scaled
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == scaled, let whole = Int(exactly: NSDecimalNumber(decimal: scaled).int64Value),
            Decimal(whole) == scaled
        else {
            throw reading.failure(
                path.key("amount"),
                "\"\(money.amount.prefix(30))\" is not a whole number of \(currency.code) minor units")
        }
        return whole
    }

    /// The number at the end of `gid://shopify/{type}/{number}`.
    static func numericID(
        _ gid: String, type: String, at path: ShopifyFieldPath, context: ErrorContext
    ) throws(ConnectorError) -> String {
        let prefix = "gid://shopify/\(type)/"
        guard gid.hasPrefix(prefix), let number = Int64(gid.dropFirst(prefix.count)), number > 0 else {
            throw ConnectorError.decoding(
                field: path.text, reason: "\"\(gid.prefix(60))\" is not a \(type) global id", context)
        }
        return String(number)
    }
}
