import AftercartConnector
import AftercartModel
import Foundation

/// What the store says about itself beyond the WordPress index: its tax
/// display, its language and version, and whether this key can see
/// customer meta. Each read is optional: a route the key may not use
/// (403/404) leaves the fact unknown rather than failing `check`.
extension WooCommerceConnector {
    /// The site's facts, as ``check()`` reports them.
    struct SiteSettings {
        var pricesIncludeTax: Bool?
        var language: String?
        var version: String?
    }

    func siteSettings() async throws -> SiteSettings {
        var facts = SiteSettings()
        facts.pricesIncludeTax = try await setting(group: "tax", id: "woocommerce_prices_include_tax").map {
            $0.lowercased() == "yes"
        }
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/system_status?_fields=environment"),
            resource: "check", acceptedStatuses: [401, 403, 404])
        let response = try await transport.send(request)
        if response.isSuccess {
            let status = try decode(WooSystemStatusWire.self, response.body, request: request, named: "system_status")
            facts.language = WooFieldReading.nonEmpty(status.environment?.language).map(Self.languageTag)
            facts.version = WooFieldReading.nonEmpty(status.environment?.version)
        }
        return facts
    }

    /// One setting's value (`/settings/{group}/{id}`); `nil` when the key
    /// may not read settings or the store has no such setting.
    func setting(group: String, id: String) async throws -> String? {
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/settings/\(group)/\(id)"), resource: "check",
            acceptedStatuses: [401, 403, 404])
        let response = try await transport.send(request)
        guard response.isSuccess else { return nil }
        return try decode(WooSettingWire.self, response.body, request: request, named: id).value?.text
    }

    /// Whether this key sees customers' `meta_data`: WooCommerce leaves the
    /// field out entirely unless the key's owner is an administrator
    /// (api-facts §8.1). `nil` when the store has no customer to look at.
    func seesCustomerMeta() async throws -> Bool? {
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/customers?per_page=1"), resource: "check",
            acceptedStatuses: [401, 403])
        let response = try await transport.send(request)
        guard response.isSuccess else { return nil }
        let customers = try decode([WooMetaPresenceWire].self, response.body, request: request, named: "customers")
        guard let first = customers.first else { return nil }
        return first.hasMetaData
    }

    /// The warnings for meta this key or this store cannot show.
    func customerMetaWarnings() async throws -> [String] {
        var metaKeys: [String] = []
        if case .customerMeta(let keys) = settings.loyalty {
            metaKeys += [keys.points, keys.pointsExpiring, keys.expiresAt, keys.tier].compactMap { $0 }
        }
        if let consentKey = settings.consent.metaKey { metaKeys.append(consentKey) }
        guard !metaKeys.isEmpty, try await seesCustomerMeta() == false else { return [] }
        return [
            "this key's WordPress user is not an administrator, so WooCommerce sends no customer meta_data: "
                + "\(metaKeys.joined(separator: ", ")) cannot be read from customers (consent falls back to order "
                + "meta and the store-wide setting; loyalty from customer meta reads nothing). Create the key as an administrator."
        ]
    }

    /// A WordPress locale (`ja`, `en_US`, `de_DE_formal`) as a BCP 47 tag
    /// (`ja`, `en-US`, `de-DE`).
    static func languageTag(_ locale: String) -> String {
        let parts = locale.split(whereSeparator: { $0 == "_" || $0 == "-" }).prefix(2)
        return parts.joined(separator: "-")
    }

    /// A `gmt_offset` in hours as a fixed-offset zone (`9` → UTC+09:00).
    static func fixedZone(gmtOffsetHours text: String?) -> TimeZone? {
        guard let text, let hours = Double(text), hours.isFinite, abs(hours) <= 14 else { return nil }
        return TimeZone(secondsFromGMT: Int((hours * 3_600).rounded()))
    }
}

/// A customer reduced to whether its `meta_data` field is there at all.
struct WooMetaPresenceWire: Sendable, Decodable {
    let hasMetaData: Bool

    enum CodingKeys: String, CodingKey { case metaData = "meta_data" }

    init(from decoder: any Decoder) throws {
        hasMetaData = try decoder.container(keyedBy: CodingKeys.self).contains(.metaData)
    }
}
