public import AftercartModel
public import AftercartPlatform
public import Foundation

/// One `[[stores]]` entry, validated.
///
/// The keys every platform shares are typed fields; the platform's own keys
/// are in ``settings``, checked against its ``StorePlatformSchema``.
public struct StoreConfiguration: Sendable, Hashable {
    /// The merchant's name for the store; keys every synced record.
    public var id: StoreID
    /// The `platform` value, which names its registered schema.
    public var platform: String
    /// How often `aftercart run` syncs it (default 15 minutes).
    public var syncEvery: ConfigDuration
    /// How often `aftercart run` does a full pass that marks records the
    /// store no longer has (trashed, deleted) as vanished (default 1 day).
    public var reconcileEvery: ConfigDuration
    /// The store's IANA time zone, for quiet hours and schedules: the
    /// configured one, else the one the store reported, else UTC.
    public var timeZone: TimeZone
    /// Whether `timezone` was set in the config (the store's own zone is
    /// used only when it was not).
    public var timeZoneIsConfigured: Bool
    /// The language the store writes to its customers in (a BCP 47 tag the
    /// store reported, `ja`, `en-US`); `nil` until a check learned it.
    public var siteLanguage: String?
    /// The `locale` the config sets (`ja-JP`, `en-US`), if any.
    public var configuredLocale: String?
    /// How long after shipping a parcel counts as delivered when the
    /// platform never says so (default 5 days).
    public var deliveryEstimate: ConfigDuration
    /// The platform-specific keys, defaults filled in.
    public var settings: StoreSettings
    /// Where the platform's storefront keeps product and order pages.
    public var links: StorefrontLinkTemplates
    /// The config file and the line of this entry's header.
    public var file: String
    /// 1-based line of the `[[stores]]` header.
    public var line: Int?
    /// Tier order and point value (`tiers`, `point_value`).
    public var loyaltyProgram = LoyaltyProgram()
    /// The `display_name` the config sets, if any.
    public var configuredDisplayName: String?
    /// The shop's own name as the platform reported it (`nil` until a check learned it).
    public var shopName: String?
    /// Sender address, reply address, postal address and contact (`from`,
    /// `reply_to`, `unsubscribe_email`, `postal_address`, `contact`).
    public var sender = SenderIdentity()
    /// Logo, accent colour and support page of the store's own pages (`branding`).
    public var branding = StoreBranding()

    /// The name customers know the shop by, which signs its messages and
    /// names their sender: `display_name`, else the platform's shop name,
    /// else (until a check learns that) the config's `name`.
    public var displayName: String { configuredDisplayName ?? shopName ?? name }

    /// Creates a store configuration; normally the loader does this.
    public init(
        id: StoreID, platform: String, syncEvery: ConfigDuration = .minutes(15),
        reconcileEvery: ConfigDuration = .days(1), timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        timeZoneIsConfigured: Bool = true, deliveryEstimate: ConfigDuration = .days(5),
        settings: StoreSettings = StoreSettings(), links: StorefrontLinkTemplates = StorefrontLinkTemplates(),
        file: String = "", line: Int? = nil, siteLanguage: String? = nil, configuredLocale: String? = nil
    ) {
        self.id = id
        self.platform = platform
        self.syncEvery = syncEvery
        self.reconcileEvery = reconcileEvery
        self.timeZone = timeZone
        self.timeZoneIsConfigured = timeZoneIsConfigured
        self.siteLanguage = siteLanguage
        self.configuredLocale = configuredLocale
        self.deliveryEstimate = deliveryEstimate
        self.settings = settings
        self.links = links
        self.file = file
        self.line = line
    }

    /// The locale of the store's messages: the configured one, else the
    /// one its own language implies (``MessageLocale/defaultLocale(forLanguage:)``).
    public var locale: String { configuredLocale ?? MessageLocale.defaultLocale(forLanguage: siteLanguage) }

    /// The store's name (`id.rawValue`).
    public var name: String { id.rawValue }

    /// `base_url`, when set.
    public var baseURL: URL? { settings.url("base_url") }

    /// The secret reference under `key` (`consumer_key`, `access_token`…).
    public func secret(_ key: String) -> ConfiguredSecret? { settings.secret(key) }

    /// Every secret this store names, by key, nested ones included as
    /// `table.key`.
    public var secrets: [String: ConfiguredSecret] {
        var found: [String: ConfiguredSecret] = [:]
        func collect(_ settings: StoreSettings, prefix: String) {
            for (key, value) in settings.values {
                switch value {
                case .secret(let secret): found[prefix + key] = secret
                case .table(let nested): collect(nested, prefix: prefix + key + ".")
                default: break
                }
            }
        }
        collect(settings, prefix: "")
        return found
    }

    /// The store-wide marketing consent the merchant stated, if any.
    public var marketingConsent: StoreWideConsent? {
        settings.string("marketing_consent").flatMap(StoreWideConsent.init(rawValue:))
    }

    /// The customer meta key holding marketing consent (WooCommerce), if any.
    public var consentMetaKey: String? { settings.string("consent_meta_key") }

    /// Where loyalty balances come from, or `nil` when the store has none.
    public var loyalty: LoyaltySourceConfiguration? {
        guard let table = settings.table("loyalty"), let source = table.string("source"), source != "none" else {
            return nil
        }
        return LoyaltySourceConfiguration(
            source: source, pointsKey: table.string("points_key"), expiryKey: table.string("expiry_key"),
            tierKey: table.string("tier_key"), namespace: table.string("namespace"), key: table.string("key"))
    }
}

/// A store-wide marketing consent statement (`marketing_consent`).
public enum StoreWideConsent: String, Sendable, Hashable, CaseIterable {
    /// Every customer agreed (e.g. a mandatory opt-in at checkout).
    case granted
    /// Nobody may receive marketing.
    case denied
    /// Not known: treated like denied for marketing.
    case unknown
}

/// Where a store keeps loyalty points (`loyalty = { … }`).
public struct LoyaltySourceConfiguration: Sendable, Hashable {
    /// `customer_meta`, `advanced_coupons`, `shopify_metafield`, `shopify_store_credit`.
    public var source: String
    /// Meta key (WooCommerce) holding the balance.
    public var pointsKey: String?
    /// Meta or metafield key holding the expiry date.
    public var expiryKey: String?
    /// Meta or metafield key holding the tier.
    public var tierKey: String?
    /// Shopify metafield namespace.
    public var namespace: String?
    /// Shopify metafield key holding the balance.
    public var key: String?

    /// Creates a loyalty source description.
    public init(
        source: String, pointsKey: String? = nil, expiryKey: String? = nil, tierKey: String? = nil,
        namespace: String? = nil, key: String? = nil
    ) {
        self.source = source
        self.pointsKey = pointsKey
        self.expiryKey = expiryKey
        self.tierKey = tierKey
        self.namespace = namespace
        self.key = key
    }
}
