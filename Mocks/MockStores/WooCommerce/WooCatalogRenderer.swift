import Crypto
import Foundation

/// Customer, coupon, product and review JSON in WooCommerce 10.x shape.
///
/// Loyalty and consent live in customer meta (WooCommerce core has neither):
/// `aftercart_points`, `aftercart_points_expiring`, `aftercart_points_expires_at` (UTC,
/// ISO 8601 with `Z`), `aftercart_tier` and `aftercart_marketing_consent` (`yes`/`no`).
///
/// As on a real store (api-facts §8.1), a customer's meta keys starting with `_`
/// (WordPress's protected meta) are never rendered, and a key owned by a shop
/// manager gets no `meta_data` field at all.
struct WooCatalogRenderer {
    let state: StoreState
    let homeURL: String
    var keyOwner: WooCommerceMockSite.KeyOwner = .administrator

    /// WordPress's `is_protected_meta()`: the first printable character is `_`.
    static func isProtected(_ key: String) -> Bool {
        key.drop { $0.isWhitespace || $0.isNewline }.first == "_"
    }

    var profile: StoreProfile { state.profile }
    var zone: StoreTimeZone { profile.timeZone }
    func money(_ minor: Int64) -> String { profile.currency.fixed(minor) }

    private func dates(_ w: inout JSONWriter, created: Int64, modified: Int64?, gmtInline: Bool) {
        w.field("date_created", zone.localString(created))
        w.field("date_created_gmt", zone.gmtString(created))
        if let modified {
            w.field("date_modified", zone.localString(modified))
            w.field("date_modified_gmt", zone.gmtString(modified))
        }
    }

    static let loyaltyKeys = [
        "aftercart_points", "aftercart_points_expiring", "aftercart_points_expires_at", "aftercart_tier",
        "aftercart_marketing_consent",
    ]

    /// Generated meta, then written meta; a written key replaces the generated one.
    func customerMeta(_ c: CustomerRecord) -> [MetaEntry] {
        let base = 400_000_000 + c.index * 8
        var entries = [
            MetaEntry(id: base, key: "aftercart_points", value: .string(String(c.loyaltyPoints))),
            MetaEntry(id: base + 1, key: "aftercart_points_expiring", value: .string(String(c.pointsExpiring))),
            MetaEntry(
                id: base + 2, key: "aftercart_points_expires_at",
                value: .string(zone.gmtString(c.pointsExpireAt) + "Z")),
            MetaEntry(id: base + 3, key: "aftercart_tier", value: .string(c.tier)),
            MetaEntry(
                id: base + 4, key: "aftercart_marketing_consent", value: .string(c.acceptsMarketing ? "yes" : "no")),
        ]
        for m in c.meta {
            if let at = entries.firstIndex(where: { $0.key == m.key }) { entries[at] = m } else { entries.append(m) }
        }
        return entries
    }

    func renderCustomer(_ c: CustomerRecord, into w: inout JSONWriter) {
        let id = WooIDs.customer(c.index)
        let city = profile.region.cities[c.cityIndex]
        w.beginObject()
        w.field("id", id)
        dates(&w, created: c.registeredAt, modified: c.modifiedAt(), gmtInline: false)
        w.field("email", c.email)
        w.field("first_name", c.firstName)
        w.field("last_name", c.lastName)
        w.field("role", "customer")
        w.field("username", String(c.email.split(separator: "@").first ?? ""))
        w.key("billing")
        w.beginObject()
        w.field("first_name", c.firstName)
        w.field("last_name", c.lastName)
        w.field("company", "")
        w.field("address_1", "\(c.index % 700 + 10) Main Street")
        w.field("address_2", "")
        w.field("city", city.city)
        w.field("postcode", city.postcode)
        w.field("country", profile.region.country)
        w.field("state", city.state)
        w.field("email", c.email)
        w.field("phone", c.phone)
        w.endObject()
        w.key("shipping")
        w.beginObject()
        w.field("first_name", c.firstName)
        w.field("last_name", c.lastName)
        w.field("company", "")
        w.field("address_1", "\(c.index % 700 + 10) Main Street")
        w.field("address_2", "")
        w.field("city", city.city)
        w.field("postcode", city.postcode)
        w.field("country", profile.region.country)
        w.field("state", city.state)
        w.field("phone", "")
        w.endObject()
        w.field("is_paying_customer", c.ordersCountHint > 0)
        w.field("avatar_url", "https://secure.gravatar.com/avatar/\(Self.avatarHash(c.email))?s=96&d=mm&r=g")
        if keyOwner == .administrator {
            w.key("meta_data")
            w.beginArray()
            for m in customerMeta(c) where !Self.isProtected(m.key) { m.write(to: &w) }
            w.endArray()
        }
        WooLinks.links(&w, homeURL: homeURL, collection: "customers", id: id)
        w.endObject()
    }

