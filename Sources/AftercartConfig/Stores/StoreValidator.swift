import AftercartModel
import AftercartPlatform
import Foundation

/// Validates `[[stores]]` entries: the common keys here, the platform's
/// keys through its registered schema.
struct StoreValidator {
    static let commonKeys = [
        "name", "platform", "sync_every", "reconcile_every", "timezone", "delivery_estimate", "locale", "tiers",
        "point_value", "display_name", "from", "reply_to", "unsubscribe_email", "postal_address", "contact",
        "branding",
    ]
    static let commonExamples = [
        "name": "name = \"tokyo-woo\"",
        "sync_every": "sync_every = \"15m\"",
        "reconcile_every": "reconcile_every = \"1d\"",
        "timezone": "timezone = \"Asia/Tokyo\"",
        "delivery_estimate": "delivery_estimate = \"5d\"",
        "locale": "locale = \"ja-JP\"",
        "tiers": "tiers = [\"ブロンズ\", \"シルバー\", \"ゴールド\"]",
        "point_value": "point_value = \"1\"",
        "display_name": "display_name = \"東京マグカップ店\"",
        "from": "from = \"東京マグカップ店 <info@tokyo-mugs.example>\"",
        "reply_to": "reply_to = \"support@tokyo-mugs.example\"",
        "unsubscribe_email": "unsubscribe_email = \"unsubscribe@tokyo-mugs.example\"",
        "postal_address": "postal_address = \"〒150-0001 東京都渋谷区神宮前1-2-3\"",
        "contact": "contact = \"support@tokyo-mugs.example / 03-1234-5678\"",
        "branding":
            "branding = { logo_url = \"https://tokyo-mugs.example/logo.png\", accent_color = \"#0f766e\", support_url = \"https://tokyo-mugs.example/contact\" }",
    ]

    let registry: StorePlatformRegistry

    /// The common examples, `platform` showing the first registered platform.
    private var keyExamples: [String: String] {
        var examples = Self.commonExamples
        examples["platform"] = "platform = \"\(registry.schemas.first?.platform ?? "…")\""
        return examples
    }

