import Foundation

/// The store credit operations behind ``ShopifyEmulator/graphQL(_:)``.
///
/// Read: `customers(first:, after:, query:)` (`query` understands `updated_at:>'…'`,
/// `updated_at:>=…` and `id:N`; customers come in id order) with
/// `storeCreditAccounts(first:, query: "currency_code:XXX")` and
/// `transactions(first:, reverse:)`. Requested cost is
/// `2 + first × (3 + accounts × (4 + transactions))` (a connection costs 2 plus its nodes,
/// an object 1); the actual cost counts what was returned.
extension ShopifyEmulator {
    func storeCreditReadCost(_ op: ShopifyGraphQLOperationText) -> Result<Int, StoreCreditQueryError> {
        guard let first = op.argument("first", of: "customers")?.int, (1...250).contains(first) else {
            return .failure(.init("customers: `first` must be between 1 and 250"))
        }
        guard let accounts = op.argument("first", of: "storeCreditAccounts")?.int, (1...250).contains(accounts) else {
            return .failure(.init("storeCreditAccounts: `first` must be between 1 and 250"))
        }
        let transactions = op.argument("first", of: "transactions")?.int ?? 0
        guard (0...250).contains(transactions) else {
            return .failure(.init("transactions: `first` must be between 1 and 250"))
        }
        return .success(Self.storeCreditCost(customers: first, accounts: accounts, transactions: transactions))
    }

    static func storeCreditCost(customers: Int, accounts: Int, transactions: Int) -> Int {
        2 + customers * (3 + accounts * (4 + transactions))
    }

