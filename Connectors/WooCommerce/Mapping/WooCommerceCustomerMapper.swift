public import AftercartModel
public import Foundation

/// WooCommerce REST v3 customers → ``Customer``. Pure.
///
/// Consent comes from ``WooCommerceConsentPolicy`` (core has no field).
/// `orders_count` and `total_spent` are read when the store sends them
/// (API v1/v2 and some extensions); `total_spent` needs the store's
/// currency, which the customer record does not carry.
public struct WooCommerceCustomerMapper: Sendable {
    public var store: StoreID
    /// Where marketing consent is read from.
    public var consent: WooCommerceConsentPolicy
    /// The store's currency, for `total_spent`; `nil` leaves it unset.
    public var currency: Currency?

    public init(store: StoreID, consent: WooCommerceConsentPolicy = .unknown, currency: Currency? = nil) {
        self.store = store
        self.consent = consent
        self.currency = currency
    }

    /// Maps a `GET /customers` page body.
    public func mapPage(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMappedPage<Customer> {
        let wires = try WooWireDecoder.decodePage(WooCustomerWire.self, from: body, resource: .customers)
        var page = WooCommerceMappedPage<Customer>()
        for (index, wire) in wires.enumerated() {
            let path = WooFieldPath(resource: .customers).index(index)
            page.append(try map(wire, at: path), modified: try? WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path))
        }
        return page
    }

    /// Maps one customer body (`GET /customers/{id}`, `customer.*` webhooks).
    public func mapCustomer(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMapped<Customer> {
        let wire = try WooWireDecoder.decodeRecord(WooCustomerWire.self, from: body, resource: .customers)
        return try map(wire, at: WooFieldPath(resource: .customers))
    }

    func map(
        _ wire: WooCustomerWire, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> WooCommerceMapped<Customer> {
        let id = try WooFieldReading.id(wire.id, at: path.key("id"))
        guard let email = WooFieldReading.nonEmpty(wire.email) ?? WooFieldReading.nonEmpty(wire.billing?.email) else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .customerWithoutEmail))
        }
        do {
            var totalSpent: Money?
            if let currency,
                let spent = try WooFieldReading.optionalDecimal(wire.totalSpent, at: path.key("total_spent"))
            {
                totalSpent = Money(spent, currency)
            }
            return .record(
                Customer(
                    store: store, id: id, email: email,
                    firstName: WooFieldReading.nonEmpty(wire.firstName)
                        ?? WooFieldReading.nonEmpty(wire.billing?.firstName),
                    lastName: WooFieldReading.nonEmpty(wire.lastName)
                        ?? WooFieldReading.nonEmpty(wire.billing?.lastName),
                    acceptsMarketing: consent.consent(in: wire.metaData),
                    ordersCount: wire.ordersCount?.value, totalSpent: totalSpent,
                    createdAt: try WooFieldReading.gmtDate(wire.dateCreatedGMT, at: path.key("date_created_gmt")),
                    updatedAt: try WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path.key("date_modified_gmt"))))
        } catch {
            var error = error
            error.recordID = id
            throw error
        }
    }
}
