import NIOConcurrencyHelpers

/// Store credit accounts as the emulator serves them: generated ones until a credit or
/// debit touches a customer, then that customer's changed copy.
final class ShopifyStoreCreditLedger: Sendable {
    /// A refusal, named by Shopify's user error code.
    struct Refusal: Error {
        let code: String
        let field: [String]
        let message: String
    }

    /// What a credit or debit produced.
    struct Posting {
        let account: StoreCreditAccountRecord
        let transaction: StoreCreditTransactionRecord
    }

    private let generator: ShopifyStoreCreditGenerator
    private let changed = NIOLockedValueBox<(accounts: [Int: [StoreCreditAccountRecord]], serial: Int64)>(([:], 0))

    init(profile: StoreProfile) {
        generator = ShopifyStoreCreditGenerator(profile: profile)
    }

    func accounts(customer c: Int, registeredAt: Int64) -> [StoreCreditAccountRecord] {
        if let touched = changed.withLockedValue({ $0.accounts[c] }) { return touched }
        return generator.accounts(customer: c, registeredAt: registeredAt)
    }

    /// The customer an account id belongs to (ids encode it, generated or created).
    static func customerIndex(ofAccount id: Int64) -> Int? {
        guard id >= ShopifyStoreCreditGenerator.accountBase else { return nil }
        return Int((id - ShopifyStoreCreditGenerator.accountBase) / 4)
    }

    /// Adds a credit to the customer's account in `currency` (made when missing, as
    /// Shopify does for an owner id) or to `accountID`.
    func credit(
        customer c: Int, registeredAt: Int64, accountID: Int64?, amountMinor: Int64, currency: StoreCurrency,
        expiresAt: Int64?, now: Int64
    ) -> Result<Posting, Refusal> {
        guard amountMinor > 0 else {
            return .failure(
                Refusal(
                    code: "NEGATIVE_OR_ZERO_AMOUNT", field: ["creditInput", "creditAmount", "amount"],
                    message: "A positive amount must be used to credit a store credit account."))
        }
        if let expiresAt, expiresAt <= now {
            return .failure(
                Refusal(
                    code: "EXPIRES_AT_IN_PAST", field: ["creditInput", "expiresAt"],
                    message: "The expiry date must be in the future."))
        }
        return post(customer: c, registeredAt: registeredAt, accountID: accountID, currency: currency, create: true) {
            account, serial in
            let balance = account.balanceMinor(at: now) + amountMinor
            return StoreCreditTransactionRecord(
                id: ShopifyStoreCreditGenerator.transactionBase + 900_000_000 + serial, kind: .credit,
                amountMinor: amountMinor, remainingMinor: amountMinor, balanceAfterMinor: balance, createdAt: now,
                expiresAt: expiresAt)
        }
    }

    /// Spends `amountMinor` from the account, soonest-expiring credit first.
    func debit(
        customer c: Int, registeredAt: Int64, accountID: Int64?, amountMinor: Int64, currency: StoreCurrency,
        now: Int64
    ) -> Result<Posting, Refusal> {
        guard amountMinor > 0 else {
            return .failure(
                Refusal(
                    code: "NEGATIVE_OR_ZERO_AMOUNT", field: ["debitInput", "debitAmount", "amount"],
                    message: "A positive amount must be used to debit a store credit account."))
        }
        return post(customer: c, registeredAt: registeredAt, accountID: accountID, currency: currency, create: false) {
            account, serial in
            let available = account.balanceMinor(at: now)
            guard available >= amountMinor else { return nil }
            StoreCreditSpending.spend(amountMinor, from: &account.transactions, now: now)
            return StoreCreditTransactionRecord(
                id: ShopifyStoreCreditGenerator.transactionBase + 900_000_000 + serial, kind: .debit,
                amountMinor: amountMinor, remainingMinor: 0, balanceAfterMinor: available - amountMinor,
                createdAt: now, expiresAt: nil)
        }
    }

    func reset() { changed.withLockedValue { $0 = ([:], 0) } }

    /// Finds (or makes) the account and appends what `make` returns; `nil` from `make`
    /// means insufficient funds.
    private func post(
        customer c: Int, registeredAt: Int64, accountID: Int64?, currency: StoreCurrency, create: Bool,
        make: (inout StoreCreditAccountRecord, Int64) -> StoreCreditTransactionRecord?
    ) -> Result<Posting, Refusal> {
        changed.withLockedValue { box in
            var accounts = box.accounts[c] ?? generator.accounts(customer: c, registeredAt: registeredAt)
            let slot: Int
            if let accountID {
                guard let found = accounts.firstIndex(where: { $0.id == accountID }) else {
                    return .failure(
                        Refusal(
                            code: "ACCOUNT_NOT_FOUND", field: ["id"],
                            message: "The store credit account could not be found."))
                }
                guard accounts[found].currency == currency else {
                    return .failure(
                        Refusal(
                            code: "MISMATCHING_CURRENCY", field: ["id"],
                            message: "The currency provided does not match the currency of the store credit account."
                        ))
                }
                slot = found
            } else if let found = accounts.firstIndex(where: { $0.currency == currency }) {
                slot = found
            } else {
                guard create, accounts.count < 4 else {
                    return .failure(
                        Refusal(
                            code: "ACCOUNT_NOT_FOUND", field: ["id"],
                            message: "The store credit account could not be found."))
                }
                accounts.append(
                    StoreCreditAccountRecord(
                        id: ShopifyStoreCreditGenerator.accountBase + Int64(c) * 4 + Int64(accounts.count),
                        currency: currency, transactions: []))
                slot = accounts.count - 1
            }
            box.serial += 1
            guard let transaction = make(&accounts[slot], box.serial) else {
                return .failure(
                    Refusal(
                        code: "INSUFFICIENT_FUNDS", field: ["debitInput", "debitAmount", "amount"],
                        message: "The store credit account does not have sufficient funds to satisfy the request."))
            }
            accounts[slot].transactions.append(transaction)
            box.accounts[c] = accounts
            return .success(Posting(account: accounts[slot], transaction: transaction))
        }
    }
}
