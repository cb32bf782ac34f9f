import Foundation

/// `discountCodeBasicCreate(basicCodeDiscount: {title, code, startsAt, endsAt, context |
/// customerSelection, customerGets: {value: {percentage} | {discountAmount: {amount,
/// appliesOnEachItem}}, items: {all: true}}, usageLimit, appliesOncePerCustomer})` and
/// `discountCodeFreeShippingCreate(freeShippingCodeDiscount: {… destination: {all: true}})`: creates
/// the discount and its one code together, stored as the REST API shows it (a price rule
/// with a discount code; free shipping is a rule on the shipping line, 100 % off), so `price_rules.json` and `discount_codes/lookup.json` list it.
/// A code any discount already has is refused with `userErrors` code `TAKEN`, a missing or
/// contradictory field with `BLANK` or `INVALID`, as Shopify does.
extension ShopifyEmulator {
    /// The two code-discount mutations: money or percent off the items, or free shipping.
    enum CodeDiscountVariant {
        case basic, freeShipping

        var field: String {
            switch self {
            case .basic: "discountCodeBasicCreate"
            case .freeShipping: "discountCodeFreeShippingCreate"
            }
        }

        var argument: String {
            switch self {
            case .basic: "basicCodeDiscount"
            case .freeShipping: "freeShippingCodeDiscount"
            }
        }
    }

    /// What a code discount takes off, as the REST price rule shows it.
    private struct RuleValue {
        var kind: CouponRecord.Kind
        var amountText: String
        var targetType: String
        var valueType: String
        var value: String
        var allocation: String
    }

    func createCodeDiscount(_ op: ShopifyGraphQLOperationText, variant: CodeDiscountVariant) -> GraphQLResult {
        let field = variant.field
        guard let input = op.argument(variant.argument, of: field)?.object else {
            return GraphQLResult(
                actualCost: Self.mutationCost,
                errors: [("\(field): \(variant.argument) is required", "BAD_REQUEST")])
        }
        func refusal(_ path: [String], _ message: String, _ code: String) -> GraphQLResult {
            mutationUserErrors(
                field, node: "codeDiscountNode", path: [variant.argument] + path, message: message, code: code)
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
        let rule: RuleValue
        switch variant {
        case .basic:
            let value = input["customerGets"]?["value"]?.object ?? [:]
            let percentage = value["percentage"]?.text.flatMap { Decimal(string: $0) }
            let amount = value["discountAmount"]?["amount"]?.text.flatMap { Decimal(string: $0) }
            guard (percentage == nil) != (amount == nil) else {
                return refusal(
                    ["customerGets", "value"], "Value must have exactly one of percentage or discountAmount",
                    "INVALID")
            }
            if let percentage, percentage <= 0 || percentage > 1 {
                return refusal(["customerGets", "value", "percentage"], "Value must be between 0.0 and 1.0", "INVALID")
            }
            let eachItem = value["discountAmount"]?["appliesOnEachItem"]?.bool ?? false
            let magnitude = (percentage.map { $0 * 100 } ?? amount) ?? 0
            rule = RuleValue(
                kind: percentage != nil ? .percent : .fixedCart,
                amountText: MoneyText.fixed(MoneyText.parse("\(magnitude)", exponent: 2) ?? 0, exponent: 2),
                targetType: "line_item", valueType: percentage != nil ? "percentage" : "fixed_amount",
                value: "-" + Self.ruleValueText(magnitude), allocation: eachItem ? "each" : "across")
        case .freeShipping:
            // Shopify applies a free-shipping code to every country unless told otherwise.
            if let destination = input["destination"]?.object, destination["all"]?.bool != true,
                (destination["countries"]?["add"]?.array ?? []).isEmpty
            {
                return refusal(["destination"], "Destination must select all countries or some", "INVALID")
            }
            rule = RuleValue(
                kind: .fixedCart, amountText: "0.00", targetType: "shipping_line", valueType: "percentage",
                value: "-100.0", allocation: "each")
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
        let created: Int? = state.mutate { o in
            if findDiscountCode(code, o) != nil { return nil }
            let now = o.tick()
            let k = state.profile.couponCount + o.createdCoupons
            o.createdCoupons += 1
            let discountCode = CouponRecord.DiscountCode(
                id: ShopifyIDs.discountCodeBase + 900_000_000 + Int64(o.allocateID()), code: code, usageCount: 0,
                createdAt: now, updatedAt: now)
            o.coupons[k] = CouponRecord(
                index: k, code: title.lowercased(), kind: rule.kind, amountText: rule.amountText,
                description: "", createdAt: now, modifiedAt: now, expiresAt: ends, usageLimit: input["usageLimit"]?.int,
                usageLimitPerUser: nil, usageCount: 0, usedBy: [], individualUse: false,
                freeShipping: variant == .freeShipping, excludeSaleItems: false, minimumAmountText: "0.00",
                maximumAmountText: "0.00", emailRestrictions: [], productIDs: [], meta: [], shopifyTitle: title,
                shopifyTargetType: rule.targetType, shopifyValueType: rule.valueType, shopifyValue: rule.value,
                shopifyCustomerSelection: customerIDs.isEmpty ? "all" : "prerequisite",
                shopifyPrerequisiteCustomerIDs: customerIDs,
                shopifyOncePerCustomer: input["appliesOncePerCustomer"]?.bool ?? false,
                shopifyAllocationMethod: rule.allocation, discountCodes: [discountCode])
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
