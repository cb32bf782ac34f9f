import AftercartModel
import Foundation

/// A buyer as the planner knows them: a registered customer (keyed by id)
/// or a guest (keyed by lowercased email).
struct Person: Sendable, Hashable {
    /// `c:<customer id>` or `e:<lowercased email>`; stable across runs.
    var key: String
    var customerID: String?
    var email: String
    var firstName: String?
    var lastName: String?
    /// Consent as the records say; `nil` when they do not say.
    var acceptsMarketing: Bool?

    static func key(customerID: String?, email: String?) -> String? {
        if let customerID, !customerID.isEmpty { return "c:" + customerID }
        if let email, !email.isEmpty { return "e:" + email.lowercased() }
        return nil
    }

    /// What goes into an idempotency key and a coupon code for this person.
    var subjectID: String { customerID ?? email.lowercased() }

    var displayName: String? {
        let parts = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
