import AftercartModel

/// What a forgotten customer's records keep: amounts, dates, statuses and
/// product ids (the store's figures still add up), with the address, names
/// and tracking numbers replaced by the same placeholders everywhere.
enum PersonalDataRedaction {
    /// The placeholder first name.
    static let firstName = "Forgotten"
    /// The placeholder last name.
    static let lastName = "Customer"
    /// The placeholder for a name written in one field.
    static var fullName: String { firstName + " " + lastName }
    /// What replaces a tracking number: it leads to the delivery address at the carrier.
    static let trackingNumber = "erased"

    /// The customer's address a record names, if it names one.
    static func address(of record: any SyncRecord) -> String? {
        switch record {
        case let order as Order: order.customer.email
        case let customer as Customer: customer.email
        case let review as Review: review.customerEmail
        default: nil
        }
    }

    /// `record` with its personal fields replaced; `pseudonym` stands in for the address.
    static func redact(_ record: any SyncRecord, pseudonym: String) -> any SyncRecord {
        switch record {
        case var order as Order:
            order.customer.email = pseudonym
            order.customer.firstName = order.customer.firstName.map { _ in firstName }
            order.customer.lastName = order.customer.lastName.map { _ in lastName }
            order.customer.acceptsMarketing = false
            order.tracking = order.tracking.map { Shipment(carrier: $0.carrier, number: trackingNumber, url: nil) }
            return order
        case var customer as Customer:
            customer.email = pseudonym
            customer.firstName = customer.firstName.map { _ in firstName }
            customer.lastName = customer.lastName.map { _ in lastName }
            customer.acceptsMarketing = false
            return customer
        case var review as Review:
            review.customerEmail = pseudonym
            review.reviewerName = review.reviewerName.map { _ in fullName }
            return review
        default:
            return record
        }
    }

    /// `record` redacted when it belongs to one of `forgotten`, else unchanged.
    static func redactIfForgotten(_ record: any SyncRecord, _ forgotten: ForgottenCustomers) -> any SyncRecord {
        guard let pseudonym = forgotten.pseudonym(of: address(of: record)) else { return record }
        return redact(record, pseudonym: pseudonym)
    }
}
