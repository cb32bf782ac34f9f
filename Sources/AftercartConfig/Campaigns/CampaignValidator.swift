import AftercartModel
import Foundation

/// Validates campaign tables, including the honest-reviews rule.
struct CampaignValidator {
    static let keys = [
        "name", "trigger", "delay", "conditions", "template", "coupon", "transactional", "audience", "stores",
        "push_back", "enabled",
    ]
    static let examples = [
        "name": "name = \"review-request\"",
        "trigger": "trigger = \"delivered\"",
        "delay": "delay = \"7d\"",
        "conditions": "conditions = { min_order_total = \"20\" }",
        "template": "template = \"review-request\"",
        "coupon": "coupon = { kind = \"percent\", amount = \"10\", expires_in = \"30d\" }",
        "transactional": "transactional = true",
        "audience": "audience = \"customer\"",
        "stores": "stores = [\"tokyo-woo\"]",
        "push_back": "push_back = [\"order_note\", \"customer_tag\"]",
        "enabled": "enabled = true",
    ]

    /// Condition keys, with the triggers they make sense for (`nil`: any).
    static let conditionKeys: [(key: String, triggers: [CampaignTrigger]?, example: String)] = [
        ("min_order_total", nil, "min_order_total = \"50\""),
        ("max_order_total", nil, "max_order_total = \"500\""),
        ("min_orders_count", nil, "min_orders_count = 2"),
        ("max_orders_count", nil, "max_orders_count = 1"),
        ("order_statuses", nil, "order_statuses = [\"completed\"]"),
        ("shipment_statuses", [.shipmentStatusChanged], "shipment_statuses = [\"in_transit\", \"out_for_delivery\"]"),
        ("product_ids", nil, "product_ids = [\"12\", \"34\"]"),
        ("skus", nil, "skus = [\"MUG-1\"]"),
        ("min_review_rating", [.reviewPosted], "min_review_rating = 4"),
        ("max_review_rating", [.reviewPosted], "max_review_rating = 2"),
        ("min_review_rating_of_customer", nil, "min_review_rating_of_customer = 4"),
        ("max_review_rating_of_customer", nil, "max_review_rating_of_customer = 2"),
        ("min_points", [.pointsExpiring, .tierChanged], "min_points = 100"),
        ("expiring_within", [.pointsExpiring], "expiring_within = \"14d\""),
        ("tiers", [.tierChanged, .pointsExpiring], "tiers = [\"gold\"]"),
    ]

    static let ftcRule = "FTC rule 16 CFR Part 465"

    /// `defaultName` names a campaign file's single campaign after the file.
    func validate(_ reader: TableReader, defaultName: String? = nil) -> CampaignConfiguration? {
        reader.rejectUnknownKeys(allowed: Self.keys, examples: Self.examples, context: " for a campaign")
        var name = reader.string("name", required: defaultName == nil, example: Self.examples["name"]!)
        if name == nil, !reader.has("name") { name = defaultName }
        if let name, !StoreValidator.isSlug(name) {
            reader.error(
                "name",
                "\(reader.name("name")) \"\(name)\" may hold only letters, digits, '-', '_' and '.' (it is part of every outbox key).",
                example: Self.examples["name"])
        }
        let trigger = reader.choice(
            "trigger", allowed: CampaignTrigger.allCases.map(\.rawValue), noun: "a trigger", required: true,
            example: Self.examples["trigger"]!
        ).flatMap(CampaignTrigger.init(rawValue:))
        let delay = reader.duration("delay", example: Self.examples["delay"]!) ?? ConfigDuration(seconds: 0)
        let template = reader.string("template", required: true, example: Self.examples["template"]!)
        if let template, !StoreValidator.isSlug(template) {
            reader.error(
                "template",
                "\(reader.name("template")) \"\(template)\" must be a template name (letters, digits, '-', '_', '.'), not a path.",
                example: Self.examples["template"])
        }
        let transactional = reader.bool("transactional", example: Self.examples["transactional"]!) ?? false
        let enabled = reader.bool("enabled", example: Self.examples["enabled"]!) ?? true
        let audience =
            reader.choice(
                "audience", allowed: CampaignAudience.allCases.map(\.rawValue), noun: "an audience",
                example: Self.examples["audience"]!
            ).flatMap(CampaignAudience.init(rawValue:)) ?? .customer
        let stores = reader.stringList("stores", example: Self.examples["stores"]!)?.map { StoreID($0) }
        let pushBack: [CampaignPushBack]? = enumList("push_back", reader: reader, example: Self.examples["push_back"]!)
        let coupon = reader.table("coupon", example: Self.examples["coupon"]!).flatMap(readCoupon)
        let conditionsReader = reader.table("conditions", example: Self.examples["conditions"]!)
        let conditions = conditionsReader.map { readConditions($0, trigger: trigger) } ?? CampaignConditions()

        guard let name, let trigger, let template else { return nil }
        let campaign = CampaignConfiguration(
            name: name, trigger: trigger, delay: delay, conditions: conditions, template: template, coupon: coupon,
            transactional: transactional, audience: audience, stores: stores,
            pushBack: pushBack.map(Set.init) ?? CampaignPushBack.defaults, enabled: enabled,
            file: reader.file.displayPath, line: reader.file.locator.nearestLine(for: reader.path))
        checkRules(campaign, reader: reader, conditionsReader: conditionsReader)
        return campaign
    }

