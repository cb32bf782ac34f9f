import Foundation
import NIOCore

/// Writes a bulk query's result as Shopify does: one JSON object per line in GraphQL shape
/// (camelCase, `gid://shopify/…` ids, `…Set { shopMoney { amount currencyCode } }` money,
/// UTC `DateTime`s, enums in capitals), each object of a nested connection on its own line
/// with `__parentId`; grouped, so a parent's children follow it.
///
/// Lines are generated from the store as it was when the operation started (its snapshot),
/// record by record into small buffers, so a million-order file never sits in memory and
/// the same bytes come back on every download (a `Range` resume finds the same offsets).
/// The root objects carry the fields the adapter selects whatever the query says.
struct ShopifyBulkJSONL {
    let state: StoreState
    let orderRenderer: ShopifyOrderRenderer
    let customerRenderer: ShopifyCustomerRenderer

    var profile: StoreProfile { state.profile }

    /// Bytes handed to `sink` at a time.
    static let chunkSize = 64 * 1_024

    /// Sizes of a result: lines, root objects and bytes.
    struct Totals: Sendable, Equatable {
        var objects = 0
        var roots = 0
        var bytes = 0
    }

    /// Writes every line of `shape` over `snapshot`, `chunkSize` bytes at a time.
    func write(
        _ shape: ShopifyBulkQueryShape, snapshot: StoreOverlay, sink: (ByteBuffer) async throws -> Void
    ) async throws {
        var w = JSONWriter(style: .plain, capacity: Self.chunkSize + 8_192)
        for index in rootIndices(shape, snapshot) {
            line(index, shape, snapshot, into: &w)
            if w.bytes.count >= Self.chunkSize {
                try await sink(w.buffer)
                w = JSONWriter(style: .plain, capacity: Self.chunkSize + 8_192)
            }
        }
        if !w.bytes.isEmpty { try await sink(w.buffer) }
    }

    /// Counts what ``write(_:snapshot:sink:)`` would write, without keeping it.
    func totals(_ shape: ShopifyBulkQueryShape, snapshot: StoreOverlay) -> Totals {
        var totals = Totals()
        for index in rootIndices(shape, snapshot) {
            var w = JSONWriter(style: .plain, capacity: 8_192)
            totals.objects += line(index, shape, snapshot, into: &w)
            totals.roots += 1
            totals.bytes += w.bytes.count
        }
        return totals
    }

    /// Record indices of the root connection that pass its `updated_at` filter, in id order.
    private func rootIndices(_ shape: ShopifyBulkQueryShape, _ snap: StoreOverlay) -> LazyFilterSequence<Range<Int>> {
        let minimum = shape.updatedAtMin
        if shape.root == "orders" {
            return (0..<profile.orderCount).lazy.filter { i in
                guard let minimum else { return true }
                return state.order(i, snap).modifiedAt(snap.now) >= minimum
            }
        }
        return (0..<profile.customerCount).lazy.filter { c in
            guard let minimum else { return true }
            return state.customer(c, snap).modifiedAt() >= minimum
        }
    }

    /// The root object's line and its children's; returns how many lines.
    @discardableResult
    private func line(_ index: Int, _ shape: ShopifyBulkQueryShape, _ snap: StoreOverlay, into w: inout JSONWriter)
        -> Int
    {
        if shape.root == "orders" {
            let order = state.order(index, snap)
            orderLine(order, snap, into: &w)
            guard shape.nested.contains("lineItems") else { return 1 }
            let parent = "gid://shopify/Order/\(ShopifyIDs.order(order.index))"
            for line in order.lines { lineItemLine(line, parent: parent, into: &w) }
            return 1 + order.lines.count
        }
        customerLine(state.customer(index, snap), shape.metafields, into: &w)
        return 1
    }

    private func time(_ t: Int64) -> String { CivilTime(epochSeconds: t).isoLocal + "Z" }

    private func moneySet(_ w: inout JSONWriter, _ key: StaticString, _ minor: Int64) {
        w.key(key)
        w.beginObject()
        w.key("shopMoney")
        money(&w, minor)
        w.endObject()
    }

    private func money(_ w: inout JSONWriter, _ minor: Int64) {
        w.beginObject()
        w.field("amount", profile.currency.fixed(minor))
        w.field("currencyCode", profile.currency.code)
        w.endObject()
    }

