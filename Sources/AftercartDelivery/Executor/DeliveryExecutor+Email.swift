import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation

extension DeliveryExecutor {
    /// pending → sending → sent/failed, at most once; push-back rows are
    /// enqueued after a successful send.
    func sendEmail(_ entry: OutboxEntry, connector: (any StoreConnector)?) async -> StepResult {
        let email: EmailAction
        switch Payloads.decode(EmailAction.self, from: entry) {
        case .failure(let error): return .fail(error.description)
        case .success(let value): email = value
        }
        do {
            if let blocked = try await prerequisites(of: entry, email.after) { return blocked }
        } catch {
            return .retry("could not read the rows this email waits for: \(error)", hint: nil)
        }
        var message: OutgoingMessage
        let sender = options.sender(for: entry.store)
        do {
            message = OutgoingMessage(
                from: sender.from, to: try MailAddress(address: email.to, name: email.toName),
                subject: email.subject,
                text: email.text, html: email.html, date: now(),
                origin: .init(
                    outboxID: entry.id, idempotencyKey: entry.idempotencyKey, store: entry.store,
                    campaign: entry.campaign, action: entry.action, orderID: email.orderID,
                    customerID: email.customerID, couponCode: email.couponCode, transactional: email.transactional),
                unsubscribeURL: email.unsubscribeURL)
            message.replyTo = sender.replyTo
            if email.unsubscribeURL != nil { message.unsubscribeEmail = sender.unsubscribeEmail }
        } catch {
            return .fail("send_email row #\(entry.id): \(error)")
        }
        let step = await deliverOnce(entry, message, connector: connector)
        if case .done = step, let pushBack = email.pushBack {
            do {
                try await enqueuePushBack(pushBack, for: entry, email: email, sentAt: message.date)
            } catch {
                logger.warning(
                    "push-back not enqueued", metadata: ["outbox_id": "\(entry.id)", "error": "\(error)"])
            }
        }
        return step
    }

    /// A message to the merchant's support address about an unhappy customer.
    func sendSupportAlert(_ entry: OutboxEntry, connector: (any StoreConnector)?) async -> StepResult {
        let alert: SupportAlertAction
        switch Payloads.decode(SupportAlertAction.self, from: entry) {
        case .failure(let error): return .fail(error.description)
        case .success(let value): alert = value
        }
        guard let merchantEmail = options.merchantEmail else {
            return .fail(
                "support_alert row #\(entry.id): no merchant address; set merchant_email in [engage], "
                    + "then 'aftercart send --resend \(entry.id)'")
        }
        let message: OutgoingMessage
        do {
            message = try SupportAlertMessage.compose(
                alert, entry: entry, from: options.from, to: MailAddress(address: merchantEmail), date: now())
        } catch {
            return .fail("support_alert row #\(entry.id): \(error)")
        }
        return await deliverOnce(entry, message, connector: connector)
    }

    /// `nil` when every `after` row is done; otherwise the step to take:
    /// wait while they may still happen, fail when one never will.
    private func prerequisites(of entry: OutboxEntry, _ keys: [String]) async throws -> StepResult? {
        var waitingFor: [String] = []
        var until = now().addingTimeInterval(options.waitDelay)
        for key in keys {
            guard let row = try await outbox.outboxEntry(idempotencyKey: key) else {
                waitingFor.append("\(key) (not planned yet)")
                continue
            }
            switch row.state {
            case .done, .skipped:
                continue
            case .failed, .cancelled:
                return .fail(
                    "it needs \(row.action.rawValue) row #\(row.id) (\(key)), which is \(row.state.rawValue)"
                        + (row.lastError.map { ": \($0)" } ?? ""))
            case .pending, .leased, .unknown:
                waitingFor.append("\(row.action.rawValue) row #\(row.id) (\(row.state.rawValue))")
                if row.state == .pending, row.notBefore > until { until = row.notBefore }
            }
        }
        guard !waitingFor.isEmpty else { return nil }
        return .waiting("waiting for " + waitingFor.joined(separator: ", "), until: until)
    }

    /// Marks the row sending, then calls the channel once.
    private func deliverOnce(_ entry: OutboxEntry, _ message: OutgoingMessage, connector: (any StoreConnector)?)
        async -> StepResult
    {
        do {
            guard try await outbox.markSending(id: entry.id, owner: options.owner, now: now()) else {
                return .fail("the lease on row #\(entry.id) expired before sending; nothing was sent")
            }
        } catch {
            return .retry("could not mark row #\(entry.id) as sending, nothing was sent: \(error)", hint: nil)
        }
        do {
            let receipt = try await channel.deliver(message, connector: connector)
            DeliveryMetrics.message(channel: channel.name, result: "sent")
            return .done("sent via \(channel.name): \(receipt)")
        } catch {
            DeliveryMetrics.message(channel: channel.name, result: error.isTransient ? "deferred" : "refused")
            return error.isTransient ? .retry(error.message, hint: error.retryAfter) : .fail(error.message)
        }
    }

    /// The order note and customer tags the campaign asked for, as their own
    /// outbox rows (retried like any store write), keyed off this row's key so
    /// a deliberate resend adds nothing twice.
    private func enqueuePushBack(
        _ pushBack: EmailAction.PushBack, for entry: OutboxEntry, email: EmailAction, sentAt: Date
    )
        async throws
    {
        var rows: [NewOutboxEntry] = []
        let date = PushBackDate.text(sentAt, timeZone: options.timeZones[entry.store])
        if let note = pushBack.orderNote, let orderID = email.orderID {
            let action = OrderNoteAction(
                orderID: orderID, text: note.replacingOccurrences(of: "{date}", with: date), customerVisible: false)
            rows.append(
                NewOutboxEntry(
                    idempotencyKey: entry.idempotencyKey + "/push-back-note", store: entry.store,
                    campaign: entry.campaign, subjectKind: .orders, subjectID: orderID, action: .addOrderNote,
                    payload: try Self.json(action), notBefore: sentAt))
        }
        if !pushBack.customerTags.isEmpty, let customerID = email.customerID {
            let action = CustomerTagAction(customerID: customerID, tags: pushBack.customerTags)
            rows.append(
                NewOutboxEntry(
                    idempotencyKey: entry.idempotencyKey + "/push-back-tags", store: entry.store,
                    campaign: entry.campaign, subjectKind: .customers, subjectID: customerID, action: .tagCustomer,
                    payload: try Self.json(action), notBefore: sentAt))
        }
        if !rows.isEmpty { _ = try await outbox.enqueue(rows, now: sentAt) }
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try ModelJSON.encoder().encode(value), as: UTF8.self)
    }
}

/// `2026-11-22` in the store's time zone.
enum PushBackDate {
    static func text(_ date: Date, timeZone: TimeZone?) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
