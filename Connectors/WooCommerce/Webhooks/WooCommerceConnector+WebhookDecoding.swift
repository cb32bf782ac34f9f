public import AftercartConnector
public import AftercartModel
import Crypto
public import Foundation

/// WooCommerce webhooks through the adapter's own mappers (WooCommerce REST API docs, "Webhooks").
///
/// `created`/`updated`/`restored` bodies are the REST resource as `GET`
/// returns it, mapped like a page record; `deleted` bodies are `{"id": N}`.
///
/// A delivery is identified by the webhook's id and the SHA-256 of the body
/// as received, not by `X-WC-Webhook-Delivery-ID`: on real stores deliveries
/// sent in the same second share that id (WooCommerceWebhookTests). Two deliveries with the same
/// body carry the same record state, so applying the second would change
/// nothing anyway; a changed record always changes the body (`date_modified`).
extension WooCommerceConnector: WebhookDecoding {
    /// Order, coupon and customer topics; `order.created` also arrives as
    /// `order.updated`, and both are upserts. `order.deleted` fires when an
    /// order is trashed (body `{"id":N}`; a force delete fires nothing) and
    /// marks the stored order vanished; `order.restored` is an upsert.
    public var webhookTopics: [String] {
        [
            "order.created", "order.updated", "order.deleted", "order.restored", "coupon.created", "coupon.updated",
            "coupon.deleted", "coupon.restored", "customer.updated",
        ]
    }

    public func webhookEnvelope(headers: HeaderFields, body: Data) -> WebhookEnvelope {
        var plain: [String: String] = [:]
        for field in headers { plain[field.name] = field.value }
        if WooCommerceWebhookSignature.isPing(body: body, headers: plain) { return .ping }
        guard let topic = headers["X-WC-Webhook-Topic"]?.trimmingCharacters(in: .whitespaces), !topic.isEmpty else {
            return .malformed(reason: "no X-WC-Webhook-Topic header")
        }
        let webhook = headers["X-WC-Webhook-ID"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return .event(topic: topic.lowercased(), deliveryKey: "webhook:\(webhook.isEmpty ? "-" : webhook):\(digest)")
    }

    public func verifyWebhook(body: Data, headers: HeaderFields, secret: Secret) -> Bool {
        guard let signature = headers[WooCommerceWebhookSignature.headerName] else { return false }
        return WooCommerceWebhookSignature.verify(body: body, signature: signature, secret: secret)
    }

    public func decodeWebhook(topic: String, body: Data) async throws -> WebhookRecords {
        guard webhookTopics.contains(topic), let parsed = WooCommerceWebhookTopic(topic),
            let resource = parsed.resource
        else {
            throw ConnectorError.unsupported(
                operation: "webhook topic \(topic)", ErrorContext(store: store, resource: nil, platform: platform))
        }
        let context = ErrorContext(store: store, resource: resource.rawValue, platform: platform)
        if parsed.event == .deleted {
            return WebhookRecords(deleted: [resource: [try deletedID(body, context: context)]])
        }
        do {
            switch resource {
            case .orders:
                let mapper = WooCommerceOrderMapper(store: store, options: settings.orderMapping)
                return Self.records(try mapper.mapOrder(body))
            case .customers:
                let mapper = WooCommerceCustomerMapper(
                    store: store, consent: settings.consent, currency: settings.currency)
                return Self.records(try mapper.mapCustomer(body))
            case .coupons:
                let mapper = WooCommerceCouponMapper(store: store, currency: try await resolveCurrency())
                return Self.records(try mapper.mapCoupon(body))
            case .loyalty, .reviews:
                return WebhookRecords()
            }
        } catch let error as WooCommerceDecodingError {
            throw error.connectorError(context)
        }
    }

    private static func records<Record: SyncRecord>(_ outcome: WooCommerceMapped<Record>) -> WebhookRecords {
        switch outcome {
        case .record(let record): WebhookRecords(records: [record])
        case .skipped(let skip): WebhookRecords(skipped: [skip.description])
        }
    }

    /// The id of a `deleted` body, `{"id": 123}`.
    private func deletedID(_ body: Data, context: ErrorContext) throws -> String {
        struct Deleted: Decodable { let id: WooInteger }
        let deleted: Deleted
        do {
            deleted = try JSONDecoder().decode(Deleted.self, from: body)
        } catch {
            throw ConnectorError.decoding(field: "id", reason: "a deleted delivery must be {\"id\": N}", context)
        }
        guard let id = deleted.id.value, id > 0 else {
            throw ConnectorError.decoding(field: "id", reason: "not a positive id", context)
        }
        return String(id)
    }
}
