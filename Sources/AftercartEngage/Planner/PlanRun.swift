import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation

/// The state of one plan run: turns firings that met their conditions into
/// outbox actions, applying suppression and counting what it plans.
struct PlanRun {
    enum Outcome {
        case planned(Int)
        case alreadyPlanned
        case suppressed(SuppressionReason)
    }

    var store: StoreID
    var now: Date
    var snapshot: StoreSnapshot
    var existingKeys: Set<String>
    var rules: SuppressionRules
    var quietHours: QuietHoursSchedule
    var context: MessageContext
    var templates: TemplateLibrary
    var couponCodes: SmartCouponCode
    /// The store's tier order, which says whether a tier change is a step up.
    var loyaltyProgram = LoyaltyProgram()
    /// Links for the way out of marketing mail; `nil` without a public URL.
    var unsubscribe: UnsubscribeLink?
    private(set) var actions: [PlannedAction] = []

    init(
        store: StoreID, now: Date, snapshot: StoreSnapshot, existingKeys: Set<String>, rules: SuppressionRules,
        quietHours: QuietHoursSchedule, context: MessageContext, templates: TemplateLibrary,
        couponCodes: SmartCouponCode
    ) {
        self.store = store
        self.now = now
        self.snapshot = snapshot
        self.existingKeys = existingKeys
        self.rules = rules
        self.quietHours = quietHours
        self.context = context
        self.templates = templates
        self.couponCodes = couponCodes
    }

