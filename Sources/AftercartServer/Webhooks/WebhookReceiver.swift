import AftercartConnector
import AftercartEngage
import AftercartModel
import AftercartStore
import Foundation
import Logging

/// Turns one verified delivery into committed records, platform-agnostic:
/// the adapter classifies, verifies and decodes; the inbox applies once.
///
/// Order of checks: ping (unsigned by design, answered 200 and ignored),
/// signature (401 before anything is parsed), topic (unknown: 200 so the
/// platform stops retrying), duplicate (200), decode (422 when the body
/// does not map, 503 when the store could not be read for it), apply
/// (503 when the database refuses, so the platform retries).
struct WebhookReceiver: Sendable {
    let inbox: any WebhookInbox
    let followUps: FollowUpQueue
    let logger: Logger
    let now: @Sendable () -> Date
    /// Where data requests are answered (see ``answer(_:store:deliveryKey:logger:)``).
    var dataRequestFolder: URL? = nil

    func receive(_ endpoint: WebhookEndpoint, headers: HeaderFields, body: Data) async -> WebhookOutcome {
        let connector = endpoint.connector
        var logger = logger
        logger[metadataKey: "store"] = "\(endpoint.store)"
        logger[metadataKey: "platform"] = "\(endpoint.platform)"
        let envelope = connector.webhookEnvelope(headers: headers, body: body)
        if envelope == .ping {
            logger.info("webhook activation ping acknowledged")
            return .ping
        }
        guard let secret = endpoint.secret, !secret.isEmpty else {
            logger.warning(
                "webhook refused: the store has no webhook_secret configured, so no signature can be checked")
            return .unauthorized
        }
        guard connector.verifyWebhook(body: body, headers: headers, secret: secret) else {
            logger.warning("webhook refused: signature missing or does not match", metadata: ["bytes": "\(body.count)"])
            return .unauthorized
        }
        let topic: String
        let deliveryKey: String
        switch envelope {
        case .event(let eventTopic, let key):
            (topic, deliveryKey) = (eventTopic, key)
        case .malformed(let reason):
            logger.warning("webhook refused: \(reason)")
            return .invalid(reason)
        case .ping:
            return .ping
        }
        logger[metadataKey: "topic"] = "\(topic)"
        guard connector.webhookTopics.contains(topic) || connector.privacyTopics.contains(topic) else {
            logger.debug("webhook topic not followed; acknowledged and ignored")
            return .ignored(topic: topic)
        }
        do {
            if try await inbox.hasWebhookDelivery(store: endpoint.store, deliveryKey: deliveryKey) {
                logger.debug("webhook already applied", metadata: ["delivery": "\(deliveryKey)"])
                return .duplicate
            }
        } catch {
            logger.error("webhook not applied: the database is unavailable", metadata: ["error": "\(error)"])
            return .unavailable("the database is unavailable; retry later")
        }
        let decoded: WebhookRecords
        do {
            decoded = try await connector.decodeWebhook(topic: topic, body: body)
        } catch let error as ConnectorError {
            if case .decoding = error {
                logger.warning("webhook body does not map", metadata: ["error": "\(error)"])
                return .unprocessable("\(error)")
            }
            logger.warning("webhook not applied: reading the store for it failed", metadata: ["error": "\(error)"])
            return .unavailable("reading the store failed; retry later")
        } catch {
            logger.warning("webhook body does not map", metadata: ["error": "\(error)"])
            return .unprocessable("the body does not map")
        }
        for reason in decoded.skipped { logger.debug("webhook record skipped", metadata: ["reason": "\(reason)"]) }
        // Before the delivery is recorded: a failed erasure is retried by the platform.
        if let failure = await erase(decoded.erasures, store: endpoint.store, logger: logger) { return failure }
        if decoded.erasesStore, let failure = await eraseStore(endpoint.store, logger: logger) { return failure }
        if let failure = await answer(
            decoded.dataRequests, store: endpoint.store, deliveryKey: deliveryKey, logger: logger)
        {
            return failure
        }
        let receipt = WebhookReceipt(
            store: endpoint.store, platform: endpoint.platform, deliveryKey: deliveryKey, topic: topic,
            receivedAt: now())
        let result: WebhookApplyResult
        do {
            result = try await inbox.applyWebhook(receipt, records: decoded.records, deleted: decoded.deleted)
        } catch let error as PersistenceError where error.kind == .invalidArgument || error.kind == .invalidRecord {
            logger.error("webhook records refused by the database", metadata: ["error": "\(error)"])
            return .unprocessable("the records were refused: \(error)")
        } catch {
            logger.error("webhook not applied: the database is unavailable", metadata: ["error": "\(error)"])
            return .unavailable("the database is unavailable; retry later")
        }
        if result.duplicate { return .duplicate }
        let changed = result.changed.values.reduce(0) { $0 + $1.count }
        // Info, so an operator sees deliveries arrive; never the body or a secret.
        logger.info(
            "webhook applied",
            metadata: [
                "delivery": "\(deliveryKey)", "records": "\(decoded.records.count)", "changed": "\(changed)",
                "stale": "\(result.stale)", "vanished": "\(result.vanished)",
            ])
        followUps.enqueue(store: endpoint.store, changed: result.changed)
        return .applied(changed: changed, stale: result.stale)
    }
}