    func renderCoupon(_ k: CouponRecord, into w: inout JSONWriter) {
        let id = WooIDs.coupon(k.index)
        w.beginObject()
        w.field("id", id)
        w.field("code", k.code)
        w.field("amount", k.amountText)
        w.field("status", k.trashedAt == nil ? "publish" : "trash")
        dates(&w, created: k.createdAt, modified: k.modifiedAt, gmtInline: false)
        w.field("discount_type", k.kind.rawValue)
        w.field("description", k.description)
        w.field("date_expires", k.expiresAt.map { zone.localString($0) })
        w.field("date_expires_gmt", k.expiresAt.map { zone.gmtString($0) })
        w.field("usage_count", k.usageCount)
        w.field("individual_use", k.individualUse)
        w.key("product_ids")
        w.beginArray()
        for p in k.productIDs { w.int(p) }
        w.endArray()
        w.emptyArray("excluded_product_ids")
        w.field("usage_limit", k.usageLimit)
        w.field("usage_limit_per_user", k.usageLimitPerUser)
        w.fieldNull("limit_usage_to_x_items")
        w.field("free_shipping", k.freeShipping)
        w.emptyArray("product_categories")
        w.emptyArray("excluded_product_categories")
        w.field("exclude_sale_items", k.excludeSaleItems)
        w.field("minimum_amount", k.minimumAmountText)
        w.field("maximum_amount", k.maximumAmountText)
        w.key("email_restrictions")
        w.beginArray()
        for e in k.emailRestrictions { w.string(e) }
        w.endArray()
        w.key("used_by")
        w.beginArray()
        for u in k.usedBy { w.string(u) }
        w.endArray()
        w.key("meta_data")
        w.beginArray()
        for m in k.meta { m.write(to: &w) }
        w.endArray()
        WooLinks.links(&w, homeURL: homeURL, collection: "coupons", id: id)
        w.endObject()
    }

