/// Where a WooCommerce store keeps marketing consent. WooCommerce core has
/// no consent field, so the merchant says (config/README.md, `consent_meta_key`): a customer
/// or order meta key written by their opt-in plugin, and/or a store-wide
/// statement.
///
/// The meta key wins when it holds a recognisable answer; otherwise the
/// store-wide setting applies. `unknown` leaves `accepts_marketing` `nil`,
/// which the engine treats as no consent.
public struct WooCommerceConsentPolicy: Sendable, Hashable {
    /// What the merchant states for every customer.
    public enum StoreWide: String, Sendable, Hashable, CaseIterable {
        case granted
        case denied
        case unknown
    }

    /// A meta key such as `aftercart_marketing_consent`; `nil` for none.
    public var metaKey: String?
    public var storeWide: StoreWide

    public init(metaKey: String? = nil, storeWide: StoreWide = .unknown) {
        self.metaKey = metaKey
        self.storeWide = storeWide
    }

    /// No meta key and no statement: consent is unknown for everyone.
    public static let unknown = WooCommerceConsentPolicy()

    /// Values read as "yes" and "no", compared case-insensitively. Plugins
    /// write `yes`/`no` (WooCommerce's own checkbox style), `1`/`0`,
    /// `true`/`false`, or a state name.
    static let yes: Set<String> = ["yes", "y", "true", "1", "on", "granted", "subscribed", "opt-in", "opted_in"]
    static let no: Set<String> = [
        "no", "n", "false", "0", "off", "denied", "unsubscribed", "opt-out", "opted_out", "",
    ]

    /// Consent for a record with `meta`.
    func consent(in meta: WooMetaData?) -> Bool? {
        if let metaKey, let value = meta?.value(for: metaKey), let answer = Self.answer(value) {
            return answer
        }
        switch storeWide {
        case .granted: return true
        case .denied: return false
        case .unknown: return nil
        }
    }

    /// `true`/`false` for a recognisable answer, `nil` otherwise.
    static func answer(_ value: WooJSONValue) -> Bool? {
        if case .bool(let flag) = value { return flag }
        guard let text = value.text?.trimming(.whitespaces).lowercased() else { return nil }
        if yes.contains(text) { return true }
        if no.contains(text) { return false }
        return nil
    }
}
