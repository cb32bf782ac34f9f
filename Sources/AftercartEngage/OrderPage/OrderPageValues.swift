import AftercartConfig
import AftercartModel
import Foundation

/// The values ``OrderStatusPage``'s template shows for one order: plain
/// strings, flags and lists, every word from the shop's locale table,
/// every amount and time formatted as the shop's customers read them.
struct OrderPageValues {
    let content: OrderPageContent
    let strings: LocaleStrings
    let formatting: MessageFormatting
    let timeline: OrderTimeline

    init(_ content: OrderPageContent) {
        self.content = content
        strings = .shipped(content.shop.locale)
        formatting = MessageFormatting(timeZone: content.shop.timeZone, language: content.shop.locale)
        timeline = OrderTimeline(content.order)
    }

    /// The neutral colour for a shop without a valid accent of its own.
    static let neutralAccent = "#44403c"

    func values() -> [String: Any] {
        let order = content.order
        let branding = content.shop.branding
        var values: [String: Any] = [
            "lang": strings.locale, "shop": content.shop.name,
            "accent": branding.accentColor.flatMap { StoreBranding.isHexColor($0) ? $0 : nil } ?? Self.neutralAccent,
            "title": page("title"),
            "order_number": page("order_number", ["number": order.number]),
            "ordered_on": page("ordered_on", ["time": time(order.createdAt)]),
            "as_of": page("as_of", ["time": time(content.now)]),
            "notices": timeline.notices.map { ["text": page("notice_\($0.rawValue)")] },
            "steps": steps(),
        ]
        if let logo = WebAddress.checked(branding.logoURL?.absoluteString) { values["logo"] = logo }
        if timeline.awaitsDelivery {
            values["window"] = page(
                "expected_delivery",
                [
                    "window": DeliveryWindow(orderedAt: order.createdAt, estimate: content.deliveryEstimate)
                        .text(strings, formatting, currency: order.currency)
                ])
        }
        let shipments = shipments()
        values["has_shipments"] = !shipments.isEmpty
        values["shipments"] = shipments
        values.merge(amounts()) { _, new in new }
        let products = recommendations()
        values["has_recommendations"] = !products.isEmpty
        values["recommendations"] = products
        values.merge(support()) { _, new in new }
        for key in [
            "timeline_heading", "shipments_heading", "items_heading", "recommendations_heading", "support_heading",
            "support_link",
        ] {
            values[key] = page(key)
        }
        return values
    }

    /// Each stage with its name, whether it is reached, and its time when
    /// known; the last reached stage is the current one.
    private func steps() -> [[String: Any]] {
        let current = timeline.steps.lastIndex { $0.reached }
        return timeline.steps.enumerated().map { index, step in
            var values: [String: Any] = [
                "stage": step.stage.rawValue, "name": strings.text("order_stage.\(step.stage.rawValue)"),
                "reached": step.reached, "current": index == current,
            ]
            if step.reached, let at = step.at {
                values["time"] = time(at)
                values["iso"] = at.formatted(.iso8601)
            }
            return values
        }
    }

    /// Each parcel: the carrier as the customer's locale names it, the
    /// number, and a link when there is one to give.
    private func shipments() -> [[String: Any]] {
        content.order.tracking.compactMap { shipment in
            let number = shipment.number.trimmingCharacters(in: .whitespaces)
            guard !number.isEmpty else { return nil }
            var values: [String: Any] = [
                "number": number, "tracking_label": page("tracking_number"), "carrier_label": page("carrier"),
            ]
            if let carrier = shipment.carrier?.trimmingCharacters(in: .whitespaces), !carrier.isEmpty {
                values["carrier"] = strings.carrierName(carrier)
            }
            if let url = CarrierLinks.trackingURL(for: shipment, locale: strings.locale) {
                values["url"] = url
                values["track"] = page("track")
            }
            return values
        }
    }

    /// The lines and totals as the buyer was charged, as the emails show them.
    private func amounts() -> [String: Any] {
        let charged = content.order.charged
        var values: [String: Any] = [
            "items": charged.lines.map { line in
                [
                    "label": page("item", ["name": line.name, "quantity": formatting.count(line.quantity)]),
                    "amount": formatting.money(line.amount),
                ]
            },
            "subtotal": formatting.money(charged.subtotal), "shipping": formatting.money(charged.shipping),
            "total": formatting.money(charged.total),
        ]
        for key in ["subtotal", "discount", "shipping", "tax", "total"] { values["\(key)_label"] = page(key) }
        if charged.discount.amount != 0 { values["discount"] = formatting.money(charged.discount) }
        if charged.tax.amount != 0 {
            if charged.taxIncluded {
                let label = charged.taxLabel.flatMap { $0.isEmpty ? nil : $0 } ?? page("tax_name")
                values["tax_included"] = page(
                    "tax_included", ["tax": formatting.money(charged.tax), "label": label])
            } else {
                values["tax"] = formatting.money(charged.tax)
            }
        }
        let note = page("total_note")
        if !note.isEmpty { values["total_note"] = note }
        return values
    }

    /// Up to four products with their price and page; one without a web
    /// address to link to is left out rather than shown dead.
    private func recommendations() -> [[String: Any]] {
        content.recommendations.compactMap { product -> [String: Any]? in
            guard let url = WebAddress.checked(product.url) else { return nil }
            return ["name": product.name, "price": formatting.money(product.price), "url": url]
        }
        .prefix(OrderPageContent.maximumRecommendations).map { $0 }
    }

    /// Where to ask: the support page and the contact text, whichever the shop has.
    private func support() -> [String: Any] {
        var values: [String: Any] = [:]
        if let url = WebAddress.checked(content.shop.branding.supportURL?.absoluteString) {
            values["support_url"] = url
        }
        if let contact = content.shop.contact?.trimmingCharacters(in: .whitespacesAndNewlines), !contact.isEmpty {
            values["contact"] = contact
        }
        values["has_support"] = !values.isEmpty
        return values
    }

    private func page(_ key: String, _ fill: [String: String] = [:]) -> String {
        strings.text("order_page.\(key)", fill)
    }

    private func time(_ date: Date) -> String {
        formatting.dateTime(date, currency: content.order.currency)
    }
}
