public import AftercartConnector
import AftercartModel
public import Foundation

extension WooCommerceConnector {
    /// How many of the newest orders a search by address reads to find the
    /// buyer's latest one; the search also matches the address inside other
    /// fields, so a few more than one.
    static let consentOrderSearchLimit = 20

    /// Writes `consent_meta_key = "no"` (WooCommerce's checkbox style) where
    /// the mappers read consent: on each customer account with `email`, and
    /// on the latest order of each account and of the address, a guest's
    /// included. The account's own value wins when a sync reads it, and
    /// otherwise the latest order's, so both copies are written.
    ///
    /// A key starting with `_` is written on orders only: WordPress drops a
    /// PUT of protected user meta with 200 and never returns it (api-facts §8.1).
    ///
    /// - Throws: ``ConnectorError/unsupported(operation:_:)`` when no
    ///   `consent_meta_key` is configured; transport errors as usual.
    public func withdrawMarketingConsent(email: String, at: Date) async throws -> ConsentWithdrawal {
        guard let key = settings.consent.metaKey else {
            throw ConnectorError.unsupported(
                operation: "writing marketing consent (no consent field configured: set consent_meta_key)",
                ErrorContext(store: store, resource: "customers", platform: platform))
        }
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let customers = try await contacts(
            WooCommerceEndpoints.customers(email: address), resource: .customers, matching: address)
        var orders = try await contacts(
            WooCommerceEndpoints.latestOrders(search: address, limit: Self.consentOrderSearchLimit),
            resource: .orders, matching: address
        )
        .prefix(1).map { $0 }
        for customer in customers {
            // An account's orders may carry another billing address.
            let latest = try await contacts(
                WooCommerceEndpoints.latestOrders(customerID: customer, limit: 1), resource: .orders, matching: nil)
            let unseen = latest.filter { !orders.contains($0) }
            orders += unseen
        }
        let entries = [WooMetaWriteEntry(key: key, value: "no")]
        var written: [String] = []
        if !WooCommerceConnector.isProtectedMeta(key) {
            for customer in customers {
                try await putMeta(entries, path: "/customers/\(customer)", resource: "customer consent")
                written.append("customer \(customer)")
            }
        }
        for order in orders {
            try await putMeta(entries, path: "/orders/\(order)", resource: "order consent")
            written.append("order \(order)")
        }
        return ConsentWithdrawal(written: written)
    }

    /// The ids of the records `endpoint` lists, in its order, keeping only
    /// those filed under `address` when one is given.
    private func contacts(_ endpoint: WooCommerceEndpoint, resource: ResourceKind, matching address: String?)
        async throws -> [Int]
    {
        let request = TransportRequest(.get, url: endpoint.url(baseURL: settings.baseURL), resource: "consent lookup")
        let response = try await transport.send(request)
        let records: [WooContactWire]
        do {
            records = try WooWireDecoder.decodePage(WooContactWire.self, from: response.body, resource: resource)
        } catch {
            throw error.connectorError(transport.errorContext(for: request))
        }
        return records.compactMap { record in
            guard let id = record.id.value else { return nil }
            if let address, record.address != address { return nil }
            return id
        }
    }

    /// `PUT` of `meta_data` only, which updates the entry with the same key.
    private func putMeta(_ entries: [WooMetaWriteEntry], path: String, resource: String) async throws {
        let request = try TransportRequest.json(
            .put, url: url(WooCommerceEndpoints.restPrefix + path), body: WooMetaOnlyBody(metaData: entries),
            isIdempotent: true, resource: resource)
        _ = try await sendWrite(request)
    }
}