extension WebhookReceiver {
    /// Erases everything the database holds about `store` (the shop's
    /// uninstall was 48 hours ago); `.unavailable` makes the platform retry.
    /// The file channel's `.eml` files are not known here and stay.
    func eraseStore(_ store: StoreID, logger: Logger) async -> WebhookOutcome? {
        guard let database = inbox as? any StoreDataErasing else {
            logger.error("shop erasure not applied: this database cannot erase a store")
            return .unavailable("the database cannot erase a store")
        }
        do {
            let rows = try await database.eraseStoreData(store)
            logger.notice(
                "store data erased at the platform's request", metadata: ["store": "\(store)", "rows": "\(rows)"])
            return nil
        } catch {
            logger.error("shop erasure failed", metadata: ["error": "\(error)"])
            return .unavailable("the database is unavailable; retry later")
        }
    }

    /// Erases each address as `aftercart forget` does (the file channel's
    /// folder is not known here: its files stay until `forget` is run);
    /// logs counts, never the address.
    func erase(_ addresses: [String], store: StoreID, logger: Logger) async -> WebhookOutcome? {
        guard !addresses.isEmpty else { return nil }
        guard let database = inbox as? any PlannerDatabase else {
            logger.error("privacy request not applied: this database cannot erase customers")
            return .unavailable("the database cannot erase customers")
        }
        for address in addresses {
            do {
                let outcome = try await CustomerErasure(database: database).forget(
                    store: store, email: address, now: now())
                logger.info(
                    "customer erased at the platform's request",
                    metadata: [
                        "records": "\(outcome.erased.records.values.reduce(0, +))",
                        "outbox": "\(outcome.erased.outboxRows)", "cancelled": "\(outcome.cancelled)",
                    ])
            } catch is CustomerRequestError {
                logger.warning("privacy request skipped: the customer's address is not an email address")
            } catch {
                logger.error(
                    "privacy request not applied: the database is unavailable", metadata: ["error": "\(error)"])
                return .unavailable("the database is unavailable; retry later")
            }
        }
        return nil
    }
}

extension WebhookReceiver {
    /// Writes each requested customer's export document (what `aftercart
    /// export customer` prints) to `<folder>/<store>-<delivery>.json`, for the
    /// merchant to hand to the customer; logs the file, never the address.
    /// Without a folder, only logs what to run.
    func answer(_ addresses: [String], store: StoreID, deliveryKey: String, logger: Logger) async -> WebhookOutcome? {
        guard !addresses.isEmpty else { return nil }
        guard let folder = dataRequestFolder, let database = inbox as? any PersonalDataStore else {
            logger.warning("data request received; answer it with 'aftercart export customer --email <address>'")
            return nil
        }
        let safeKey = String(deliveryKey.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(80))
        for (index, address) in addresses.enumerated() {
            let name = "\(store.rawValue)-\(safeKey)" + (index == 0 ? "" : "-\(index + 1)") + ".json"
            let file = folder.appendingPathComponent(name)
            do {
                let document = try await CustomerDataExport.document(
                    email: address, stores: [store], database: database)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(document.utf8).write(to: file, options: .atomic)
                // The document is personal data: only its owner may read it.
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
                logger.info(
                    "data request answered: send this file to the customer through the store",
                    metadata: ["file": "\(file.path)"])
            } catch {
                logger.error("data request not answered", metadata: ["error": "\(error)"])
                return .unavailable("the data request could not be answered; retry later")
            }
        }
        return nil
    }
}
