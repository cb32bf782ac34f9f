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

    /// The firings of `campaign` that are due and still fresh at `now`.
    ///
    /// Each trigger checks the window first and builds an occurrence only for
    /// what passes it: a store of 100k orders has a few hundred fresh
    /// firings per campaign, and building the others was most of the scan.
    func occurrences(of campaign: CampaignConfiguration) -> [Occurrence] {
        let window = Window(now: now, delay: Self.delay(campaign), freshness: Self.freshness(campaign.trigger))
        switch campaign.trigger {
        case .orderPlaced: return orderPlaced(campaign, window)
        case .shipmentStatusChanged: return shipmentChanged(campaign, window)
        case .delivered: return delivered(campaign, window)
        case .reviewPosted: return reviewPosted(campaign, window)
        case .pointsExpiring: return pointsExpiring(campaign, window)
        case .tierChanged: return tierChanged(campaign, window)
        case .noRepeatPurchase: return noRepeatPurchase(campaign, window)
        }
    }

    /// When a firing that happened at some time is offered: due, and not stale.
    struct Window {
        var now: Date
        var delay: TimeInterval
        var freshness: TimeInterval

        func admits(_ at: Date) -> Bool {
            let due = at.addingTimeInterval(delay)
            return due <= now && now.timeIntervalSince(due) <= freshness
        }
    }

    private func orderOccurrence(
        _ campaign: CampaignConfiguration, _ index: Int, step: String, at: Date
    ) -> Occurrence? {
        let order = snapshot.orders[index]
        guard let key = snapshot.personKey(customerID: order.customer.id, email: order.customer.email),
            let person = snapshot.people[key]
        else { return nil }
        return Occurrence(
            campaign: campaign, subjectKind: .orders, subjectID: order.id, step: step, at: at, person: person,
            order: order, orderIndex: index)
    }

    private func orderPlaced(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        snapshot.orders.indices.compactMap { index in
            let status = snapshot.orders[index].lifecycle.status
            let at = snapshot.orders[index].lifecycle.createdAt
            guard status != .failed, status != .cancelled, window.admits(at) else { return nil }
            return orderOccurrence(campaign, index, step: "placed", at: at)
        }
    }

    private func shipmentChanged(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        let statuses = campaign.conditions.shipmentStatuses ?? Self.notifiedShipmentStatuses
        // Through a buffer and the orders' lifecycles: read in place, nothing copied.
        return snapshot.orders.withUnsafeBufferPointer { orders in
            orders.indices.compactMap { index in
                let order = orders[index].lifecycle
                // Snapshots show the latest status only; keying by it gives one
                // message per status reached, and a status skipped between two
                // syncs is not announced late.
                guard statuses.contains(order.shipmentStatus) else { return nil }
                let at =
                    order.shipmentStatus == .delivered
                    ? (order.deliveredAt ?? order.updatedAt ?? order.createdAt) : (order.updatedAt ?? order.createdAt)
                guard window.admits(at) else { return nil }
                var occurrence = orderOccurrence(
                    campaign, index, step: "status-\(order.shipmentStatus.rawValue)", at: at)
                occurrence?.shipmentStatus = order.shipmentStatus
                return occurrence
            }
        }
    }

    private func delivered(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        snapshot.orders.withUnsafeBufferPointer { orders in
            orders.indices.compactMap { index in
                guard
                    let (at, signal) = DeliverySignal.delivered(
                        orders[index].lifecycle, estimate: deliveryEstimate, now: now),
                    window.admits(at)
                else { return nil }
                var occurrence = orderOccurrence(campaign, index, step: "delivered", at: at)
                occurrence?.deliverySignal = signal
                return occurrence
            }
        }
    }

    private func reviewPosted(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        snapshot.reviews.compactMap { review in
            guard window.admits(review.createdAt),
                let key = snapshot.personKey(customerID: nil, email: review.customerEmail)
            else { return nil }
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

    private func pointsExpiring(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        let within = campaign.conditions.expiringWithin?.timeInterval ?? Self.defaultExpiringWithin
        let found: [Occurrence] = snapshot.loyalty.values.compactMap { account in
            guard let expiresAt = account.expiresAt, expiresAt > now,
                expiresAt.timeIntervalSince(now) <= within,
                (account.pointsExpiring ?? account.points) > 0
            else { return nil }
            let at = max(expiresAt.addingTimeInterval(-within), now.addingTimeInterval(-Self.delay(campaign)))
            guard window.admits(at), let person = snapshot.people["c:" + account.customerID] else { return nil }
            let day = Int(expiresAt.timeIntervalSince1970 / 86_400)
            return Occurrence(
                campaign: campaign, subjectKind: .customers, subjectID: account.customerID, step: "expiring-\(day)",
                at: at, person: person, loyalty: account)
        }
        // Loyalty accounts are keyed by customer id, so this order is total.
        return found.sorted { $0.subjectID < $1.subjectID }
    }

    private func tierChanged(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        let found: [Occurrence] = snapshot.loyalty.values.compactMap { account in
            guard let tier = account.tier, let previous = observedTiers[account.customerID], previous != tier else {
                return nil
            }
            let at = now.addingTimeInterval(-campaign.delay.timeInterval)
            guard window.admits(at), let person = snapshot.people["c:" + account.customerID] else { return nil }
            var occurrence = Occurrence(
                campaign: campaign, subjectKind: .customers, subjectID: account.customerID,
                step: "tier-\(previous)-to-\(tier)", at: at, person: person, loyalty: account)
            occurrence.previousTier = previous
            return occurrence
        }
        return found.sorted { $0.subjectID < $1.subjectID }
    }

    private func noRepeatPurchase(_ campaign: CampaignConfiguration, _ window: Window) -> [Occurrence] {
        var found: [(key: String, occurrence: Occurrence)] = []
        snapshot.orders.withUnsafeBufferPointer { orders in
            for (key, indexes) in snapshot.ordersByPerson {
                var lastDelivered: (index: Int, at: Date)?
                for index in indexes {
                    if let (at, _) = DeliverySignal.delivered(
                        orders[index].lifecycle, estimate: deliveryEstimate, now: now),
                        at > (lastDelivered?.at ?? .distantPast)
                    {
                        lastDelivered = (index, at)
                    }
                }
                guard let last = lastDelivered, window.admits(last.at), let person = snapshot.people[key] else {
                    continue
                }
                // Any order placed after it (even one still on its way) is a repeat purchase.
                let lastCreated = orders[last.index].lifecycle.createdAt
                let repeated = indexes.contains {
                    orders[$0].lifecycle.createdAt > lastCreated && CoPurchaseIndex.counts(orders[$0].lifecycle)
                }
                guard !repeated else { continue }
                let occurrence = Occurrence(
                    campaign: campaign, subjectKind: .customers, subjectID: person.subjectID,
                    step: "after-order-\(orders[last.index].id)", at: last.at, person: person,
                    order: orders[last.index], orderIndex: last.index)
                found.append((key, occurrence))
            }
        }
        // Person keys are unique, so sorting the few found gives the order
        // that sorting every key first gave.
        return found.sorted { $0.key < $1.key }.map(\.occurrence)
    }
}
