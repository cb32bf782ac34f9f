import AftercartConfig
import AftercartModel
import Foundation

/// Builds the values a template sees. Every value is plain data (strings,
/// numbers, lists, flags); the HTML part escapes them when rendering.
///
/// Keys: `store.{name,url,postal_address,contact}`, `customer.{first_name,last_name,given_name,family_name,name,addressee,email}`
/// (`addressee`: the greeting the locale writes, `田中 海斗 様`),
/// `order.{id,number,total,subtotal,discount,has_discount,shipping,tax,tax_label,tax_included,created_on,tracking_url,status_url,delivery_window,items[]{name,quantity,unit_price,total}}`
/// (`status_url`: the order's status page, only with `[server] public_url`)
/// (amounts as the buyer was charged: ``AftercartModel/Order/charged``),
/// `shipment.{status,status_label,carrier,tracking_number,tracking_url,is_failure}`,
/// `delivery.{signal,delivered_on}`, `review.{rating,stars,product_name,product_url}`,
/// `review_products[]{name,review_url}`, `loyalty.{points,points_expiring,expires_on,tier,previous_tier,worth,has_affordable,affordable[]{name,price,url}}`,
/// `coupon.{code,offer,discount,is_free_shipping,expires_on}`, `recommendations[]{name,price,url}`, `has_coupon`, `has_recommendations`.
struct MessageContext {
    var snapshot: StoreSnapshot
    var links: StoreLinks
    var formatting: MessageFormatting
    var deliveryEstimate: TimeInterval
    /// Every word code adds to a message, in the store's locale.
    var strings: LocaleStrings = .shipped(MessageLocale.english)
    /// The name that signs messages (`StoreConfiguration.displayName`); `nil`: the store id.
    var storeName: String? = nil
    /// The merchant's postal address and contact, which marketing footers show.
    var sender = SenderIdentity()
    /// Links to order status pages, when the server has a public address.
    var orderPages: OrderPageLink? = nil
    /// What one loyalty point is worth (`point_value`); `nil`: one minor unit.
    var pointValue: Decimal? = nil

    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` when the order's stored JSON does not decode.
    func values(for occurrence: Occurrence, coupon: CouponAction?, reviewProducts: [PlanningOrder.Item]) throws
        -> [String: Any]
    {
        var context: [String: Any] = [:]
        let person = occurrence.person
        let currency = occurrence.order?.currency ?? snapshot.currency
        context["store"] = [
            "name": storeName ?? snapshot.store.rawValue, "url": links.baseURL,
            "postal_address": sender.postalAddress ?? "", "contact": sender.contact ?? "",
        ]
        context["customer"] = [
            "first_name": person.firstName ?? "", "last_name": person.lastName ?? "",
            "given_name": person.firstName ?? "", "family_name": person.lastName ?? "",
            "name": person.displayName ?? person.email, "addressee": addressee(person), "email": person.email,
        ]
        // Only here is the full order needed: its number, tracking and line totals.
        let order = try occurrence.orderIndex.map { try snapshot.fullOrder(at: $0) }
        if let order { context["order"] = orderValues(order) }
        if let status = occurrence.shipmentStatus, let order {
            context["shipment"] = [
                "status": status.rawValue, "status_label": strings.text("shipment_status.\(status.rawValue)"),
                "carrier": order.tracking.first?.carrier.map(strings.carrierName) ?? "",
                "tracking_number": order.tracking.first?.number ?? "",
                "tracking_url": links.tracking(order: order), "is_failure": status == .failure,
                "is_delivered": status == .delivered, "is_underway": status != .failure && status != .delivered,
            ]
        }
        if let signal = occurrence.deliverySignal {
            context["delivery"] = [
                "signal": signal.rawValue, "delivered_on": formatting.date(occurrence.at, currency: currency),
            ]
        }
        if let review = occurrence.review {
            context["review"] = [
                "rating": review.rating, "stars": String(repeating: "★", count: review.rating),
                "product_name": snapshot.recommendations.product(review.productID)?.name
                    ?? strings.text("unknown_product"),
                "product_url": links.product(review.productID),
            ]
        }
        context["review_products"] = reviewProducts.map { item in
            ["name": item.name, "review_url": links.review(item.productID ?? "")]
        }
        let loyalty = occurrence.loyalty ?? person.customerID.flatMap { snapshot.loyalty[$0] }
        if let loyalty { context["loyalty"] = loyaltyValues(loyalty, previousTier: occurrence.previousTier) }
        if let coupon {
            context["has_coupon"] = true
            context["coupon"] = couponValues(coupon, currency: currency)
        }
        if occurrence.campaign.trigger == .noRepeatPurchase {
            let bought = Set(
                snapshot.orderIndexes(of: person.key).flatMap { snapshot.orders[$0].lineItems.compactMap(\.productID) })
            let picks = snapshot.recommendations.recommend(for: bought)
            context["has_recommendations"] = !picks.isEmpty
            context["recommendations"] = picks.map { product in
                ["name": product.name, "price": formatting.money(product.unitPrice), "url": links.product(product.id)]
            }
        }
        return context
    }

    /// `coupon.offer` is the whole promise in the locale's words ("10% off",
    /// "送料無料"); `coupon.discount` only the figure, which a free-shipping
    /// coupon does not have, so it repeats the offer there.
    private func couponValues(_ coupon: CouponAction, currency: Currency?) -> [String: Any] {
        let figure = formatting.discount(kind: coupon.kind, amount: coupon.amount, currency: coupon.currency)
        let offer = strings.text("coupon_offer.\(coupon.kind.rawValue)", ["discount": figure])
        return [
            "code": coupon.code, "offer": offer, "discount": coupon.kind == .freeShipping ? offer : figure,
            "is_free_shipping": coupon.kind == .freeShipping,
            "expires_on": formatting.date(coupon.expiresAt, currency: currency),
        ]
    }

    private func orderValues(_ order: Order) -> [String: Any] {
        let charged = order.charged
        var values: [String: Any] = [
            "id": order.id, "number": order.number, "total": formatting.money(charged.total),
            "subtotal": formatting.money(charged.subtotal), "shipping": formatting.money(charged.shipping),
            "shipping_is_free": charged.shipping.amount == 0,
            "discount": formatting.money(charged.discount), "has_discount": charged.discount.amount != 0,
            "tax": formatting.money(charged.tax), "tax_label": charged.taxLabel ?? "",
            "tax_included": charged.taxIncluded, "has_tax": charged.tax.amount != 0,
            "created_on": formatting.date(order.createdAt, currency: order.currency),
            "tracking_url": links.tracking(order: order),
            "delivery_window": DeliveryWindow(orderedAt: order.createdAt, estimate: deliveryEstimate)
                .text(strings, formatting, currency: order.currency),
            // Before order-level discounts, as the store's own emails list them.
            "items": charged.lines.map { line in
                [
                    "name": line.name, "quantity": line.quantity, "unit_price": formatting.money(line.unitPrice),
                    "total": formatting.money(line.amount),
                ] as [String: Any]
            },
        ]
        // Absent rather than empty, so `{{#order.status_url}}` hides the line.
        if let orderPages { values["status_url"] = orderPages.url(store: snapshot.store, orderID: order.id) }
        return values
    }

    private func loyaltyValues(_ loyalty: LoyaltyAccount, previousTier: String?) -> [String: Any] {
        let currency = snapshot.currency
        var values: [String: Any] = [
            "points": formatting.count(loyalty.points),
            "points_expiring": formatting.count(loyalty.pointsExpiring ?? loyalty.points),
            "tier": loyalty.tier ?? "", "previous_tier": previousTier ?? "",
        ]
        if let expires = loyalty.expiresAt { values["expires_on"] = formatting.date(expires, currency: currency) }
        if let currency {
            let worth = Money(Self.worth(points: loyalty.points, currency: currency, pointValue: pointValue), currency)
            values["worth"] = formatting.money(worth)
            let affordable = snapshot.recommendations.affordable(within: worth).map { product in
                ["name": product.name, "price": formatting.money(product.unitPrice), "url": links.product(product.id)]
            }
            values["affordable"] = affordable
            // Mustache cannot ask whether a list is empty without repeating its section.
            values["has_affordable"] = !affordable.isEmpty
        }
        return values
    }

    /// What `points` are worth: `pointValue` each, or without one the
    /// currency's smallest unit each (1 yen, 1 cent).
    static func worth(points: Int, currency: Currency, pointValue: Decimal? = nil) -> Decimal {
        if let pointValue { return Decimal(points) * pointValue }
        var value = Decimal(points)
        for _ in 0..<currency.minorUnits { value /= 10 }
        return value
    }

    /// How the locale greets `person`: both names in its order, else the
    /// one name known, else its word for a customer.
    private func addressee(_ person: Person) -> String {
        if let both = bothNames(person, key: "addressee") { return both }
        let single = [person.lastName, person.firstName].compactMap(Self.trimmed).first
        guard let single else { return strings.text("addressee_unknown") }
        return strings.text("addressee_name_only", ["name": single])
    }

    /// The name in a message's To header, in the locale's order.
    func recipientName(_ person: Person) -> String? {
        bothNames(person, key: "recipient_name") ?? person.displayName
    }

    /// `key` filled with the given and family names, when both are known.
    private func bothNames(_ person: Person, key: String) -> String? {
        guard let given = Self.trimmed(person.firstName), let family = Self.trimmed(person.lastName) else {
            return nil
        }
        return strings.text(key, ["given_name": given, "family_name": family])
    }

    private static func trimmed(_ name: String?) -> String? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        return name
    }
}