    func validate(_ reader: TableReader) -> StoreConfiguration? {
        let examples = keyExamples
        let name = reader.string("name", required: true, example: examples["name"]!)
        if let name, !Self.isSlug(name) {
            reader.error(
                "name",
                "\(reader.name("name")) \"\(name)\" may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit (it is used on the command line and in keys).",
                example: examples["name"])
        }
        let platforms = registry.platforms
        let platform = reader.choice(
            "platform", allowed: platforms, noun: "a platform", required: true,
            example: "platform = \"\(platforms.first ?? "…")\"")

        let syncEvery = reader.duration("sync_every", example: examples["sync_every"]!) ?? .minutes(15)
        if syncEvery.seconds < 30, reader.has("sync_every") {
            reader.error(
                "sync_every", "\(reader.name("sync_every")) is shorter than 30s; stores rate-limit far sooner.",
                example: examples["sync_every"])
        }
        let reconcileEvery =
            reader.duration("reconcile_every", example: examples["reconcile_every"]!) ?? .days(1)
        if reconcileEvery.seconds < 3_600, reader.has("reconcile_every") {
            reader.error(
                "reconcile_every",
                "\(reader.name("reconcile_every")) is shorter than 1h; each one re-reads the whole store.",
                example: examples["reconcile_every"])
        }
        let deliveryEstimate =
            reader.duration("delivery_estimate", example: examples["delivery_estimate"]!) ?? .days(5)
        let timeZone = readTimeZone(reader)
        let locale = reader.choice(
            "locale", allowed: MessageLocale.shipped, noun: "a locale with built-in templates",
            example: Self.commonExamples["locale"]!)

        let schema = platform.flatMap(registry.schema(for:))
        var settings = StoreSettings()
        if let schema {
            reader.rejectUnknownKeys(
                allowed: Self.commonKeys + schema.keys.map(\.key),
                examples: examples.merging(Dictionary(schema.keys.map { ($0.key, $0.example) }) { a, _ in a }) { a, _ in
                    a
                },
                context: " for a \(schema.platform) store")
            settings = readSettings(schema.keys, from: reader, storeName: name ?? "store")
            for group in schema.requiredOneOf where !group.contains(where: reader.has) {
                let example = schema.keys.first { $0.key == group[0] }?.example ?? "\(group[0]) = \"…\""
                reader.error(
                    nil,
                    "\(reader.label) (\(schema.platform)) needs \(group.map { "\"\($0)\"" }.joined(separator: " or ")).",
                    example: example)
            }
            let ruleValues = StoreSettingValues(settings.textValues, secretsSet: settings.secretKeys)
            for rule in schema.rules {
                for issue in rule.check(ruleValues) {
                    let path = issue.keyPath.reduce(reader.path) { $0.appending($1) }
                    let message =
                        issue.keyPath.isEmpty
                        ? "\(reader.label) \(issue.message)" : "\(reader.label): \(issue.message)"
                    if issue.isWarning {
                        reader.diagnostics.warning(reader.file, path, message, example: issue.example)
                    } else {
                        reader.diagnostics.error(reader.file, path, message, example: issue.example)
                    }
                }
            }
        }

        let loyaltyProgram = readLoyaltyProgram(reader)
        let displayName = reader.string("display_name", example: Self.commonExamples["display_name"]!)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if displayName?.isEmpty == true {
            reader.error(
                "display_name", "\(reader.name("display_name")) is empty; leave it out to use the shop's own name.",
                example: Self.commonExamples["display_name"])
        }
        guard let name, let platform, let schema else { return nil }
        var store = StoreConfiguration(
            id: StoreID(name), platform: platform, syncEvery: syncEvery, reconcileEvery: reconcileEvery,
            timeZone: timeZone ?? .utc, timeZoneIsConfigured: reader.has("timezone"),
            deliveryEstimate: deliveryEstimate, settings: settings, links: schema.links, file: reader.file.displayPath,
            line: reader.file.locator.nearestLine(for: reader.path), configuredLocale: locale)
        store.loyaltyProgram = loyaltyProgram
        store.configuredDisplayName = displayName
        store.sender = readSenderIdentity(reader)
        store.branding = readBranding(reader)
        return store
    }

    /// `tiers` (the store's own names, lowest first, each once) and
    /// `point_value` (positive).
    private func readLoyaltyProgram(_ reader: TableReader) -> LoyaltyProgram {
        let tiers = reader.stringList("tiers", example: Self.commonExamples["tiers"]!) ?? []
        var seen: Set<String> = []
        for tier in tiers {
            let problem =
                tier.trimmingCharacters(in: .whitespaces).isEmpty
                ? "has an empty name" : seen.insert(tier.lowercased()).inserted ? nil : "names \"\(tier)\" twice"
            guard let problem else { continue }
            reader.error(
                "tiers", "\(reader.name("tiers")) \(problem); list each tier once, lowest first.",
                example: Self.commonExamples["tiers"])
        }
        let pointValue = reader.decimal("point_value", example: Self.commonExamples["point_value"]!)
        if let pointValue, pointValue <= 0 {
            reader.error(
                "point_value", "\(reader.name("point_value")) must be more than 0 (what one point is worth).",
                example: Self.commonExamples["point_value"])
        }
        return LoyaltyProgram(tierOrder: tiers, pointValue: pointValue.flatMap { $0 > 0 ? $0 : nil })
    }

    /// `from`, `reply_to`, `unsubscribe_email` (addresses), `postal_address`
    /// and `contact` (text a customer reads; blank counts as absent, with an error).
    private func readSenderIdentity(_ reader: TableReader) -> SenderIdentity {
        var sender = SenderIdentity()
        if let from = reader.string("from", example: Self.commonExamples["from"]!) {
            if let mailbox = SenderIdentity.parseMailbox(from) {
                sender.fromAddress = mailbox.address
                sender.fromName = mailbox.name
            } else {
                reader.error(
                    "from", "\(reader.name("from")) \"\(from)\" is not an address or \"Name <address>\".",
                    example: Self.commonExamples["from"])
            }
        }
        for key in ["reply_to", "unsubscribe_email"] {
            guard let text = reader.string(key, example: Self.commonExamples[key]!) else { continue }
            let address = text.trimmingCharacters(in: .whitespaces)
            guard SenderIdentity.isPlainAddress(address) else {
                reader.error(
                    key, "\(reader.name(key)) \"\(text)\" is not one plain address (local@domain).",
                    example: Self.commonExamples[key])
                continue
            }
            if key == "reply_to" { sender.replyTo = address } else { sender.unsubscribeEmail = address }
        }
        for key in ["postal_address", "contact"] {
            guard let text = reader.string(key, example: Self.commonExamples[key]!) else { continue }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                reader.error(
                    key, "\(reader.name(key)) is empty; marketing mail must show it.", example: Self.commonExamples[key]
                )
                continue
            }
            if key == "postal_address" { sender.postalAddress = value } else { sender.contact = value }
        }
        return sender
    }

    /// `branding = { logo_url, accent_color, support_url }`, each optional.
    private func readBranding(_ reader: TableReader) -> StoreBranding {
        let example = Self.commonExamples["branding"]!
        guard let table = reader.table("branding", example: example) else { return StoreBranding() }
        table.rejectUnknownKeys(allowed: ["logo_url", "accent_color", "support_url"])
        var branding = StoreBranding()
        branding.logoURL = table.url("logo_url", schemes: ["https", "http"], example: example)
        branding.supportURL = table.url("support_url", schemes: ["https", "http"], example: example)
        if let color = table.string("accent_color", example: example) {
            if StoreBranding.isHexColor(color) {
                branding.accentColor = color.lowercased()
            } else {
                table.error(
                    "accent_color", "\(table.name("accent_color")) \"\(color)\" is not a colour like \"#0f766e\".",
                    example: example)
            }
        }
        return branding
    }

    private func readTimeZone(_ reader: TableReader) -> TimeZone? {
        guard let identifier = reader.string("timezone", example: Self.commonExamples["timezone"]!) else {
            return .utc
        }
        if let zone = TimeZone(identifier: identifier) { return zone }
        let hint = Suggestions.closest(to: identifier, in: TimeZone.knownTimeZoneIdentifiers)
        reader.error(
            "timezone",
            "\(reader.name("timezone")) \"\(identifier)\" is not an IANA time zone\(hint.map { "; did you mean \"\($0)\"?" } ?? ".")",
            example: "timezone = \"\(hint ?? "Asia/Tokyo")\"")
        return nil
    }

    private func readSettings(_ specs: [StoreSettingSpec], from reader: TableReader, storeName: String)
        -> StoreSettings
    {
        var values: [String: StoreSetting] = [:]
        for spec in specs {
            guard reader.has(spec.key) else {
                if spec.required { reader.missing(spec.key, example: spec.example) }
                if let value = spec.defaultValue { values[spec.key] = StoreSetting(value) }
                continue
            }
            if let value = read(spec, from: reader, storeName: storeName) { values[spec.key] = value }
        }
        return StoreSettings(values)
    }

    private func read(_ spec: StoreSettingSpec, from reader: TableReader, storeName: String) -> StoreSetting? {
        let key = spec.key
        switch spec.kind {
        case .string:
            return reader.string(key, example: spec.example).map(StoreSetting.string)
        case .choice(let allowed):
            return reader.choice(
                key, allowed: allowed, noun: "one of \(allowed.joined(separator: ", "))",
                example: spec.example
            ).map(StoreSetting.string)
        case .url(let schemes):
            return reader.url(key, schemes: schemes, example: spec.example).map(StoreSetting.url)
        case .hostname(let suffix):
            guard let host = reader.string(key, example: spec.example) else { return nil }
            return validateHost(host, suffix: suffix, reader: reader, spec: spec).map(StoreSetting.string)
        case .secret:
            let hint = (storeName + "_" + key).uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
            return reader.secret(key, environmentHint: String(hint)).map(StoreSetting.secret)
        case .file:
            guard let path = reader.string(key, example: spec.example) else { return nil }
            return existingFile(path, reader: reader, spec: spec).map(StoreSetting.string)
        case .duration:
            return reader.duration(key, example: spec.example).map(StoreSetting.duration)
        case .bool:
            return reader.bool(key, example: spec.example).map(StoreSetting.bool)
        case .integer(let range):
            return reader.integer(key, range: range, example: spec.example).map(StoreSetting.integer)
        case .table(let nested):
            guard let inner = reader.table(key, example: spec.example) else { return nil }
            inner.rejectUnknownKeys(
                allowed: nested.map(\.key), examples: Dictionary(nested.map { ($0.key, $0.example) }) { a, _ in a })
            return .table(readSettings(nested, from: inner, storeName: storeName))
        }
    }

    /// The absolute path of `path` (written relative to the config file's
    /// folder), or `nil` after an error when no such file exists.
    private func existingFile(_ path: String, reader: TableReader, spec: StoreSettingSpec) -> String? {
        let absolute = reader.file.url(path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            reader.error(
                spec.key, "\(reader.name(spec.key)) \(reader.file.display(path)) is not a file.", example: spec.example)
            return nil
        }
        return absolute
    }

    private func validateHost(_ host: String, suffix: String?, reader: TableReader, spec: StoreSettingSpec)
        -> String?
    {
        let lowered = host.lowercased()
        if lowered.contains("://") || lowered.contains("/") {
            let bare = URLComponents(string: lowered)?.host ?? lowered
            reader.error(
                spec.key,
                "\(reader.name(spec.key)) \"\(host)\" must be a bare host name, without scheme or path.",
                example: "\(spec.key) = \"\(bare)\"")
            return nil
        }
        if let suffix, !lowered.hasSuffix(suffix) {
            reader.error(
                spec.key, "\(reader.name(spec.key)) \"\(host)\" must end in \(suffix).",
                example: "\(spec.key) = \"\(lowered.split(separator: ".").first ?? "shop")\(suffix)\"")
            return nil
        }
        return lowered
    }

    static func isSlug(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
            default: false
            }
        }
    }
}

extension StoreSetting {
    /// A schema's default as a validated value.
    init(_ value: StoreSettingSpec.DefaultValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}

extension TimeZone {
    static let utc = TimeZone(identifier: "UTC")!
}
