import AftercartConfig
import AftercartModel
import Foundation

/// The extra steps of a `review_posted` firing and of a failed delivery.
///
/// The thank-you (and its coupon) goes to every reviewer alike; the rating
/// only decides whether support hears about it (≤ `negative_review_max_rating`)
/// and whether a separate, non-incentive loyalty invitation follows (≥ 4).
enum ReviewSteps {
    /// The template of the loyalty programme invitation.
    static let invitationTemplate = "loyalty-invitation"
    /// Ratings at or above this invite to the loyalty programme.
    static let invitationMinimumRating = 4

    /// A support alert's text for a negative review or a failed delivery, if due.
    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` when the order's stored JSON does not decode.
    static func alertReason(for occurrence: Occurrence, snapshot: StoreSnapshot, rules: SuppressionRules) throws
        -> String?
    {
        if let review = occurrence.review, occurrence.campaign.trigger == .reviewPosted,
            review.rating <= rules.settings.negativeReviewMaxRating
        {
            let product = snapshot.recommendations.product(review.productID)?.name ?? "product \(review.productID)"
            return
                "\(review.rating)-star review of \(product) by \(occurrence.person.displayName ?? occurrence.person.email): reach out; promotions to them are paused for \(rules.settings.negativeReviewSuppression)."
        }
        if occurrence.shipmentStatus == .failure, let index = occurrence.orderIndex {
            let order = try snapshot.fullOrder(at: index)
            let tracking = order.tracking.first
            return
                "Delivery failed for order \(order.number)\(tracking.map { " (\($0.carrier ?? "carrier") \($0.number))" } ?? ""): contact \(occurrence.person.email)."
        }
        return nil
    }

    /// Whether a happy reviewer who is not yet collecting points is invited.
    static func invitesToLoyalty(_ occurrence: Occurrence, snapshot: StoreSnapshot) -> Bool {
        guard occurrence.campaign.trigger == .reviewPosted, let review = occurrence.review,
            review.rating >= invitationMinimumRating
        else { return false }
        if let id = occurrence.person.customerID, let account = snapshot.loyalty[id], account.points > 0 {
            return false
        }
        return true
    }
}