    private func checkRules(_ campaign: CampaignConfiguration, reader: TableReader, conditionsReader: TableReader?) {
        let ratingKeys = CampaignConditions.ratingKeys.filter { conditionsReader?.has($0) ?? false }
        // Whether a campaign asks for reviews depends on its templates, which
        // are not loaded here: AftercartEngage's ReviewRequestRule checks that.
        if campaign.trigger == .reviewPosted, campaign.coupon != nil {
            for key in ratingKeys {
                conditionsReader?.error(
                    key,
                    "\(conditionsReader?.name(key) ?? key): a coupon given for a review must not depend on its rating; the \(Self.ftcRule) bans sentiment-conditioned incentives. Give the coupon for every review, or drop it and keep the condition for a support alert.",
                    example:
                        "coupon = { kind = \"percent\", amount = \"10\", expires_in = \"30d\" }  # no rating condition")
            }
        }
        if campaign.transactional {
            if !campaign.trigger.allowsTransactional {
                reader.error(
                    "transactional",
                    "\(reader.name("transactional")): only order-status messages (order_placed, shipment_status_changed, delivered) can be transactional; \(campaign.trigger.rawValue) messages are marketing.",
                    example: "transactional = false")
            }
            if campaign.coupon != nil {
                reader.error(
                    "coupon",
                    "\(reader.name("coupon")): a coupon makes a message marketing, so a transactional campaign cannot carry one.",
                    example: "transactional = false")
            }
        }
        if campaign.audience == .merchant, campaign.coupon != nil {
            reader.error(
                "coupon", "\(reader.name("coupon")): a merchant alert cannot carry a customer coupon.",
                example: "audience = \"customer\"")
        }
    }

    private func readCoupon(_ reader: TableReader) -> CampaignCoupon? {
        reader.rejectUnknownKeys(
            allowed: ["kind", "amount", "expires_in", "code_prefix"],
            examples: [
                "kind": "kind = \"percent\"", "amount": "amount = \"10\"", "expires_in": "expires_in = \"30d\"",
                "code_prefix": "code_prefix = \"THANKS\"",
            ])
        let kind = reader.choice(
            "kind", allowed: CouponKind.allCases.map(\.rawValue), noun: "a coupon kind", required: true,
            example: "kind = \"percent\""
        ).flatMap(CouponKind.init(rawValue:))
        // A free-shipping coupon takes nothing off the goods, so it has no amount.
        let freeShipping = kind == .freeShipping
        if freeShipping, reader.has("amount") {
            reader.error(
                "amount", "\(reader.name("amount")) does not apply to a free_shipping coupon; remove it.",
                example: "coupon = { kind = \"free_shipping\", expires_in = \"30d\" }")
            return nil
        }
        let amount = freeShipping ? 0 : reader.decimal("amount", required: true, example: "amount = \"10\"")
        let expiresIn = reader.duration("expires_in", example: "expires_in = \"30d\"") ?? .days(30)
        if let amount, amount <= 0, !freeShipping {
            reader.error("amount", "\(reader.name("amount")) must be more than 0.", example: "amount = \"10\"")
            return nil
        }
        if let amount, kind == .percent, amount > 100 {
            reader.error("amount", "\(reader.name("amount")) is a percentage above 100.", example: "amount = \"10\"")
            return nil
        }
        if reader.has("expires_in"), expiresIn.seconds < 3600 {
            reader.error(
                "expires_in", "\(reader.name("expires_in")) is shorter than an hour; nobody could use it.",
                example: "expires_in = \"30d\"")
        }
        let prefix = reader.string("code_prefix", example: "code_prefix = \"THANKS\"")
        if let prefix,
            prefix.isEmpty || prefix.count > 12
                || !prefix.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        {
            reader.error(
                "code_prefix",
                "\(reader.name("code_prefix")) \"\(prefix)\" must be 1 to 12 upper-case letters or digits (it starts every code).",
                example: "code_prefix = \"THANKS\"")
        }
        guard let kind, let amount else { return nil }
        return CampaignCoupon(kind: kind, amount: amount, expiresIn: expiresIn, codePrefix: prefix)
    }

