/// Routes of extensions a real store would have installed.
extension WooCommerceEmulator {
    /// WooCommerce Shipment Tracking: `GET /wc-shipment-tracking/v3/orders/{id}/shipment-trackings`.
    /// The same items are in the order's `_wc_shipment_tracking_items` meta.
    func shipmentTrackings(orderID: Int, _ snap: StoreOverlay) -> MockResponse {
        let i = WooIDs.orderIndex(orderID)
        guard i >= 0, i < state.profile.orderCount else {
            return WooError.response(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.")
        }
        let o = state.order(i, snap)
        var w = JSONWriter(style: .php, capacity: 512)
        w.beginArray()
        for item in orderRenderer.trackingItems(o, now: snap.now) {
            let number = item["tracking_number"]?.text ?? ""
            let shipped = Int64(item["date_shipped"]?.text ?? "") ?? 0
            w.beginObject()
            w.field("tracking_id", item["tracking_id"]?.text ?? "")
            w.field("tracking_provider", o.carrier.provider)
            w.field("tracking_link", o.carrier.urlPrefix + number)
            w.field("tracking_number", number)
            w.field("date_shipped", String(state.profile.timeZone.localString(shipped).prefix(10)))
            w.key("_links")
            w.beginObject()
            w.key("self")
            w.beginArray()
            w.beginObject()
            w.field(
                "href",
                "\(homeURL)/wp-json/wc-shipment-tracking/v3/orders/\(orderID)/shipment-trackings/\(item["tracking_id"]?.text ?? "")"
            )
            w.endObject()
            w.endArray()
            w.key("up")
            w.beginArray()
            w.beginObject()
            w.field("href", "\(homeURL)/wp-json/wc/v3/orders/\(orderID)")
            w.endObject()
            w.endArray()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        return .json(200, w)
    }

    /// Advanced Coupons Loyalty Program admin route: `GET /wc-loyalty-program/v1/customers/status/{user_id}`.
    /// Point values use 1 point = 0.01 of the currency's main unit (1 yen for JPY).
    func loyaltyStatus(userID: Int, _ snap: StoreOverlay) -> MockResponse {
        let c = WooIDs.customerIndex(userID)
        guard c >= 0, c < state.profile.customerCount else {
            return WooError.response(404, "invalid_customer", "Invalid customer ID.")
        }
        let rec = state.customer(c, snap)
        let points = rec.meta.first { $0.key == "aftercart_points" }?.value.int ?? rec.loyaltyPoints
        let expiring = rec.meta.first { $0.key == "aftercart_points_expiring" }?.value.int ?? rec.pointsExpiring
        let currency = state.profile.currency
        func worth(_ p: Int) -> String {
            currency.exponent == 0
                ? currency.symbol + String(p) : currency.symbol + MoneyText.fixed(Int64(p), exponent: 2)
        }
        let claimed = (rec.index * 37) % 900
        var w = JSONWriter(style: .php, capacity: 512)
        w.beginObject()
        w.field("user_id", userID)
        for (key, label, value) in [
            ("total", "Total points", points + claimed), ("unclaimed", "Unclaimed points", points),
            ("claimed", "Claimed points", claimed), ("expired", "Expired points", 0),
            ("expiring", "Points expiring soon", expiring),
        ] {
            w.key(key)
            w.beginObject()
            w.field("label", label)
            w.field("points", value)
            w.field("worth", worth(value))
            w.endObject()
        }
        w.field("expiry", state.profile.timeZone.localString(rec.pointsExpireAt))
        w.field("tier", rec.meta.first { $0.key == "aftercart_tier" }?.value.text ?? rec.tier)
        w.endObject()
        return .json(200, w)
    }
}
