import AftercartConnector
import AftercartModel
import Foundation

extension ShopifyConnector {
    /// Creates `request`'s code with one GraphQL `discountCodeBasicCreate`
    /// (`discountCodeFreeShippingCreate` to every country for
    /// ``CouponKind/freeShipping``):
    /// title `aftercart:<code>` (the mark ``ShopifyCouponMapper`` reads), the
    /// value as a percentage (0…1) or an amount (each item for
    /// ``CouponKind/fixedProduct``, once across the order otherwise), for
    /// all items, `context` limited to `customers` (GIDs) or everyone, the
    /// usage limits, and `startsAt` now with `endsAt` the expiry.
    ///
    /// Once: the caller looked the code up first; a `TAKEN` answer (a
    /// concurrent creation) returns the existing coupon when its terms
    /// match. The created discount is read back through the same REST lookup
    /// ``findCoupon(code:)`` uses, so both paths map one way.
    func createCodeDiscount(_ request: CouponRequest, customers: [Int64]) async throws -> Coupon {
        let freeShipping = request.kind == .freeShipping
        let input = ShopifyDiscountOperations.Input(
            title: ShopifyCouponMapper.titlePrefix + request.code, code: request.code,
            startsAt: ShopifyEndpoints.queryDate(clock.date), endsAt: request.expiresAt.map(ShopifyEndpoints.queryDate),
            context: customers.isEmpty
                ? .init(all: "ALL", customers: nil)
                : .init(all: nil, customers: .init(add: customers.map { "gid://shopify/Customer/\($0)" })),
            customerGets: freeShipping ? nil : .init(value: Self.discountValue(request), items: .init(all: true)),
            destination: freeShipping ? .init(all: true) : nil, usageLimit: request.usageLimit,
            appliesOncePerCustomer: request.usageLimitPerCustomer == 1)
        let answer =
            freeShipping
            ? try await graphQL.execute(
                ShopifyDiscountOperations.createFreeShippingName, query: ShopifyDiscountOperations.createFreeShipping,
                variables: ShopifyDiscountOperations.FreeShippingVariables(freeShippingCodeDiscount: input),
                estimate: 10, resource: "coupon creation", isMutation: true, as: ShopifyDiscountCreateWire.self)
            : try await graphQL.execute(
                ShopifyDiscountOperations.createName, query: ShopifyDiscountOperations.create,
                variables: ShopifyDiscountOperations.Variables(basicCodeDiscount: input), estimate: 10,
                resource: "coupon creation", isMutation: true, as: ShopifyDiscountCreateWire.self)
        let payload = answer.payload
        if let refusal = payload.userErrors.first {
            if refusal.code == "TAKEN", let existing = try await findCoupon(code: request.code) {
                return try sameTerms(existing, request)
            }
            var context = ErrorContext(store: store, resource: "coupon creation", platform: platform)
            context.platformCode = refusal.code
            let field = refusal.field.map { " (\($0.joined(separator: ".")))" } ?? ""
            context.platformMessage = String(refusal.message.prefix(300)) + field
            throw ConnectorError.badRequest(status: 422, context)
        }
        guard payload.codeDiscountNode != nil, let created = try await findCoupon(code: request.code) else {
            throw ConnectorError.decoding(
                field: "codeDiscountNode",
                reason: "Shopify reported no error but the code cannot be found",
                ErrorContext(store: store, resource: "coupon creation", platform: platform))
        }
        return created
    }

    /// `customerGets.value`: a percentage (0…1) or an amount, off each item
    /// for ``CouponKind/fixedProduct`` and once across the order otherwise.
    private static func discountValue(_ request: CouponRequest) -> ShopifyDiscountOperations.Value {
        let magnitude = request.amount < 0 ? -request.amount : request.amount
        guard request.kind != .percent else { return .init(percentage: magnitude / 100, discountAmount: nil) }
        return .init(
            percentage: nil,
            discountAmount: .init(
                amount: DecimalText.format(magnitude, minimumFractionDigits: 2),
                appliesOnEachItem: request.kind == .fixedProduct))
    }
}
