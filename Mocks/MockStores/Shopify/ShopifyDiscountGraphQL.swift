import Foundation

/// `discountCodeBasicCreate(basicCodeDiscount: {title, code, startsAt, endsAt, context |
/// customerSelection, customerGets: {value: {percentage} | {discountAmount: {amount,
/// appliesOnEachItem}}, items: {all: true}}, usageLimit, appliesOncePerCustomer})`: creates
/// the discount and its one code together, stored as the REST API shows it (a price rule
/// with a discount code), so `price_rules.json` and `discount_codes/lookup.json` list it.
/// A code any discount already has is refused with `userErrors` code `TAKEN`, a missing or
/// contradictory field with `BLANK` or `INVALID`, as Shopify does.
extension ShopifyEmulator {
    func createCodeDiscount(_ op: ShopifyGraphQLOperationText) -> GraphQLResult {
        let field = "discountCodeBasicCreate"
        guard let input = op.argument("basicCodeDiscount", of: field)?.object else {
            return GraphQLResult(
                actualCost: Self.mutationCost,
                errors: [("\(field): basicCodeDiscount is required", "BAD_REQUEST")])
        }
        func refusal(_ path: [String], _ message: String, _ code: String) -> GraphQLResult {
            mutationUserErrors(
                field, node: "codeDiscountNode", path: ["basicCodeDiscount"] + path, message: message, code: code)
        }
        guard let code = input["code"]?.text, !code.isEmpty else {
            return refusal(["code"], "Code can't be blank", "BLANK")
        }
        guard let title = input["title"]?.text, !title.isEmpty else {
            return refusal(["title"], "Title can't be blank", "BLANK")
        }
        guard input["startsAt"]?.text.flatMap(ParsedTimestamp.parse) != nil else {
            return refusal(["startsAt"], "Starts at can't be blank", "BLANK")
        }
        let value = input["customerGets"]?["value"]?.object ?? [:]
        let percentage = value["percentage"]?.text.flatMap { Decimal(string: $0) }
        let amount = value["discountAmount"]?["amount"]?.text.flatMap { Decimal(string: $0) }
        guard (percentage == nil) != (amount == nil) else {
            return refusal(
                ["customerGets", "value"], "Value must have exactly one of percentage or discountAmount", "INVALID")
        }
        if let percentage, percentage <= 0 || percentage > 1 {
            return refusal(["customerGets", "value", "percentage"], "Value must be between 0.0 and 1.0", "INVALID")
        }
        // From 2025-10 `context` says who may use it; older callers send `customerSelection`.
        let context = input["context"]?.object ?? input["customerSelection"]?.object
        guard let context else { return refusal(["context"], "Context can't be blank", "BLANK") }
        let customerIDs = (context["customers"]?["add"]?.array ?? []).compactMap {
            $0.text.flatMap { Self.gidNumber($0, type: "Customer") }
        }
        guard context["all"] != nil || !customerIDs.isEmpty else {
            return refusal(["context"], "Context must select all buyers or some customers", "INVALID")
        }
        let zone = state.profile.timeZone
        func utc(_ p: ParsedTimestamp) -> Int64 {
            p.offsetSeconds.map { p.wallSeconds - Int64($0) } ?? zone.utc(fromLocalWall: p.wallSeconds)
        }
        let ends = input["endsAt"]?.text.flatMap(ParsedTimestamp.parse).map(utc)
        let eachItem = value["discountAmount"]?["appliesOnEachItem"]?.bool ?? false
        let magnitude = (percentage.map { $0 * 100 } ?? amount) ?? 0
        let text = MoneyText.fixed(MoneyText.parse("\(magnitude)", exponent: 2) ?? 0, exponent: 2)
        let created: Int? = state.mutate { o in
            if findDiscountCode(code, o) != nil { return nil }
            let now = o.tick()
            let k = state.profile.couponCount + o.createdCoupons
            o.createdCoupons += 1
            let discountCode = CouponRecord.DiscountCode(
                id: ShopifyIDs.discountCodeBase + 900_000_000 + Int64(o.allocateID()), code: code, usageCount: 0,
                createdAt: now, updatedAt: now)
            o.coupons[k] = CouponRecord(
                index: k, code: title.lowercased(), kind: percentage != nil ? .percent : .fixedCart, amountText: text,
                description: "", createdAt: now, modifiedAt: now, expiresAt: ends, usageLimit: input["usageLimit"]?.int,
                usageLimitPerUser: nil, usageCount: 0, usedBy: [], individualUse: false, freeShipping: false,
                excludeSaleItems: false, minimumAmountText: "0.00", maximumAmountText: "0.00", emailRestrictions: [],
                productIDs: [], meta: [], shopifyTitle: title, shopifyTargetType: "line_item",
                shopifyValueType: percentage != nil ? "percentage" : "fixed_amount",
                shopifyValue: "-" + Self.ruleValueText(magnitude),
                shopifyCustomerSelection: customerIDs.isEmpty ? "all" : "prerequisite",
                shopifyPrerequisiteCustomerIDs: customerIDs,
                shopifyOncePerCustomer: input["appliesOncePerCustomer"]?.bool ?? false,
                shopifyAllocationMethod: eachItem ? "each" : "across", discountCodes: [discountCode])
            return k
        }
        guard let k = created else {
            return refusal(["code"], "Code must be unique. Please try a different code.", "TAKEN")
        }
        events.record(.init(kind: .coupon, index: k, event: .created))
        let ruleID = ShopifyIDs.priceRule(k)
        return GraphQLResult(
            data: { w in
                w.beginObject()
                w.key(field)
                w.beginObject()
                w.key("codeDiscountNode")
                w.beginObject()
                w.field("id", "gid://shopify/DiscountCodeNode/\(ruleID)")
                w.endObject()
                w.emptyArray("userErrors")
                w.endObject()
                w.endObject()
            }, actualCost: Self.mutationCost)
    }

    /// A REST price rule's `value` as Shopify writes it: at least one
    /// decimal, no trailing zeros beyond it (`-10.0`, `-5.5`).
    static func ruleValueText(_ value: Decimal) -> String {
        var text = "\(value)"
        if !text.contains(".") { return text + ".0" }
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        return text
    }
}
