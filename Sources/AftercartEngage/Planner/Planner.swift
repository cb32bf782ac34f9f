public import AftercartConfig
public import AftercartModel
import AftercartStore
public import Foundation

/// Evaluates every campaign of a store at an instant and writes the
/// resulting actions to the outbox.
///
/// One run reads the store's records once into memory (``StoreSnapshot``),
/// evaluates every trigger, condition and suppression rule there, and writes
/// new actions in one batch. Keys are (campaign, store, subject, step), so a
/// second run at the same instant plans nothing new.
public struct Planner: Sendable {
    /// The config: stores, campaigns, `[engage]`.
    public var configuration: AftercartConfiguration
    /// Compiled templates for every campaign.
    public var templates: TemplateLibrary
    /// Where records are read and actions written.
    public var database: any PlannerDatabase
    /// Coupon codes under the install's secret.
    public var couponCodes: SmartCouponCode
    /// One-click unsubscribe links for marketing emails; `nil` without a
    /// `[server] public_url` to point them at.
    public var unsubscribe: UnsubscribeLink?
    /// Links to each order's status page for order emails; `nil` without a
    /// `[server] public_url`.
    public var orderPages: OrderPageLink?

    /// A planner over `database`.
    public init(
        configuration: AftercartConfiguration, templates: TemplateLibrary, database: any PlannerDatabase,
        couponCodes: SmartCouponCode
    ) {
        self.configuration = configuration
        self.templates = templates
        self.database = database
        self.couponCodes = couponCodes
    }

    /// Loads the templates the campaigns name and the install's coupon secret
    /// (created on first use).
    ///
    /// - Throws: ``TemplateErrors`` for unusable templates, or a persistence error.
    public static func make(configuration: AftercartConfiguration, database: any PlannerDatabase) async throws
        -> Planner
    {
        let templates = try TemplateLibrary.load(for: configuration)
        let secret = try await database.installSecret(named: "coupon_codes")
        var planner = Planner(
            configuration: configuration, templates: templates, database: database,
            couponCodes: SmartCouponCode(secret: secret))
        if let publicURL = configuration.server.publicURL {
            planner.unsubscribe = try await UnsubscribeLink.load(
                publicURL: publicURL, linkSecret: configuration.server.linkSecret, from: database)
            planner.orderPages = try await OrderPageLink.load(
                publicURL: publicURL, linkSecret: configuration.server.linkSecret, from: database)
        }
        return planner
    }