    private func orderLine(_ o: OrderRecord, _ snap: StoreOverlay, into w: inout JSONWriter) {
        let now = snap.now
        let email = o.customerIndex.map { state.people.email($0) } ?? o.guestEmail
        let refunded = o.refundedMinor(now)
        w.beginObject()
        w.field("id", "gid://shopify/Order/\(ShopifyIDs.order(o.index))")
        w.field("name", "#\(1001 + o.index)")
        w.field("email", email)
        w.field("currencyCode", profile.currency.code)
        moneySet(&w, "totalPriceSet", o.totalMinor)
        moneySet(&w, "subtotalPriceSet", o.subtotalMinor - o.discountMinor)
        moneySet(&w, "totalLineItemsPriceSet", o.subtotalMinor)
        moneySet(&w, "totalDiscountsSet", o.discountMinor)
        moneySet(&w, "totalTaxSet", o.cartTaxMinor)
        moneySet(&w, "totalShippingPriceSet", o.shippingMinor)
        w.field("displayFinancialStatus", orderRenderer.financialStatus(o, now: now).uppercased())
        w.field("displayFulfillmentStatus", o.shipmentStage(now) == .none ? "UNFULFILLED" : "FULFILLED")
        w.field("cancelledAt", orderRenderer.cancelledAt(o, now: now).map(time))
        w.field("closedAt", orderRenderer.closedAt(o, now: now).map(time))
        w.field("createdAt", time(o.createdAt))
        w.field("updatedAt", time(o.modifiedAt(now)))
        w.field("note", o.note)
        w.field("taxesIncluded", false)
        w.key("taxLines")
        w.beginArray()
        if o.cartTaxMinor > 0 {
            w.beginObject()
            w.field("title", profile.currency.taxLabel)
            w.endObject()
        }
        w.endArray()
        w.key("discountCodes")
        w.beginArray()
        if let code = o.couponCode { w.string(code.uppercased()) }
        w.endArray()
        w.key("customer")
        if let c = o.customerIndex.map({ state.customer($0, snap) }) {
            w.beginObject()
            w.field("id", "gid://shopify/Customer/\(ShopifyIDs.customer(c.index))")
            w.field("email", c.email)
            w.field("firstName", c.firstName)
            w.field("lastName", c.lastName)
            consent(c, into: &w)
            w.endObject()
        } else {
            w.null()
        }
        w.key("fulfillments")
        w.beginArray()
        if let status = orderRenderer.shipmentStatus(o, now: now), let created = o.schedule.labelPrintedAt {
            w.beginObject()
            w.field("status", "SUCCESS")
            w.field("displayStatus", status.uppercased())
            w.field("createdAt", time(created))
            w.field("updatedAt", time(o.modifiedAt(now)))
            w.key("trackingInfo")
            w.beginArray()
            w.beginObject()
            w.field("company", o.carrier.provider)
            w.field("number", o.trackingNumber)
            w.field("url", o.carrier.urlPrefix + o.trackingNumber)
            w.endObject()
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("transactions")
        w.beginArray()
        if refunded > 0 {
            w.beginObject()
            w.field("kind", "REFUND")
            w.field("status", "SUCCESS")
            moneySet(&w, "amountSet", refunded)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.lineBreak()
    }

    private func consent(_ c: CustomerRecord, into w: inout JSONWriter) {
        w.key("emailMarketingConsent")
        w.beginObject()
        w.field("marketingState", c.consent.rawValue.uppercased())
        w.endObject()
    }

    private func lineItemLine(_ line: OrderRecord.Line, parent: String, into w: inout JSONWriter) {
        let product = state.catalog.product(line.productIndex)
        w.beginObject()
        w.field("id", "gid://shopify/LineItem/\(ShopifyIDs.lineItem(line.lineID))")
        w.field("name", product.name)
        w.field("title", product.name)
        w.field("sku", product.sku)
        w.field("quantity", line.quantity)
        moneySet(&w, "originalUnitPriceSet", line.unitMinor)
        w.key("product")
        w.beginObject()
        w.field("id", "gid://shopify/Product/\(ShopifyIDs.product(line.productIndex))")
        w.endObject()
        w.key("variant")
        w.beginObject()
        w.field("id", "gid://shopify/ProductVariant/\(ShopifyIDs.variant(line.productIndex))")
        w.endObject()
        w.key("discountAllocations")
        w.beginArray()
        if line.discountMinor > 0 {
            w.beginObject()
            moneySet(&w, "allocatedAmountSet", line.discountMinor)
            w.endObject()
        }
        w.endArray()
        w.field("__parentId", parent)
        w.endObject()
        w.lineBreak()
    }

    private func customerLine(
        _ c: CustomerRecord, _ metafields: [ShopifyBulkQueryShape.Metafield], into w: inout JSONWriter
    ) {
        w.beginObject()
        w.field("id", "gid://shopify/Customer/\(ShopifyIDs.customer(c.index))")
        w.field("email", c.email)
        w.field("firstName", c.firstName)
        w.field("lastName", c.lastName)
        // UnsignedInt64 is a string in GraphQL JSON.
        w.field("numberOfOrders", String(c.ordersCountHint))
        w.key("amountSpent")
        money(&w, c.totalSpentMinor)
        w.field("createdAt", time(c.registeredAt))
        w.field("updatedAt", time(c.modifiedAt()))
        w.key("tags")
        w.beginArray()
        for tag in c.tags.split(separator: ",") {
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { w.string(trimmed) }
        }
        w.endArray()
        consent(c, into: &w)
        let stored = customerRenderer.metafields(c)
        for wanted in metafields {
            w.key(wanted.alias)
            guard let m = stored.first(where: { $0.namespace == wanted.namespace && $0.key == wanted.key }) else {
                w.null()
                continue
            }
            w.beginObject()
            w.field("value", m.value)
            w.field("type", m.type)
            w.field("updatedAt", time(m.updatedAt))
            w.endObject()
        }
        w.endObject()
        w.lineBreak()
    }
}
