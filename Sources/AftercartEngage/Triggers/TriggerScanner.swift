import AftercartConfig
import AftercartModel
import Foundation

/// Finds every firing of a campaign's trigger in a store snapshot at `now`.
///
/// A firing is offered only once it is due (trigger time + delay ≤ now) and
/// while it is fresh (not more than ``freshness`` past due): a first plan
/// over two years of history must not send a confirmation for every old
/// order. Idempotency keys stop repeats inside the window.
struct TriggerScanner: Sendable {
    var snapshot: StoreSnapshot
    var now: Date
    var deliveryEstimate: TimeInterval
    var observedTiers: [String: String]

    /// Default wait of `no_repeat_purchase` when a campaign gives no delay.
    static let defaultWinBackDelay: TimeInterval = 45 * 86_400
    /// Default window of `points_expiring` when a campaign gives none.
    static let defaultExpiringWithin: TimeInterval = 14 * 86_400
    /// The shipment statuses a shopper hears about.
    static let notifiedShipmentStatuses: [ShipmentStatus] = [
        .confirmed, .inTransit, .outForDelivery, .delivered, .failure,
    ]

    /// How long past due a firing may still be planned.
    static func freshness(_ trigger: CampaignTrigger) -> TimeInterval {
        switch trigger {
        case .orderPlaced, .shipmentStatusChanged: 3 * 86_400
        case .delivered, .reviewPosted: 14 * 86_400
        case .noRepeatPurchase: 30 * 86_400
        case .pointsExpiring, .tierChanged: .infinity
        }
    }

    /// The campaign's delay, with the win-back default.
    static func delay(_ campaign: CampaignConfiguration) -> TimeInterval {
        if campaign.trigger == .noRepeatPurchase, campaign.delay.seconds == 0 { return defaultWinBackDelay }
        return campaign.delay.timeInterval
    }

    func occurrences(of campaign: CampaignConfiguration) -> [Occurrence] {
        let delay = Self.delay(campaign)
        let freshness = Self.freshness(campaign.trigger)
        let all: [Occurrence]
        switch campaign.trigger {
        case .orderPlaced: all = orderPlaced(campaign)
        case .shipmentStatusChanged: all = shipmentChanged(campaign)
        case .delivered: all = delivered(campaign)
        case .reviewPosted: all = reviewPosted(campaign)
        case .pointsExpiring: all = pointsExpiring(campaign)
        case .tierChanged: all = tierChanged(campaign)
        case .noRepeatPurchase: all = noRepeatPurchase(campaign)
        }
        return all.filter { occurrence in
            let due = occurrence.at.addingTimeInterval(delay)
            return due <= now && now.timeIntervalSince(due) <= freshness
        }
    }

    private func person(for order: Order) -> Person? {
        guard let key = snapshot.personKey(customerID: order.customer.id, email: order.customer.email) else {
            return nil
        }
        return snapshot.people[key]
    }

    private func orderOccurrence(
        _ campaign: CampaignConfiguration, _ order: Order, step: String, at: Date
    ) -> Occurrence? {
        guard let person = person(for: order) else { return nil }
        return Occurrence(
            campaign: campaign, subjectKind: .orders, subjectID: order.id, step: step, at: at, person: person,
            order: order)
    }

    private func orderPlaced(_ campaign: CampaignConfiguration) -> [Occurrence] {
        snapshot.orders.compactMap { order in
            guard order.status != .failed, order.status != .cancelled else { return nil }
            return orderOccurrence(campaign, order, step: "placed", at: order.createdAt)
        }
    }

    private func shipmentChanged(_ campaign: CampaignConfiguration) -> [Occurrence] {
        let statuses = campaign.conditions.shipmentStatuses ?? Self.notifiedShipmentStatuses
        return snapshot.orders.compactMap { order in
            // Snapshots show the latest status only; keying by it gives one
            // message per status reached, and a status skipped between two
            // syncs is not announced late.
            guard statuses.contains(order.shipmentStatus) else { return nil }
            let at =
                order.shipmentStatus == .delivered
                ? (order.deliveredAt ?? order.updatedAt ?? order.createdAt) : (order.updatedAt ?? order.createdAt)
            var occurrence = orderOccurrence(campaign, order, step: "status-\(order.shipmentStatus.rawValue)", at: at)
            occurrence?.shipmentStatus = order.shipmentStatus
            return occurrence
        }
    }