    func readStoreCredit(_ op: ShopifyGraphQLOperationText) -> GraphQLResult {
        let first = op.argument("first", of: "customers")?.int ?? 1
        let accountLimit = op.argument("first", of: "storeCreditAccounts")?.int ?? 1
        let transactionLimit = op.argument("first", of: "transactions")?.int ?? 0
        let newestFirst = op.argument("reverse", of: "transactions")?.bool ?? false
        let currency = op.argument("query", of: "storeCreditAccounts")?.text.flatMap { filter -> String? in
            guard let range = filter.range(of: "currency_code:") else { return nil }
            return String(filter[range.upperBound...].prefix { $0.isLetter }).uppercased()
        }
        let snap = state.snapshot()
        var cursor = ShopifyCursor(resource: "graphql_customers", descending: false, backwards: false)
        if let after = op.argument("after", of: "customers")?.text {
            guard let decoded = ShopifyCursor.decode(after), decoded.resource == cursor.resource else {
                return GraphQLResult(actualCost: 1, errors: [("Invalid cursor for customers: after", "BAD_REQUEST")])
            }
            cursor = decoded
        }
        var onlyIndex: Int??
        if let search = op.argument("query", of: "customers")?.text, op.argument("after", of: "customers")?.text == nil
        {
            switch Self.customerSearch(search) {
            case .id(let id): onlyIndex = .some(customerIndex(id))
            case .updatedSince(let utc): cursor.updatedMin = utc
            case .none: break
            }
        }
        let indices: [Int]
        var next: ShopifyCursor?
        if let onlyIndex {
            indices = onlyIndex.map { [$0] } ?? []
        } else {
            let count = state.profile.customerCount
            let bounds = cursor.bounds
            let layout = TimeLayout(
                grid: state.profile.customerGrid, baseCount: count, total: count,
                maxLag: StoreProfile.maxLifecycleSeconds)
            let selection = bounds.select(layout: layout, overlayKeys: Array(snap.customers.keys)) { c in
                let rec = state.customer(c, snap)
                return bounds.matches(created: rec.registeredAt, modified: rec.modifiedAt(), index: c)
            }
            let page = ShopifyListing.page(selection, cursor: cursor, limit: first) { _ in true }
            indices = page.indices
            next = page.next
        }
        var actual = 2
        let rendered: [(CustomerRecord, [StoreCreditAccountRecord])] = indices.map { c in
            let rec = state.customer(c, snap)
            let accounts = storeCredit.accounts(customer: c, registeredAt: rec.registeredAt)
                .filter { currency == nil || $0.currency.code == currency }.prefix(accountLimit)
            actual += 3 + accounts.reduce(0) { $0 + 4 + min(transactionLimit, $1.transactions.count) }
            return (rec, Array(accounts))
        }
        let renderer = StoreCreditRenderer(now: snap.now)
        // Shopify gives the last node's cursor even on the last page.
        let endCursor =
            next?.encoded()
            ?? indices.last.map { last -> String in
                var end = cursor
                end.anchor = last
                end.backwards = false
                return end.encoded()
            }
        return GraphQLResult(
            data: { w in
                w.beginObject()
                w.key("customers")
                w.beginObject()
                w.key("pageInfo")
                w.beginObject()
                w.field("hasNextPage", next != nil)
                w.field("endCursor", endCursor)
                w.endObject()
                w.key("nodes")
                w.beginArray()
                for (rec, accounts) in rendered {
                    w.beginObject()
                    w.field("id", "gid://shopify/Customer/\(ShopifyIDs.customer(rec.index))")
                    w.field("updatedAt", CivilTime(epochSeconds: rec.modifiedAt()).isoLocal + "Z")
                    w.key("storeCreditAccounts")
                    w.beginObject()
                    w.key("nodes")
                    w.beginArray()
                    for account in accounts {
                        renderer.account(account, transactions: transactionLimit, newestFirst: newestFirst, into: &w)
                    }
                    w.endArray()
                    w.endObject()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                w.endObject()
            }, actualCost: actual)
    }

    /// `storeCreditAccountCredit(id:, creditInput:)` / `storeCreditAccountDebit(id:, debitInput:)`.
    func postStoreCredit(_ op: ShopifyGraphQLOperationText, debit: Bool) -> GraphQLResult {
        let field = debit ? "storeCreditAccountDebit" : "storeCreditAccountCredit"
        let inputName = debit ? "debitInput" : "creditInput"
        let amountName = debit ? "debitAmount" : "creditAmount"
        guard let id = op.argument("id", of: field)?.text, let input = op.argument(inputName, of: field)?.object,
            let money = input[amountName]?.object, let amountText = money["amount"]?.text,
            let code = money["currencyCode"]?.text
        else {
            return GraphQLResult(
                actualCost: Self.mutationCost,
                errors: [
                    ("\(field): id and \(inputName).\(amountName) {amount, currencyCode} are required", "BAD_REQUEST")
                ]
            )
        }
        func refusal(_ code: String, _ fieldPath: [String], _ message: String) -> GraphQLResult {
            userErrors(field, [ShopifyStoreCreditLedger.Refusal(code: code, field: fieldPath, message: message)])
        }
        guard let currency = StoreCurrency.named(code.uppercased()) else {
            return refusal(
                "UNSUPPORTED_CURRENCY", [inputName, amountName, "currencyCode"],
                "The currency provided is not currently supported.")
        }
        guard let minor = MoneyText.parse(amountText, exponent: currency.exponent) else {
            return GraphQLResult(
                actualCost: Self.mutationCost,
                errors: [
                    (
                        "Variable \(inputName).\(amountName).amount: \"\(amountText.prefix(30))\" is not a valid Decimal",
                        "INVALID_VARIABLE"
                    )
                ])
        }
        var accountID: Int64?
        let customer: Int?
        if let number = Self.gidNumber(id, type: "Customer") {
            customer = customerIndex(number)
        } else if let number = Self.gidNumber(id, type: "StoreCreditAccount") {
            accountID = number
            customer = ShopifyStoreCreditLedger.customerIndex(ofAccount: number).flatMap {
                $0 < state.profile.customerCount ? $0 : nil
            }
        } else {
            customer = nil
        }
        guard let c = customer else {
            return debit
                ? refusal("ACCOUNT_NOT_FOUND", ["id"], "The store credit account could not be found.")
                : refusal("OWNER_NOT_FOUND", ["id"], "Owner does not exist.")
        }
        let zone = state.profile.timeZone
        var expiresAt: Int64?
        if !debit, let text = input["expiresAt"]?.text {
            guard let parsed = ParsedTimestamp.parse(text) else {
                return GraphQLResult(
                    actualCost: Self.mutationCost,
                    errors: [
                        (
                            "Variable \(inputName).expiresAt: \"\(text.prefix(40))\" is not a valid DateTime",
                            "INVALID_VARIABLE"
                        )
                    ])
            }
            expiresAt =
                parsed.offsetSeconds.map { parsed.wallSeconds - Int64($0) }
                ?? zone.utc(fromLocalWall: parsed.wallSeconds)
        }
        let registered = state.customer(c, state.snapshot()).registeredAt
        // The write and the customer's updated_at move together, as metafield writes do here.
        let outcome: Result<ShopifyStoreCreditLedger.Posting, ShopifyStoreCreditLedger.Refusal> = state.mutate { o in
            let now = o.now + 1
            let result =
                debit
                ? storeCredit.debit(
                    customer: c, registeredAt: registered, accountID: accountID, amountMinor: minor, currency: currency,
                    now: now)
                : storeCredit.credit(
                    customer: c, registeredAt: registered, accountID: accountID, amountMinor: minor, currency: currency,
                    expiresAt: expiresAt, now: now)
            if case .success = result {
                _ = o.tick()
                var rec = o.customers[c] ?? state.people.customer(c)
                rec.lastWriteAt = now
                o.customers[c] = rec
            }
            return result
        }
        switch outcome {
        case .failure(let refused):
            return userErrors(field, [refused])
        case .success(let posting):
            events.record(.init(kind: .customer, index: c, event: .updated))
            let renderer = StoreCreditRenderer(now: posting.transaction.createdAt)
            return GraphQLResult(
                data: { w in
                    w.beginObject()
                    w.key(field)
                    w.beginObject()
                    w.key("storeCreditAccountTransaction")
                    renderer.transaction(
                        posting.transaction, currency: posting.account.currency, account: posting.account, into: &w)
                    w.emptyArray("userErrors")
                    w.endObject()
                    w.endObject()
                }, actualCost: Self.mutationCost)
        }
    }

    private func userErrors(_ field: String, _ refusals: [ShopifyStoreCreditLedger.Refusal]) -> GraphQLResult {
        GraphQLResult(
            data: { w in
                w.beginObject()
                w.key(field)
                w.beginObject()
                w.fieldNull("storeCreditAccountTransaction")
                w.key("userErrors")
                w.beginArray()
                for refusal in refusals {
                    w.beginObject()
                    w.key("field")
                    w.beginArray()
                    for part in refusal.field { w.string(part) }
                    w.endArray()
                    w.field("message", refusal.message)
                    w.field("code", refusal.code)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                w.endObject()
            }, actualCost: Self.mutationCost)
    }

    enum CustomerSearch {
        case id(Int64)
        case updatedSince(Int64)
        case none
    }

    /// The two search terms the adapter sends: `id:N` and `updated_at:>'…'` / `>=…`.
    static func customerSearch(_ text: String) -> CustomerSearch {
        let term = text.trimmingCharacters(in: .whitespaces)
        if term.hasPrefix("id:"), let id = Int64(term.dropFirst(3)) { return .id(id) }
        guard term.hasPrefix("updated_at:>") else { return .none }
        var rest = term.dropFirst("updated_at:>".count)
        let inclusive = rest.hasPrefix("=")
        if inclusive { rest = rest.dropFirst() }
        let value = rest.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        guard let parsed = ParsedTimestamp.parse(value) else { return .none }
        let utc = parsed.wallSeconds - Int64(parsed.offsetSeconds ?? 0)
        return .updatedSince(inclusive ? utc : utc + 1)
    }

    static func gidNumber(_ gid: String, type: String) -> Int64? {
        let prefix = "gid://shopify/\(type)/"
        guard gid.hasPrefix(prefix) else { return nil }
        return Int64(gid.dropFirst(prefix.count))
    }
}

/// A GraphQL error of a store credit read, before it becomes a response.
struct StoreCreditQueryError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Store credit objects as the GraphQL Admin API returns them: UTC `DateTime`s,
/// `MoneyV2 { amount currencyCode }` with the amount as a decimal string.
struct StoreCreditRenderer {
    let now: Int64

    func money(_ minor: Int64, _ currency: StoreCurrency, into w: inout JSONWriter) {
        w.beginObject()
        w.field("amount", MoneyText.minimal(minor, exponent: currency.exponent))
        w.field("currencyCode", currency.code)
        w.endObject()
    }

    func time(_ t: Int64) -> String { CivilTime(epochSeconds: t).isoLocal + "Z" }

    func account(
        _ account: StoreCreditAccountRecord, transactions limit: Int, newestFirst: Bool, into w: inout JSONWriter
    ) {
        w.beginObject()
        w.field("id", "gid://shopify/StoreCreditAccount/\(account.id)")
        w.key("balance")
        money(account.balanceMinor(at: now), account.currency, into: &w)
        if limit > 0 {
            let ordered = newestFirst ? Array(account.transactions.reversed()) : account.transactions
            w.key("transactions")
            w.beginObject()
            w.key("pageInfo")
            w.beginObject()
            w.field("hasNextPage", ordered.count > limit)
            w.endObject()
            w.key("nodes")
            w.beginArray()
            for t in ordered.prefix(limit) { transaction(t, currency: account.currency, account: nil, into: &w) }
            w.endArray()
            w.endObject()
        }
        w.endObject()
    }

    func transaction(
        _ t: StoreCreditTransactionRecord, currency: StoreCurrency, account: StoreCreditAccountRecord?,
        into w: inout JSONWriter
    ) {
        w.beginObject()
        w.field("__typename", t.kind.rawValue)
        w.field("id", "gid://shopify/\(t.kind.rawValue)/\(t.id)")
        w.field("createdAt", time(t.createdAt))
        w.key("amount")
        money(t.amountMinor, currency, into: &w)
        w.key("balanceAfterTransaction")
        money(t.balanceAfterMinor, currency, into: &w)
        if t.kind == .credit {
            w.field("expiresAt", t.expiresAt.map(time))
            w.key("remainingAmount")
            money(t.remainingMinor, currency, into: &w)
        }
        if let account {
            w.key("account")
            w.beginObject()
            w.field("id", "gid://shopify/StoreCreditAccount/\(account.id)")
            w.key("balance")
            money(account.balanceMinor(at: now), account.currency, into: &w)
            w.endObject()
        }
        w.endObject()
    }
}