    private func readConditions(_ reader: TableReader, trigger: CampaignTrigger?) -> CampaignConditions {
        let known = Self.conditionKeys
        reader.rejectUnknownKeys(
            allowed: known.map(\.key), examples: Dictionary(known.map { ($0.key, $0.example) }) { a, _ in a },
            context: " for conditions")
        for entry in known where reader.has(entry.key) {
            if let trigger, let triggers = entry.triggers, !triggers.contains(trigger) {
                reader.error(
                    entry.key,
                    "\(reader.name(entry.key)) only applies to trigger \(triggers.map(\.rawValue).joined(separator: " or ")), not \(trigger.rawValue).",
                    example: nil)
            }
        }
        func example(_ key: String) -> String { known.first { $0.key == key }!.example }
        var conditions = CampaignConditions()
        conditions.minOrderTotal = reader.decimal("min_order_total", example: example("min_order_total"))
        conditions.maxOrderTotal = reader.decimal("max_order_total", example: example("max_order_total"))
        conditions.minOrdersCount = reader.integer(
            "min_orders_count", range: 0...1_000_000, example: example("min_orders_count"))
        conditions.maxOrdersCount = reader.integer(
            "max_orders_count", range: 0...1_000_000, example: example("max_orders_count"))
        conditions.orderStatuses = enumList("order_statuses", reader: reader, example: example("order_statuses"))
        conditions.shipmentStatuses = enumList(
            "shipment_statuses", reader: reader, example: example("shipment_statuses"))
        conditions.productIDs = reader.stringList("product_ids", example: example("product_ids"))
        conditions.skus = reader.stringList("skus", example: example("skus"))
        for key in CampaignConditions.ratingKeys {
            let rating = reader.integer(key, range: 1...5, example: example(key))
            switch key {
            case "min_review_rating": conditions.minReviewRating = rating
            case "max_review_rating": conditions.maxReviewRating = rating
            case "min_review_rating_of_customer": conditions.minReviewRatingOfCustomer = rating
            default: conditions.maxReviewRatingOfCustomer = rating
            }
        }
        conditions.minPoints = reader.integer("min_points", range: 0...Int.max, example: example("min_points"))
        conditions.expiringWithin = reader.duration("expiring_within", example: example("expiring_within"))
        conditions.tiers = reader.stringList("tiers", example: example("tiers"))
        return conditions
    }

    private func enumList<Value: RawRepresentable & CaseIterable>(
        _ key: String, reader: TableReader, example: String
    ) -> [Value]? where Value.RawValue == String {
        guard let texts = reader.stringList(key, example: example) else { return nil }
        let allowed = Value.allCases.map(\.rawValue)
        var values: [Value] = []
        for (index, text) in texts.enumerated() {
            guard let value = Value(rawValue: text) else {
                reader.diagnostics.error(
                    reader.file, reader.path.appending(key).appending(index: index),
                    "\(reader.name(key)) has \"\(text)\", which is not one of \(allowed.joined(separator: ", "))\(Suggestions.didYouMean(text, in: allowed)).",
                    example: example)
                continue
            }
            values.append(value)
        }
        return values
    }
}