    private func delivered(_ campaign: CampaignConfiguration) -> [Occurrence] {
        snapshot.orders.compactMap { order in
            guard let (at, signal) = DeliverySignal.delivered(order, estimate: deliveryEstimate, now: now) else {
                return nil
            }
            var occurrence = orderOccurrence(campaign, order, step: "delivered", at: at)
            occurrence?.deliverySignal = signal
            return occurrence
        }
    }

    private func reviewPosted(_ campaign: CampaignConfiguration) -> [Occurrence] {
        snapshot.reviews.compactMap { review in
            guard let key = snapshot.personKey(customerID: nil, email: review.customerEmail) else { return nil }
            let person =
                snapshot.people[key]
                ?? Person(
                    key: key, customerID: nil, email: review.customerEmail, firstName: review.reviewerName,
                    lastName: nil, acceptsMarketing: nil)
            return Occurrence(
                campaign: campaign, subjectKind: .reviews, subjectID: review.id, step: "posted", at: review.createdAt,
                person: person, review: review)
        }
    }

    private func pointsExpiring(_ campaign: CampaignConfiguration) -> [Occurrence] {
        let within = campaign.conditions.expiringWithin?.timeInterval ?? Self.defaultExpiringWithin
        return snapshot.loyalty.values.sorted { $0.customerID < $1.customerID }.compactMap { account in
            guard let expiresAt = account.expiresAt, expiresAt > now,
                expiresAt.timeIntervalSince(now) <= within,
                (account.pointsExpiring ?? account.points) > 0,
                let person = snapshot.people["c:" + account.customerID]
            else { return nil }
            let day = Int(expiresAt.timeIntervalSince1970 / 86_400)
            return Occurrence(
                campaign: campaign, subjectKind: .customers, subjectID: account.customerID, step: "expiring-\(day)",
                at: max(expiresAt.addingTimeInterval(-within), now.addingTimeInterval(-Self.delay(campaign))),
                person: person, loyalty: account)
        }
    }

    private func tierChanged(_ campaign: CampaignConfiguration) -> [Occurrence] {
        snapshot.loyalty.values.sorted { $0.customerID < $1.customerID }.compactMap { account in
            guard let tier = account.tier, let previous = observedTiers[account.customerID], previous != tier,
                let person = snapshot.people["c:" + account.customerID]
            else { return nil }
            var occurrence = Occurrence(
                campaign: campaign, subjectKind: .customers, subjectID: account.customerID,
                step: "tier-\(previous)-to-\(tier)", at: now.addingTimeInterval(-campaign.delay.timeInterval),
                person: person, loyalty: account)
            occurrence.previousTier = previous
            return occurrence
        }
    }

    private func noRepeatPurchase(_ campaign: CampaignConfiguration) -> [Occurrence] {
        snapshot.ordersByPerson.keys.sorted().compactMap { key in
            let orders = snapshot.orders(of: key)
            var lastDelivered: (order: Order, at: Date)?
            for order in orders {
                if let (at, _) = DeliverySignal.delivered(order, estimate: deliveryEstimate, now: now),
                    at > (lastDelivered?.at ?? .distantPast)
                {
                    lastDelivered = (order, at)
                }
            }
            guard let last = lastDelivered, let person = snapshot.people[key] else { return nil }
            // Any order placed after it (even one still on its way) is a repeat purchase.
            let repeated = orders.contains { $0.createdAt > last.order.createdAt && CoPurchaseIndex.counts($0) }
            guard !repeated else { return nil }
            return Occurrence(
                campaign: campaign, subjectKind: .customers, subjectID: person.subjectID,
                step: "after-order-\(last.order.id)", at: last.at, person: person, order: last.order)
        }
    }
}

/// Loyalty tiers in their usual order; unknown names have no direction.
enum TierRank {
    static let known = ["bronze", "silver", "gold", "platinum", "diamond"]

    /// Whether `new` is a step up from `old`; `nil` when either is unknown.
    static func isUpgrade(from old: String, to new: String) -> Bool? {
        guard let a = known.firstIndex(of: old.lowercased()), let b = known.firstIndex(of: new.lowercased()) else {
            return nil
        }
        return b > a
    }
}
