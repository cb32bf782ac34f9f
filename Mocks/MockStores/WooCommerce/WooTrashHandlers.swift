import NIOCore

/// Trash, delete and restore of orders, as WooCommerce 10 does them
/// (api-facts §8.4): `DELETE` without `force` trashes and answers with the
/// order as it was before; the trashed order reads back with status
/// `trash`, a new `date_modified` and `_wp_trash_meta_*` meta, is left out
/// of lists unless `status=trash` is asked for, and fires `order.deleted`
/// with the body `{"id":N}`. `force=true` deletes silently. A `PUT` of a
/// status restores a trashed order and fires nothing. Coupons trash the
/// same way and free their code.
extension WooCommerceEmulator {
    func deleteOrder(_ req: MockRequest, orderID: Int) -> MockResponse {
        let snap = state.snapshot()
        guard let i = liveOrderIndex(orderID, snap) else { return Self.invalidOrderID() }
        let force = ["true", "1"].contains(req.param("force")?.lowercased() ?? "")
        let before = state.order(i, snap)
        if before.trashedAt != nil, !force {
            return WooError.response(410, "woocommerce_rest_already_trashed", "The order has already been deleted.")
        }
        var w = JSONWriter(style: .php)
        orderRenderer.render(before, now: snap.now, into: &w)
        let previousStatus = orderRenderer.status(before, now: snap.now)
        state.mutate { o in
            let now = o.tick()
            var order = o.orders[i] ?? state.orders.order(i)
            if force {
                order.isDeleted = true
            } else {
                order.trashedAt = now
                order.lastWriteAt = now
                order.extraMeta.removeAll { $0.key.hasPrefix("_wp_trash_meta_") }
                order.extraMeta.append(
                    MetaEntry(id: o.allocateID(), key: "_wp_trash_meta_status", value: .string("wc-" + previousStatus)))
                order.extraMeta.append(
                    MetaEntry(id: o.allocateID(), key: "_wp_trash_meta_time", value: .string(String(now))))
            }
            o.orders[i] = order
        }
        if !force {
            events.record(
                .init(kind: .order, index: i, event: .deleted, payload: ByteBuffer(string: "{\"id\":\(orderID)}")))
        }
        return .json(200, w)
    }

    /// `PUT /orders/{id}` with a `status` and/or `meta_data`, the order
    /// updates the emulator takes. Meta is merged by key, protected (`_`)
    /// keys included: unlike user meta, order meta accepts them (api-facts §8.1).
    /// A status on a trashed order is WooCommerce's untrash workaround, which
    /// fires no webhook; the trash meta stays.
    func updateOrder(_ req: MockRequest, orderID: Int) -> MockResponse {
        let snap = state.snapshot()
        guard let i = liveOrderIndex(orderID, snap) else { return Self.invalidOrderID() }
        guard let body = req.json?.object else {
            return WooError.response(400, "rest_invalid_json", "Invalid JSON body passed.")
        }
        let status = body["status"]?.text
        let meta = body["meta_data"]?.array ?? []
        guard status != nil || !meta.isEmpty else {
            return WooError.response(
                400, "rest_invalid_param", "The emulator updates only an order's status and meta_data.")
        }
        let wasTrashed = state.order(i, snap).trashedAt != nil
        state.mutate { o in
            let now = o.tick()
            var order = o.orders[i] ?? state.orders.order(i)
            if let status {
                order.trashedAt = nil
                order.statusOverride = status
            }
            for entry in meta {
                guard let key = entry["key"]?.text else { continue }
                let value = entry["value"] ?? .null
                if let at = order.extraMeta.firstIndex(where: { $0.key == key }) {
                    order.extraMeta[at].value = value
                } else {
                    order.extraMeta.append(MetaEntry(id: o.allocateID(), key: key, value: value))
                }
            }
            order.lastWriteAt = now
            o.orders[i] = order
        }
        if !(wasTrashed && status != nil) { events.record(.init(kind: .order, index: i, event: .updated)) }
        let after = state.snapshot()
        var w = JSONWriter(style: .php)
        orderRenderer.render(state.order(i, after), now: after.now, into: &w)
        return .json(200, w)
    }

    /// The index of order `id` unless it never existed or was deleted for good.
    func liveOrderIndex(_ id: Int, _ snap: StoreOverlay) -> Int? {
        let i = WooIDs.orderIndex(id)
        guard i >= 0, i < state.profile.orderCount, snap.orders[i]?.isDeleted != true else { return nil }
        return i
    }

    static func invalidOrderID() -> MockResponse {
        WooError.response(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
    }

    /// `DELETE /coupons/{id}`: like an order, to the trash with a
    /// `coupon.deleted` webhook `{"id":N}`, or for good with `force=true`.
    func deleteCoupon(_ req: MockRequest, couponID: Int) -> MockResponse {
        let snap = state.snapshot()
        let k = WooIDs.couponIndex(couponID)
        guard k >= 0, k < state.couponCount(snap), !state.coupon(k, snap).isDeleted else {
            return WooError.response(404, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.")
        }
        let force = ["true", "1"].contains(req.param("force")?.lowercased() ?? "")
        let before = state.coupon(k, snap)
        if before.trashedAt != nil, !force {
            return WooError.response(410, "woocommerce_rest_already_trashed", "The coupon has already been deleted.")
        }
        var w = JSONWriter(style: .php)
        catalogRenderer.renderCoupon(before, into: &w)
        state.mutate { o in
            let now = o.tick()
            var coupon = state.coupon(k, o)
            if force {
                coupon.isDeleted = true
            } else {
                coupon.trashedAt = now
                coupon.modifiedAt = now
            }
            o.coupons[k] = coupon
        }
        if !force {
            events.record(
                .init(kind: .coupon, index: k, event: .deleted, payload: ByteBuffer(string: "{\"id\":\(couponID)}")))
        }
        return .json(200, w)
    }
}
