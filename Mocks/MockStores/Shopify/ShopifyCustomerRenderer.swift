/// Customers, metafields, price rules, discount codes and the shop in Shopify REST shape.
///
/// Loyalty lives in customer metafields under namespace `aftercart`: `points`
/// (number_integer), `points_expiring` (number_integer), `points_expires_at` (date_time)
/// and `tier` (single_line_text_field). Consent is native `email_marketing_consent`.
struct ShopifyCustomerRenderer {
    let state: StoreState

    var profile: StoreProfile { state.profile }
    func time(_ t: Int64) -> String { profile.timeZone.offsetString(t) }

    func render(_ c: CustomerRecord, embedded: Bool, into w: inout JSONWriter) {
        let id = ShopifyIDs.customer(c.index)
        w.beginObject()
        w.field("id", id)
        w.field("email", c.email)
        w.field("created_at", time(c.registeredAt))
        w.field("updated_at", time(c.modifiedAt()))
        w.field("first_name", c.firstName)
        w.field("last_name", c.lastName)
        if !embedded {
            w.field("orders_count", c.ordersCountHint)
        }
        w.field("state", "enabled")
        if !embedded {
            w.field("total_spent", profile.currency.fixed(c.totalSpentMinor))
            w.fieldNull("last_order_id")
        }
        w.field("note", c.note)
        w.field("verified_email", true)
        w.fieldNull("multipass_identifier")
        w.field("tax_exempt", false)
        w.field("tags", c.tags)
        if !embedded { w.fieldNull("last_order_name") }
        w.field("currency", profile.currency.code)
        w.field("phone", c.phone)
        if !embedded {
            w.key("addresses")
            w.beginArray()
            renderAddress(c, into: &w)
            w.endArray()
        }
        w.emptyArray("tax_exemptions")
        w.key("email_marketing_consent")
        w.beginObject()
        w.field("state", c.consent.rawValue)
        w.field(
            "opt_in_level",
            c.writtenOptInLevel
                ?? (c.consent == .subscribed ? "single_opt_in" : c.consent == .pending ? "confirmed_opt_in" : nil))
        w.field("consent_updated_at", time(c.consentAt))
        w.endObject()
        w.key("sms_marketing_consent")
        w.beginObject()
        w.field("state", "not_subscribed")
        w.field("opt_in_level", "single_opt_in")
        w.fieldNull("consent_updated_at")
        w.field("consent_collected_from", "OTHER")
        w.endObject()
        w.field("admin_graphql_api_id", "gid://shopify/Customer/\(id)")
        w.key("default_address")
        renderAddress(c, into: &w)
        w.endObject()
    }

    private func renderAddress(_ c: CustomerRecord, into w: inout JSONWriter) {
        let city = profile.region.cities[c.cityIndex]
        w.beginObject()
        w.field("id", ShopifyIDs.address(c.index))
        w.field("customer_id", ShopifyIDs.customer(c.index))
        w.field("first_name", c.firstName)
        w.field("last_name", c.lastName)
        w.fieldNull("company")
        w.field("address1", "\(c.index % 700 + 10) Main Street")
        w.field("address2", "")
        w.field("city", city.city)
        w.field("province", city.stateName)
        w.field("country", profile.region.countryName)
        w.field("zip", city.postcode)
        w.field("phone", c.phone)
        w.field("name", "\(c.firstName) \(c.lastName)")
        w.field("province_code", city.state)
        w.field("country_code", profile.region.country)
        w.field("country_name", profile.region.countryName)
        w.field("default", true)
        w.endObject()
    }

    /// Generated loyalty metafields followed by written ones (a write to the same
    /// namespace/key replaces the generated value).
    func metafields(_ c: CustomerRecord) -> [CustomerRecord.Metafield] {
        let base = 30_000_000_000 + c.index * 8
        var list = [
            CustomerRecord.Metafield(
                id: base, namespace: "aftercart", key: "points", value: String(c.loyaltyPoints), type: "number_integer",
                createdAt: c.registeredAt, updatedAt: c.baseModifiedAt),
            .init(
                id: base + 1, namespace: "aftercart", key: "points_expiring", value: String(c.pointsExpiring),
                type: "number_integer", createdAt: c.registeredAt, updatedAt: c.baseModifiedAt),
            .init(
                id: base + 2, namespace: "aftercart", key: "points_expires_at",
                value: profile.timeZone.gmtString(c.pointsExpireAt) + "Z", type: "date_time", createdAt: c.registeredAt,
                updatedAt: c.baseModifiedAt),
            .init(
                id: base + 3, namespace: "aftercart", key: "tier", value: c.tier, type: "single_line_text_field",
                createdAt: c.registeredAt, updatedAt: c.baseModifiedAt),
        ]
        for m in c.metafields {
            if let at = list.firstIndex(where: { $0.namespace == m.namespace && $0.key == m.key }) {
                list[at] = m
            } else {
                list.append(m)
            }
        }
        return list
    }

    func renderMetafield(_ m: CustomerRecord.Metafield, owner: Int64, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", m.id)
        w.field("namespace", m.namespace)
        w.field("key", m.key)
        if m.type.hasPrefix("number_integer"), let v = Int64(m.value) {
            w.field("value", v)
        } else {
            w.field("value", m.value)
        }
        w.fieldNull("description")
        w.field("owner_id", owner)
        w.field("created_at", time(m.createdAt))
        w.field("updated_at", time(m.updatedAt))
        w.field("owner_resource", "customer")
        w.field("type", m.type)
        w.field("admin_graphql_api_id", "gid://shopify/Metafield/\(m.id)")
        w.endObject()
    }

