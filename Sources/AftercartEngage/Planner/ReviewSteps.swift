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

    /// The template a customer campaign's support alert is written with,
    /// in the store's language.
    static let supportAlertTemplate = "support-alert"

    /// Whether `occurrence` calls for a support alert: a review at or below
    /// `negative_review_max_rating`, or a failed delivery.
    static func needsSupportAlert(_ occurrence: Occurrence, rules: SuppressionRules) -> Bool {
        if let review = occurrence.review, occurrence.campaign.trigger == .reviewPosted,
            review.rating <= rules.settings.negativeReviewMaxRating
        {
            return true
        }
        return occurrence.shipmentStatus == .failure && occurrence.orderIndex != nil
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
