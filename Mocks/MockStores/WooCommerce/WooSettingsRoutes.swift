/// `GET /wc/v3/settings/{group}` and `/settings/{group}/{id}`: the few
/// settings a connector reads, shaped as WooCommerce 10 returns them
/// (every value a string, `"0"` decimals included; api-facts §8.2).
extension WooCommerceEmulator {
    private func settings(group: String) -> [(id: String, label: String, value: String)]? {
        let p = state.profile
        let inclusive = options.site.pricesIncludeTax
        switch group {
        case "general":
            return [
                ("woocommerce_default_country", "Country / State", p.region.country),
                ("woocommerce_currency", "Currency", p.currency.code),
                ("woocommerce_currency_pos", "Currency position", p.currency.code == "EUR" ? "right_space" : "left"),
                ("woocommerce_price_thousand_sep", "Thousand separator", p.currency.code == "EUR" ? "." : ","),
                ("woocommerce_price_decimal_sep", "Decimal separator", p.currency.code == "EUR" ? "," : "."),
                ("woocommerce_price_num_decimals", "Number of decimals", String(p.currency.exponent)),
                ("woocommerce_calc_taxes", "Enable taxes", "yes"),
            ]
        case "tax":
            return [
                ("woocommerce_prices_include_tax", "Prices entered with tax", inclusive ? "yes" : "no"),
                ("woocommerce_tax_display_shop", "Display prices in the shop", inclusive ? "incl" : "excl"),
                (
                    "woocommerce_tax_display_cart", "Display prices during cart and checkout",
                    inclusive ? "incl" : "excl"
                ),
                ("woocommerce_tax_round_at_subtotal", "Rounding", "no"),
                ("woocommerce_tax_total_display", "Display tax totals", "itemized"),
            ]
        default:
            return nil
        }
    }

    func settingsGroup(_ group: String) -> MockResponse {
        guard let entries = settings(group: group) else {
            return WooError.response(404, "rest_setting_setting_group_invalid", "Invalid setting group.")
        }
        var w = JSONWriter(style: .php, capacity: 1_024)
        w.beginArray()
        for entry in entries { write(entry, group: group, into: &w) }
        w.endArray()
        return .json(200, w)
    }

    func setting(group: String, id: String) -> MockResponse {
        guard let entries = settings(group: group) else {
            return WooError.response(404, "rest_setting_setting_group_invalid", "Invalid setting group.")
        }
        guard let entry = entries.first(where: { $0.id == id }) else {
            return WooError.response(404, "rest_setting_setting_invalid", "Invalid setting.")
        }
        var w = JSONWriter(style: .php, capacity: 256)
        write(entry, group: group, into: &w)
        return .json(200, w)
    }

    private func write(_ entry: (id: String, label: String, value: String), group: String, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", entry.id)
        w.field("label", entry.label)
        w.field("description", "")
        w.field("type", "text")
        w.field("default", "")
        w.field("tip", "")
        w.field("value", entry.value)
        w.field("group_id", group)
        w.endObject()
    }
}
