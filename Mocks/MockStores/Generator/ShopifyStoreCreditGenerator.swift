/// One Shopify store credit account (GraphQL `StoreCreditAccount`): a balance in one
/// currency, funded by credits that may expire and drawn down by debits.
struct StoreCreditAccountRecord: Sendable {
    let id: Int64
    let currency: StoreCurrency
    var transactions: [StoreCreditTransactionRecord]

    /// What can be spent at `now`: the unspent part of every credit not yet expired.
    func balanceMinor(at now: Int64) -> Int64 {
        transactions.reduce(0) { sum, t in
            guard t.kind == .credit, !t.isExpired(at: now) else { return sum }
            return sum + t.remainingMinor
        }
    }
}

/// A credit or debit on a store credit account, newest last.
struct StoreCreditTransactionRecord: Sendable {
    enum Kind: String, Sendable {
        case credit = "StoreCreditAccountCreditTransaction"
        case debit = "StoreCreditAccountDebitTransaction"
    }

    let id: Int64
    let kind: Kind
    let amountMinor: Int64
    /// Credits: what is left unspent (a debit spends the soonest-expiring credit first).
    var remainingMinor: Int64
    var balanceAfterMinor: Int64
    let createdAt: Int64
    let expiresAt: Int64?

    func isExpired(at now: Int64) -> Bool { expiresAt.map { $0 <= now } ?? false }
}

/// Generates the store credit accounts a customer starts with, from `(seed, customer)` alone.
///
/// About a third of customers hold credit in the store currency; some of those also hold a
/// second currency (store credit accounts are per currency). Credits are partly spent, some
/// never expire, some expire within weeks of the store clock and some already have.
struct ShopifyStoreCreditGenerator: Sendable {
    let profile: StoreProfile

    /// A stream number of its own, so store credit never shifts other generated data.
    private static let stream: UInt64 = 0x5C0E_D17

    static let accountBase: Int64 = 9_700_000_000_000
    static let transactionBase: Int64 = 9_800_000_000_000

    func accounts(customer c: Int, registeredAt: Int64) -> [StoreCreditAccountRecord] {
        var r = SeededRandom(seed: profile.seed, stream: Self.stream, index: UInt64(c))
        guard r.percent(35) else { return [] }
        var currencies = [profile.currency]
        if r.percent(15) { currencies.append(profile.currency.code == "USD" ? .eur : .usd) }
        var serial = 0
        return currencies.enumerated().map { slot, currency in
            let unit: Int64 = currency.exponent == 0 ? 1 : 100
            var transactions: [StoreCreditTransactionRecord] = []
            var balance: Int64 = 0
            var at = max(registeredAt, profile.clockStart - 200 * 86_400)
            for _ in 0..<r.int(1...3) {
                at += Int64(r.int(1...40)) * 86_400
                let amount = Int64(r.int(5...60)) * unit * (currency.exponent == 0 ? 100 : 1)
                let expires: Int64? = r.percent(40) ? nil : profile.clockStart + Int64(r.int(-20...120)) * 86_400
                balance += amount
                transactions.append(
                    StoreCreditTransactionRecord(
                        id: Self.transactionBase + Int64(c) * 64 + Int64(serial), kind: .credit, amountMinor: amount,
                        remainingMinor: amount, balanceAfterMinor: balance, createdAt: min(at, profile.clockStart - 60),
                        expiresAt: expires))
                serial += 1
            }
            if r.percent(40) {
                // A purchase paid partly with credit, spending the soonest-expiring credit first.
                let spend = min(balance, Int64(r.int(1...4)) * unit * (currency.exponent == 0 ? 100 : 1))
                StoreCreditSpending.spend(spend, from: &transactions)
                balance -= spend
                transactions.append(
                    StoreCreditTransactionRecord(
                        id: Self.transactionBase + Int64(c) * 64 + Int64(serial), kind: .debit, amountMinor: spend,
                        remainingMinor: 0, balanceAfterMinor: balance, createdAt: profile.clockStart - 30,
                        expiresAt: nil))
                serial += 1
            }
            return StoreCreditAccountRecord(
                id: Self.accountBase + Int64(c) * 4 + Int64(slot), currency: currency, transactions: transactions)
        }
    }
}

/// How a debit draws on credits: the soonest-expiring first, credits that never expire last.
enum StoreCreditSpending {
    static func spend(_ amount: Int64, from transactions: inout [StoreCreditTransactionRecord], now: Int64? = nil) {
        var left = amount
        let order = transactions.indices.filter { i in
            let t = transactions[i]
            return t.kind == .credit && t.remainingMinor > 0 && !(now.map { t.isExpired(at: $0) } ?? false)
        }.sorted { a, b in
            (transactions[a].expiresAt ?? .max, a) < (transactions[b].expiresAt ?? .max, b)
        }
        for i in order where left > 0 {
            let take = min(left, transactions[i].remainingMinor)
            transactions[i].remainingMinor -= take
            left -= take
        }
    }
}