    func renderProduct(_ p: ProductRecord, into w: inout JSONWriter) {
        let id = WooIDs.product(p.index)
        w.beginObject()
        w.field("id", id)
        w.field("name", p.name)
        w.field("slug", p.slug)
        w.field("permalink", "\(homeURL)/product/\(p.slug)/")
        dates(&w, created: p.createdAt, modified: p.modifiedAt, gmtInline: false)
        w.field("type", "simple")
        w.field("status", "publish")
        w.field("featured", false)
        w.field("catalog_visibility", "visible")
        w.field("description", "<p>\(p.name) from \(profile.storeName).</p>\n")
        w.field("short_description", "")
        w.field("sku", p.sku)
        w.field("price", p.priceText)
        w.field("regular_price", p.priceText)
        w.field("sale_price", "")
        w.fieldNull("date_on_sale_from")
        w.fieldNull("date_on_sale_from_gmt")
        w.fieldNull("date_on_sale_to")
        w.fieldNull("date_on_sale_to_gmt")
        w.field("on_sale", false)
        w.field("purchasable", true)
        w.field("total_sales", p.totalSales)
        w.field("virtual", false)
        w.field("downloadable", false)
        w.emptyArray("downloads")
        w.field("download_limit", -1)
        w.field("download_expiry", -1)
        w.field("external_url", "")
        w.field("button_text", "")
        w.field("tax_status", "taxable")
        w.field("tax_class", "")
        w.field("manage_stock", p.stockQuantity != nil)
        w.field("stock_quantity", p.stockQuantity)
        w.field("backorders", p.stockQuantity.map { $0 < 0 } == true ? "notify" : "no")
        w.field("backorders_allowed", p.stockQuantity.map { $0 < 0 } == true)
        w.field("backordered", p.stockQuantity.map { $0 < 0 } == true)
        w.fieldNull("low_stock_amount")
        w.field("sold_individually", false)
        w.field("weight", "")
        w.key("dimensions")
        w.beginObject()
        w.field("length", "")
        w.field("width", "")
        w.field("height", "")
        w.endObject()
        w.field("shipping_required", true)
        w.field("shipping_taxable", true)
        w.field("shipping_class", "")
        w.field("shipping_class_id", 0)
        w.field("reviews_allowed", true)
        w.field("average_rating", p.averageRating)
        w.field("rating_count", p.ratingCount)
        w.emptyArray("upsell_ids")
        w.emptyArray("cross_sell_ids")
        w.field("parent_id", 0)
        w.field("purchase_note", "")
        w.key("categories")
        w.beginArray()
        w.beginObject()
        w.field("id", 15)
        w.field("name", "Uncategorized")
        w.field("slug", "uncategorized")
        w.endObject()
        w.endArray()
        w.emptyArray("brands")
        w.emptyArray("tags")
        w.emptyArray("images")
        w.emptyArray("attributes")
        w.emptyArray("default_attributes")
        w.emptyArray("variations")
        w.emptyArray("grouped_products")
        w.field("menu_order", 0)
        w.field(
            "price_html",
            "<span class=\"woocommerce-Price-amount amount\">\(profile.currency.symbol)\(p.priceText)</span>")
        w.emptyArray("related_ids")
        w.emptyArray("meta_data")
        w.field(
            "stock_status",
            p.stockQuantity.map { $0 <= 0 } == true ? (isBackorder(p) ? "onbackorder" : "outofstock") : "instock")
        w.field("has_options", false)
        w.field("post_password", "")
        w.field("global_unique_id", "")
        WooLinks.links(&w, homeURL: homeURL, collection: "products", id: id)
        w.endObject()
    }

    private func isBackorder(_ p: ProductRecord) -> Bool { (p.stockQuantity ?? 0) < 0 }

    func renderReview(_ r: ReviewRecord, into w: inout JSONWriter) {
        let product = state.catalog.product(r.productIndex)
        let id = WooIDs.review(r.index)
        w.beginObject()
        w.field("id", id)
        w.field("date_created", zone.localString(r.createdAt))
        w.field("date_created_gmt", zone.gmtString(r.createdAt))
        w.field("product_id", WooIDs.product(r.productIndex))
        w.field("product_name", product.name)
        w.field("product_permalink", "\(homeURL)/product/\(product.slug)/")
        w.field("status", r.status.rawValue)
        w.field("reviewer", r.reviewer)
        w.field("reviewer_email", r.reviewerEmail)
        w.field("review", r.text)
        w.field("rating", r.rating)
        w.field("verified", r.verified)
        let hash = Self.avatarHash(r.reviewerEmail)
        w.key("reviewer_avatar_urls")
        w.beginObject()
        for size in ["24", "48", "96"] {
            w.key(size)
            w.string("https://secure.gravatar.com/avatar/\(hash)?s=\(size)&d=mm&r=g")
        }
        w.endObject()
        w.key("_links")
        w.beginObject()
        WooLinks.selfAndCollection(&w, homeURL: homeURL, collection: "products/reviews", id: id)
        w.key("up")
        w.beginArray()
        w.beginObject()
        w.field("href", "\(homeURL)/wp-json/wc/v3/products/\(WooIDs.product(r.productIndex))")
        w.endObject()
        w.endArray()
        w.endObject()
        w.endObject()
    }

    static func avatarHash(_ email: String) -> String {
        SHA256.hash(data: Data(email.lowercased().utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
