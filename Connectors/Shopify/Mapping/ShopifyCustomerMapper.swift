public import AftercartConnector
public import AftercartModel
public import Foundation

/// REST Admin customers → ``Customer``. Pure.
///
/// - Consent: ``ShopifyConsent`` (`email_marketing_consent.state`).
/// - `total_spent` is money in the customer's `currency` (the shop's);
///   without a currency it is left out rather than guessed.
/// - A customer without an email (phone-only accounts) is skipped: every
///   message Aftercart sends is addressed by email.
public struct ShopifyCustomerMapper: Sendable {
    public var store: StoreID

    public init(store: StoreID) {
        self.store = store
    }

    private var context: ErrorContext { ErrorContext(store: store, resource: "customers", platform: "shopify") }

    /// Maps a `GET customers.json` body.
    public func mapPage(_ body: Data) throws(ConnectorError) -> ShopifyMappedPage<Customer> {
        let list = try ShopifyWireDecoder.decode(ShopifyCustomerListWire.self, from: body, context: context)
        var page = ShopifyMappedPage<Customer>()
        for (index, wire) in list.customers.enumerated() {
            let path = ShopifyFieldPath("customers").index(index)
            let reading = ShopifyFieldReading(context: context, record: "customer \(wire.id)")
            page.noteChange(try reading.optionalDate(wire.updatedAt, at: path.key("updated_at")))
            if let customer = try map(wire, at: path) {
                page.records.append(customer)
            } else {
                page.skipped.append(ShopifySkippedRecord(id: String(wire.id), reason: "no email address"))
            }
        }
        return page
    }

    /// Maps a `GET customers/{id}.json` body; `nil` for a customer without email.
    public func mapCustomer(_ body: Data) throws(ConnectorError) -> Customer? {
        let envelope = try ShopifyWireDecoder.decode(ShopifyCustomerEnvelopeWire.self, from: body, context: context)
        return try map(envelope.customer, at: ShopifyFieldPath("customer"))
    }

    func map(_ wire: ShopifyCustomerWire, at path: ShopifyFieldPath) throws(ConnectorError) -> Customer? {
        let reading = ShopifyFieldReading(context: context, record: "customer \(wire.id)")
        guard let email = ShopifyFieldReading.nonEmpty(wire.email) else { return nil }
        var totalSpent: Money?
        if let text = wire.totalSpent, let code = wire.currency {
            let currency = try reading.currency(code, at: path.key("currency"))
            totalSpent = try reading.money(text, currency, at: path.key("total_spent"))
        }
        return Customer(
            store: store, id: String(wire.id), email: email, firstName: ShopifyFieldReading.nonEmpty(wire.firstName),
            lastName: ShopifyFieldReading.nonEmpty(wire.lastName),
            acceptsMarketing: ShopifyConsent.acceptsMarketing(wire.emailMarketingConsent),
            ordersCount: wire.ordersCount, totalSpent: totalSpent,
            createdAt: try reading.optionalDate(wire.createdAt, at: path.key("created_at")),
            updatedAt: try reading.optionalDate(wire.updatedAt, at: path.key("updated_at")))
    }
}