    /// Plans `store` at `now` and writes the new actions (unless `dryRun`).
    ///
    /// - Throws: ``PlannerError`` for an unknown store; persistence errors.
    public func plan(store: StoreID, at now: Date, dryRun: Bool = false) async throws -> PlanReport {
        guard let storeConfiguration = configuration.store(named: store.rawValue) else {
            throw PlannerError.unknownStore(store.rawValue, known: configuration.stores.map(\.name))
        }
        // Durations only, for benchmarks: no decision depends on them.
        let stopwatch = ContinuousClock()
        let loadStart = stopwatch.now
        var snapshot = try await StoreSnapshot.load(store: store, from: database)
        var loadDuration = stopwatch.now - loadStart
        let tiers = try await database.observedTiers(store: store)
        // Firings first: they name the few orders a message may be rendered
        // for, whose full JSON is then read in one go (the load read only
        // each order's planning projection).
        let firingsStart = stopwatch.now
        let scanner = TriggerScanner(
            snapshot: snapshot, now: now, deliveryEstimate: storeConfiguration.deliveryEstimate.timeInterval,
            observedTiers: tiers)
        let matcher = ConditionMatcher(snapshot: snapshot, now: now)
        let firings = configuration.campaigns(for: store).map { campaign in
            (campaign, scanner.occurrences(of: campaign).map { (occurrence: $0, matches: matcher.matches($0)) })
        }
        var evaluateDuration = stopwatch.now - firingsStart
        let fullReadStart = stopwatch.now
        try await snapshot.loadFullOrders(
            firings.flatMap { $0.1.lazy.filter(\.matches).compactMap(\.occurrence.orderIndex) }, from: database)
        loadDuration += stopwatch.now - fullReadStart
        let keys = try await database.plannedKeys(store: store)
        let week: TimeInterval = 7 * 86_400
        let planned = try await database.plannedEmails(store: store, since: now.addingTimeInterval(-week))
        let recorded = try await database.suppressions(store: store)

        var run = PlanRun(
            store: store, now: now, snapshot: snapshot, existingKeys: keys,
            rules: SuppressionRules(
                settings: configuration.engage, storeConsent: storeConfiguration.marketingConsent,
                snapshot: snapshot, now: now, marketingCounts: Self.marketingCounts(planned),
                recorded: recorded, forgotten: try await database.forgottenCustomers(store: store),
                senderIncomplete: !storeConfiguration.sender.missingForMarketing.isEmpty),
            quietHours: QuietHoursSchedule(
                quietHours: configuration.engage.quietHours, timeZone: storeConfiguration.timeZone),
            context: MessageContext(
                snapshot: snapshot, links: StoreLinks(store: storeConfiguration),
                formatting: MessageFormatting(
                    timeZone: storeConfiguration.timeZone, language: storeConfiguration.locale),
                deliveryEstimate: storeConfiguration.deliveryEstimate.timeInterval,
                strings: .shipped(storeConfiguration.locale)),
            templates: templates.inLocale(storeConfiguration.locale), couponCodes: couponCodes)
        run.loyaltyProgram = storeConfiguration.loyaltyProgram
        run.unsubscribe = unsubscribe
        run.context.pointValue = storeConfiguration.loyaltyProgram.pointValue
        run.context.storeName = storeConfiguration.displayName
        run.context.sender = storeConfiguration.sender
        run.context.orderPages = orderPages
        let evaluateStart = stopwatch.now
        var summaries: [PlanReport.CampaignSummary] = []
        // Kept for the outcomes report; unmet conditions are a campaign's
        // filter, not a suppression, and would be a row per order.
        var suppressed: [SuppressedOccurrence] = []
        for (campaign, occurrences) in firings {
            var summary = PlanReport.CampaignSummary(name: campaign.name)
            for (occurrence, matches) in occurrences {
                guard matches else {
                    summary.suppressed[.conditions, default: 0] += 1
                    continue
                }
                switch try run.plan(occurrence) {
                case .planned(let count):
                    summary.planned += 1
                    summary.actions += count
                case .alreadyPlanned: summary.alreadyPlanned += 1
                case .suppressed(let reason):
                    summary.suppressed[reason, default: 0] += 1
                    suppressed.append(
                        SuppressedOccurrence(
                            campaign: campaign.name, occurrenceKey: occurrence.key(store: store, ""),
                            email: occurrence.person.email, reason: reason.rawValue))
                }
            }
            summaries.append(summary)
        }

        evaluateDuration += stopwatch.now - evaluateStart
        var written = 0
        if !dryRun {
            for batch in stride(from: 0, to: run.actions.count, by: 500) {
                let slice = run.actions[batch..<min(batch + 500, run.actions.count)]
                written += try await database.enqueue(slice.map(\.entry), now: now).filter { $0 }.count
            }
            try await database.recordSuppressedOccurrences(suppressed, store: store, now: now)
            // After the actions: a crash in between re-derives the same
            // tier moves next time, and their keys make that harmless.
            let current = snapshot.loyalty.compactMapValues(\.tier)
            let changed = current.filter { tiers[$0.key] != $0.value }
            try await database.recordObservedTiers(store: store, tiers: changed, now: now)
            // Rows from before the projection: the next plan reads them narrow.
            if snapshot.ordersWithoutProjection > 0 { _ = try await database.backfillOrderPlanning(store: store) }
        }
        var report = PlanReport(
            store: store, at: now, actions: run.actions, written: written, campaigns: summaries,
            customersEvaluated: snapshot.people.count, ordersRead: snapshot.orders.count)
        report.loadDuration = loadDuration
        report.evaluateDuration = evaluateDuration
        return report
    }

    /// Plans every configured store, in config order.
    public func planAll(at now: Date, dryRun: Bool = false) async throws -> [PlanReport] {
        var reports: [PlanReport] = []
        for store in configuration.stores {
            reports.append(try await plan(store: store.id, at: now, dryRun: dryRun))
        }
        return reports
    }

    /// Marketing emails per lowercased recipient among already planned rows.
    static func marketingCounts(_ rows: [PlannedEmailRow]) -> [String: Int] {
        let decoder = ModelJSON.decoder()
        var counts: [String: Int] = [:]
        for row in rows {
            guard let email = try? decoder.decode(EmailAction.self, from: Data(row.payload.utf8)),
                !email.transactional
            else { continue }
            counts[email.to.lowercased(), default: 0] += 1
        }
        return counts
    }
}

/// Why a plan could not run.
public enum PlannerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--store` names no configured store.
    case unknownStore(String, known: [String])
    /// A stored record no longer decodes (written by another version?).
    case undecodable(String)

    public var description: String {
        switch self {
        case .unknownStore(let name, let known):
            "store \"\(name)\" is not configured (configured: \(known.joined(separator: ", "))); check --store"
        case .undecodable(let message): message
        }
    }
}
