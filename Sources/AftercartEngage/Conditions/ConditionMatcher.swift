import AftercartConfig
import AftercartModel
import Foundation

/// Decides whether a firing meets its campaign's `conditions`; every
/// condition present must hold. Order conditions look at the firing's order,
/// or the person's latest order when the trigger is not about one.
struct ConditionMatcher: Sendable {
    var snapshot: StoreSnapshot
    var now: Date

    func matches(_ occurrence: Occurrence) -> Bool {
        let conditions = occurrence.campaign.conditions
        let order =
            occurrence.order ?? snapshot.orderIndexes(of: occurrence.person.key).last.map { snapshot.orders[$0] }
        if conditions.minOrderTotal != nil || conditions.maxOrderTotal != nil || conditions.orderStatuses != nil
            || conditions.productIDs != nil || conditions.skus != nil
        {
            guard let order else { return false }
            if let minimum = conditions.minOrderTotal, order.total.amount < minimum { return false }
            if let maximum = conditions.maxOrderTotal, order.total.amount > maximum { return false }
            if let statuses = conditions.orderStatuses, !statuses.contains(order.status) { return false }
            if let products = conditions.productIDs,
                !order.lineItems.contains(where: { $0.productID.map(products.contains) ?? false })
            {
                return false
            }
            if let skus = conditions.skus, !order.lineItems.contains(where: { $0.sku.map(skus.contains) ?? false }) {
                return false
            }
        }
        if conditions.minOrdersCount != nil || conditions.maxOrdersCount != nil {
            let count = ordersCount(occurrence.person)
            if let minimum = conditions.minOrdersCount, count < minimum { return false }
            if let maximum = conditions.maxOrdersCount, count > maximum { return false }
        }
        if let statuses = conditions.shipmentStatuses {
            guard let status = occurrence.shipmentStatus ?? order?.shipmentStatus, statuses.contains(status) else {
                return false
            }
        }
        if conditions.minReviewRating != nil || conditions.maxReviewRating != nil {
            guard let rating = occurrence.review?.rating else { return false }
            if let minimum = conditions.minReviewRating, rating < minimum { return false }
            if let maximum = conditions.maxReviewRating, rating > maximum { return false }
        }
        if conditions.minReviewRatingOfCustomer != nil || conditions.maxReviewRatingOfCustomer != nil {
            guard let rating = snapshot.latestReview(of: occurrence.person.key, at: now)?.rating else { return false }
            if let minimum = conditions.minReviewRatingOfCustomer, rating < minimum { return false }
            if let maximum = conditions.maxReviewRatingOfCustomer, rating > maximum { return false }
        }
        let loyalty = occurrence.loyalty ?? occurrence.person.customerID.flatMap { snapshot.loyalty[$0] }
        if let minimum = conditions.minPoints {
            let points =
                occurrence.campaign.trigger == .pointsExpiring
                ? (loyalty?.pointsExpiring ?? loyalty?.points) : loyalty?.points
            guard let points, points >= minimum else { return false }
        }
        if let tiers = conditions.tiers {
            guard let tier = loyalty?.tier, tiers.contains(where: { $0.lowercased() == tier.lowercased() }) else {
                return false
            }
        }
        return true
    }

    /// Orders the person placed that count (not failed or cancelled) as the
    /// synced data shows them.
    func ordersCount(_ person: Person) -> Int {
        snapshot.orderIndexes(of: person.key).count(where: { index in
            snapshot.orders[index].status != .failed && snapshot.orders[index].status != .cancelled
        })
    }
}