    /// Whether this campaign already announced a stage of the same order
    /// that comes after `stage` (the carrier reports out of order, or a
    /// sync saw the later stage first).
    private func laterStageAnnounced(than stage: ShipmentStatus, _ occurrence: Occurrence) -> Bool {
        let rank = ShipmentStatus.progress(stage)
        return ShipmentStatus.allCases.contains { later in
            guard ShipmentStatus.progress(later) > rank else { return false }
            var announced = occurrence
            announced.step = "status-\(later.rawValue)"
            return existingKeys.contains(announced.key(store: store, "email"))
        }
    }

    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` when a rendered order's stored JSON does not decode.
    mutating func plan(_ occurrence: Occurrence) throws -> Outcome {
        let campaign = occurrence.campaign
        if rules.isForgotten(occurrence.person) { return .suppressed(.forgotten) }
        if campaign.audience == .merchant {
            return try alert(occurrence, key: occurrence.key(store: store, "alert"), template: campaign.template)
        }
        if let stage = occurrence.shipmentStatus, laterStageAnnounced(than: stage, occurrence) {
            return .suppressed(.staleShipmentStage)
        }
        var count = 0
        // Alerts for the merchant do not depend on the customer's consent or caps.
        if ReviewSteps.needsSupportAlert(occurrence, rules: rules) {
            if case .planned(let added) = try alert(
                occurrence, key: occurrence.key(store: store, "alert"), template: ReviewSteps.supportAlertTemplate)
            {
                count += added
            }
        }
        let emailKey = occurrence.key(store: store, "email")
        guard !existingKeys.contains(emailKey) else { return count > 0 ? .planned(count) : .alreadyPlanned }

        var reviewProducts: [PlanningOrder.Item] = []
        // A review request by what its template does (ReviewRequestRule), not by its name.
        if templates.linksToReviews(campaign.template), let order = occurrence.order {
            if order.refundedTotal.amount > 0 || order.status == .refunded
                || order.financialStatus == .partiallyRefunded || order.financialStatus == .refunded
            {
                return finish(count, .refunded)
            }
            let reviewed = Set(snapshot.reviews(of: occurrence.person.key).map(\.productID))
            var seen: Set<String> = []
            reviewProducts = order.lineItems.filter { item in
                guard let id = item.productID, !reviewed.contains(id) else { return false }
                return seen.insert(id).inserted
            }
            if reviewProducts.isEmpty { return finish(count, .alreadyReviewed) }
        }
        if campaign.trigger == .tierChanged, let previous = occurrence.previousTier,
            let tier = occurrence.loyalty?.tier
        {
            switch loyaltyProgram.isUpgrade(from: previous, to: tier) {
            case true?: break
            case false?: return finish(count, .tierDown)
            case nil: return finish(count, .tierUnranked)
            }
        }
        let invite =
            ReviewSteps.invitesToLoyalty(occurrence, snapshot: snapshot)
            && !existingKeys.contains(occurrence.key(store: store, "invitation"))
        var notBefore = now
        if !campaign.transactional {
            let promotion = campaign.trigger != .reviewPosted
            if let reason = rules.blockMarketing(to: occurrence.person, promotion: promotion, messages: invite ? 2 : 1)
            {
                return finish(count, reason)
            }
            rules.count(invite ? 2 : 1, to: occurrence.person)
            notBefore = quietHours.adjust(now)
        }
        guard let template = templates.template(named: campaign.template) else {
            return finish(count, .notDeliverable)
        }

        var coupon: CouponAction?
        var after: [String] = []
        if let spec = campaign.coupon {
            let couponKey = "\(campaign.name)/\(store.rawValue)/customers:\(occurrence.person.subjectID)/coupon"
            let action = couponAction(spec, occurrence: occurrence, notBefore: notBefore)
            coupon = action
            after = [couponKey]
            if !existingKeys.contains(couponKey) {
                append(
                    occurrence, key: couponKey, action: .createCoupon, payload: encode(action),
                    notBefore: notBefore, channel: "store", coupon: action, subject: nil, subjectKind: .customers,
                    subjectID: occurrence.person.subjectID)
                count += 1
            }
        }
        let wayOut = campaign.transactional ? nil : unsubscribeURL(for: occurrence)
        let rendered = try render(
            template, occurrence, coupon: coupon, reviewProducts: reviewProducts, unsubscribeURL: wayOut)
        let email = EmailAction(
            to: occurrence.person.email, toName: context.recipientName(occurrence.person), subject: rendered.subject,
            text: rendered.text, html: rendered.html, transactional: campaign.transactional, after: after,
            couponCode: coupon?.code, orderID: occurrence.order?.id, customerID: occurrence.person.customerID,
            pushBack: pushBack(occurrence), unsubscribeURL: wayOut)
        append(
            occurrence, key: emailKey, action: .sendEmail, payload: encode(email), notBefore: notBefore,
            channel: "email", coupon: coupon, subject: rendered.subject)
        count += 1
        if invite, let invitation = templates.template(named: ReviewSteps.invitationTemplate) {
            let link = unsubscribeURL(for: occurrence)
            let text = try render(invitation, occurrence, coupon: nil, reviewProducts: [], unsubscribeURL: link)
            let message = EmailAction(
                to: occurrence.person.email, toName: context.recipientName(occurrence.person), subject: text.subject,
                text: text.text, html: text.html, transactional: false, customerID: occurrence.person.customerID,
                unsubscribeURL: link)
            append(
                occurrence, key: occurrence.key(store: store, "invitation"), action: .sendEmail,
                payload: encode(message), notBefore: notBefore, channel: "email", coupon: nil, subject: text.subject)
            count += 1
        }
        return .planned(count)
    }

    /// `template` filled with `occurrence`'s values and the message's way out, if it has one.
    private func render(
        _ template: MessageTemplate, _ occurrence: Occurrence, coupon: CouponAction?,
        reviewProducts: [PlanningOrder.Item], unsubscribeURL: String?
    ) throws -> MessageTemplate.Rendered {
        var values = try context.values(for: occurrence, coupon: coupon, reviewProducts: reviewProducts)
        values["unsubscribe_url"] = unsubscribeURL
        return template.render(values)
    }

    /// The one-click way out for `occurrence`'s customer, when links can be made.
    private func unsubscribeURL(for occurrence: Occurrence) -> String? {
        unsubscribe?.url(store: store, email: occurrence.person.email)
    }

    private func finish(_ count: Int, _ reason: SuppressionReason) -> Outcome {
        count > 0 ? .planned(count) : .suppressed(reason)
    }

    /// Plans an alert for the merchant's team, written with `template` in
    /// the store's language (a merchant campaign's own template, or
    /// ``ReviewSteps/supportAlertTemplate`` for a customer campaign's).
    private mutating func alert(_ occurrence: Occurrence, key: String, template name: String) throws -> Outcome {
        guard !existingKeys.contains(key) else { return .alreadyPlanned }
        var message: SupportAlertAction.RenderedAlert?
        if let template = templates.template(named: name) {
            let rendered = template.render(try context.values(for: occurrence, coupon: nil, reviewProducts: []))
            message = .init(subject: rendered.subject, text: rendered.text, html: rendered.html)
        }
        let action = SupportAlertAction(
            reason: message?.subject ?? occurrence.campaign.name, customerEmail: occurrence.person.email,
            customerName: occurrence.person.displayName, orderID: occurrence.order?.id,
            reviewID: occurrence.review?.id, rating: occurrence.review?.rating, message: message)
        append(
            occurrence, key: key, action: .supportAlert, payload: encode(action), notBefore: now, channel: "support",
            coupon: nil, subject: action.reason, customerEmail: nil)
        return .planned(1)
    }

    private func couponAction(_ spec: CampaignCoupon, occurrence: Occurrence, notBefore: Date) -> CouponAction {
        let code = couponCodes.code(
            store: store, campaign: occurrence.campaign.name, customer: occurrence.person.subjectID,
            prefix: spec.codePrefix ?? SmartCouponCode.prefix(forCampaign: occurrence.campaign.name))
        return CouponAction(
            code: code, kind: spec.kind, amount: spec.amount,
            currency: spec.kind == .percent ? nil : (snapshot.currency ?? occurrence.order?.currency),
            expiresAt: notBefore.addingTimeInterval(spec.expiresIn.timeInterval), usageLimit: 1,
            email: occurrence.person.email.lowercased(), customerID: occurrence.person.customerID,
            description: "Aftercart \(occurrence.campaign.name)")
    }

    /// Only the writes the campaign's `push_back` asks for: a note needs an
    /// order, a tag a customer account.
    private func pushBack(_ occurrence: Occurrence) -> EmailAction.PushBack? {
        let asked = occurrence.campaign.pushBack
        var tags: [String] = []
        if asked.contains(.customerTag), occurrence.person.customerID != nil {
            tags.append("aftercart-\(occurrence.campaign.name)")
        }
        var note: String?
        if asked.contains(.orderNote), occurrence.order != nil {
            note = "Aftercart: \(occurrence.campaign.name) email sent {date}"
        }
        return note == nil && tags.isEmpty ? nil : EmailAction.PushBack(orderNote: note, customerTags: tags)
    }

    private mutating func append(
        _ occurrence: Occurrence, key: String, action: OutboxAction, payload: String, notBefore: Date,
        channel: String, coupon: CouponAction?, subject: String?, subjectKind: ResourceKind? = nil,
        subjectID: String? = nil, customerEmail: String?? = .none
    ) {
        existingKeys.insert(key)
        let entry = NewOutboxEntry(
            idempotencyKey: key, store: store, campaign: occurrence.campaign.name,
            subjectKind: subjectKind ?? occurrence.subjectKind, subjectID: subjectID ?? occurrence.subjectID,
            action: action, payload: payload, notBefore: notBefore)
        actions.append(
            PlannedAction(
                entry: entry, customerEmail: customerEmail ?? occurrence.person.email, channel: channel,
                coupon: coupon, subject: subject, transactional: occurrence.campaign.transactional,
                deliverySignal: occurrence.deliverySignal?.rawValue))
    }

    private func encode(_ value: some Encodable) -> String {
        // The model types encode without failing (no floats, no custom throws).
        (try? String(decoding: ModelJSON.encoder().encode(value), as: UTF8.self)) ?? "{}"
    }
}
