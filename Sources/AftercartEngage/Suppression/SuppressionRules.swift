import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation

/// The always-on rules between a firing and a customer's inbox: consent,
/// negative-review cooling off and the weekly cap for marketing; quiet hours
/// move marketing, never drop it. Transactional order-status messages pass.
struct SuppressionRules: Sendable {
    var settings: EngageSettings
    var storeConsent: StoreWideConsent?
    var snapshot: StoreSnapshot
    var now: Date
    /// Marketing emails already planned per lowercased recipient, due within the last week or later.
    var marketingCounts: [String: Int]
    /// Requests recorded by Aftercart itself, by lowercased email.
    var recorded: [String: CustomerSuppression] = [:]
    /// Customers erased by `aftercart forget`, by keyed hash of their address.
    var forgotten: ForgottenCustomers?
    /// Whether the store lacks what marketing mail must show about its
    /// sender (``SenderIdentity/missingForMarketing``): no marketing then.
    var senderIncomplete = false

    /// Whether the customer asked to be forgotten: no message of any kind,
    /// no alert about them.
    func isForgotten(_ person: Person) -> Bool {
        recorded[person.email.lowercased()]?.stopsEverything == true || forgotten?.contains(person.email) == true
    }

    /// Whether the customer agreed to marketing. A store-wide "denied" wins;
    /// the customer's own record comes next; a store-wide "granted" covers
    /// customers whose records say nothing; otherwise no.
    func hasConsent(_ person: Person) -> Bool {
        if storeConsent == .denied { return false }
        if let own = person.acceptsMarketing { return own }
        return storeConsent == .granted
    }

    /// Whether the person's latest review is negative and recent enough to
    /// stop promotions.
    func isCoolingOff(_ person: Person) -> Bool {
        guard let review = snapshot.latestReview(of: person.key, at: now) else { return false }
        return review.rating <= settings.negativeReviewMaxRating
            && now.timeIntervalSince(review.createdAt) < settings.negativeReviewSuppression.timeInterval
    }

    /// The reason a marketing message to `person` must not be planned, if any.
    /// `promotion` is false for the reply to a posted review itself, which
    /// must not depend on the review's rating.
    func blockMarketing(to person: Person, promotion: Bool, messages: Int) -> SuppressionReason? {
        if senderIncomplete { return .senderIdentityMissing }
        // An unsubscribe recorded here wins over any consent the store's records still show.
        if recorded[person.email.lowercased()] != nil || isForgotten(person) { return .unsubscribed }
        if !hasConsent(person) { return .noConsent }
        if promotion, isCoolingOff(person) { return .negativeReview }
        let planned = marketingCounts[person.email.lowercased()] ?? 0
        if planned + messages > settings.maxMessagesPerWeek { return .frequencyCap }
        return nil
    }

    /// Counts messages planned in this run against the cap.
    mutating func count(_ messages: Int, to person: Person) {
        marketingCounts[person.email.lowercased(), default: 0] += messages
    }
}
