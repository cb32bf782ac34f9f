/// Why a firing produced no message. Suppression is always on; a campaign
/// cannot switch it off.
public enum SuppressionReason: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The campaign's conditions do not hold.
    case conditions
    /// Marketing without the customer's consent.
    case noConsent = "no_consent"
    /// The customer's latest review is negative and recent: no promotions.
    case negativeReview = "negative_review"
    /// `max_messages_per_week` marketing messages are already planned.
    case frequencyCap = "frequency_cap"
    /// Review request: the order has an open refund.
    case refunded
    /// Review request: the buyer already reviewed every product of the order.
    case alreadyReviewed = "already_reviewed"
    /// The loyalty tier went down: nothing promotional.
    case tierDown = "tier_down"
    /// The loyalty tier changed to or from one the store's `tiers` do not
    /// rank: neither up nor down is known, so nothing is said.
    case tierUnranked = "tier_unranked"
    /// The customer unsubscribed through Aftercart (`aftercart unsubscribe`).
    case unsubscribed
    /// The customer asked to be forgotten (`aftercart forget`): nothing at all.
    case forgotten
    /// The store sets no `postal_address` or `contact`, which marketing
    /// mail must show (`check` reports it).
    case senderIdentityMissing = "sender_identity_missing"
    /// A merchant alert with no `merchant_email`, or a template that is missing.
    case notDeliverable = "not_deliverable"
    /// A shipment stage reported after a later one was already announced
    /// (a late "in transit" after "delivered"): stages only move forward.
    case staleShipmentStage = "stale_shipment_stage"

    public static func < (lhs: SuppressionReason, rhs: SuppressionReason) -> Bool { lhs.rawValue < rhs.rawValue }
}