    func renderPriceRule(_ k: CouponRecord, into w: inout JSONWriter) {
        let id = ShopifyIDs.priceRule(k.index)
        w.beginObject()
        w.field("id", id)
        w.field("value_type", k.shopifyValueType)
        w.field("value", k.shopifyValue)
        w.field("customer_selection", k.shopifyCustomerSelection)
        w.field("target_type", k.shopifyTargetType)
        w.field("target_selection", "all")
        w.field("allocation_method", k.shopifyAllocationMethod)
        w.fieldNull("allocation_limit")
        w.field("once_per_customer", k.shopifyOncePerCustomer)
        w.field("usage_limit", k.usageLimit)
        w.field("starts_at", time(k.createdAt))
        w.field("ends_at", k.expiresAt.map(time))
        w.field("created_at", time(k.createdAt))
        w.field("updated_at", time(k.modifiedAt))
        for key: StaticString in [
            "entitled_product_ids", "entitled_variant_ids", "entitled_collection_ids", "entitled_country_ids",
            "prerequisite_product_ids", "prerequisite_variant_ids", "prerequisite_collection_ids",
            "customer_segment_prerequisite_ids",
        ] { w.emptyArray(key) }
        w.key("prerequisite_customer_ids")
        w.beginArray()
        for c in k.shopifyPrerequisiteCustomerIDs { w.int(c) }
        w.endArray()
        if k.minimumAmountText != "0.00" {
            w.key("prerequisite_subtotal_range")
            w.beginObject()
            w.field("greater_than_or_equal_to", k.minimumAmountText)
            w.endObject()
        } else {
            w.fieldNull("prerequisite_subtotal_range")
        }
        w.fieldNull("prerequisite_quantity_range")
        w.fieldNull("prerequisite_shipping_price_range")
        w.key("prerequisite_to_entitlement_quantity_ratio")
        w.beginObject()
        w.fieldNull("prerequisite_quantity")
        w.fieldNull("entitled_quantity")
        w.endObject()
        w.key("prerequisite_to_entitlement_purchase")
        w.beginObject()
        w.fieldNull("prerequisite_amount")
        w.endObject()
        w.field("title", k.shopifyTitle)
        w.field("admin_graphql_api_id", "gid://shopify/PriceRule/\(id)")
        w.endObject()
    }

    func renderDiscountCode(_ d: CouponRecord.DiscountCode, ruleIndex: Int, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", d.id)
        w.field("price_rule_id", ShopifyIDs.priceRule(ruleIndex))
        w.field("code", d.code)
        w.field("usage_count", d.usageCount)
        w.field("created_at", time(d.createdAt))
        w.field("updated_at", time(d.updatedAt))
        w.endObject()
    }

    func renderShop(domain: String, into w: inout JSONWriter) {
        let p = profile
        let city = p.region.cities[0]
        let off = p.timeZone.offset(atUTC: p.clockStart)
        w.beginObject()
        w.key("shop")
        w.beginObject()
        w.field("id", Int64(548_380_009) + Int64(p.seed % 1_000))
        w.field("name", p.storeName)
        w.field("email", "owner@\(domain)")
        w.field("domain", domain)
        w.field("province", city.stateName)
        w.field("country", p.region.country)
        w.field("address1", "1 Market Street")
        w.field("zip", city.postcode)
        w.field("city", city.city)
        w.fieldNull("source")
        w.field("phone", p.region.phonePrefix + "0000000")
        w.fieldNull("latitude")
        w.fieldNull("longitude")
        w.field("primary_locale", p.region.country == "JP" ? "ja" : p.region.country == "DE" ? "de" : "en")
        w.fieldNull("address2")
        w.field("created_at", time(p.productGrid.start))
        w.field("updated_at", time(p.clockStart))
        w.field("country_code", p.region.country)
        w.field("country_name", p.region.countryName)
        w.field("currency", p.currency.code)
        w.field("customer_email", "support@\(domain)")
        w.field("timezone", "(GMT\(CivilTime.offsetString(off))) \(p.timeZone.identifier)")
        w.field("iana_timezone", p.timeZone.identifier)
        w.field("shop_owner", "Aftercart Mock")
        w.field("money_format", p.currency.symbol + "{{amount}}")
        w.field("money_with_currency_format", p.currency.symbol + "{{amount}} " + p.currency.code)
        w.field("weight_unit", "kg")
        w.field("province_code", city.state)
        w.field("taxes_included", false)
        w.field("tax_shipping", false)
        w.field("county_taxes", true)
        w.field("plan_display_name", "Basic")
        w.field("plan_name", "basic")
        w.field("has_discounts", true)
        w.field("has_gift_cards", false)
        w.field("myshopify_domain", domain)
        w.fieldNull("google_apps_domain")
        w.fieldNull("google_apps_login_enabled")
        w.field("money_in_emails_format", p.currency.symbol + "{{amount}}")
        w.field("eligible_for_payments", true)
        w.field("requires_extra_payments_agreement", false)
        w.field("password_enabled", false)
        w.field("has_storefront", true)
        w.field("finances", true)
        w.field("primary_location_id", Int64(655_441_491))
        w.field("checkout_api_supported", true)
        w.field("multi_location_enabled", true)
        w.field("setup_required", false)
        w.field("pre_launch_enabled", false)
        w.key("enabled_presentment_currencies")
        w.beginArray()
        w.string(p.currency.code)
        w.endArray()
        w.field("marketing_sms_consent_enabled_at_checkout", false)
        w.field("transactional_sms_disabled", false)
        w.endObject()
        w.endObject()
    }
}
