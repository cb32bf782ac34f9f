import AftercartModel
import AftercartStore
import Foundation

/// The email a support alert becomes: plain facts for the merchant's team.
enum SupportAlertMessage {
    static func compose(
        _ alert: SupportAlertAction, entry: OutboxEntry, from: MailAddress, to: MailAddress, date: Date
    ) -> OutgoingMessage {
        let origin = OutgoingMessage.Origin(
            outboxID: entry.id, idempotencyKey: entry.idempotencyKey, store: entry.store, campaign: entry.campaign,
            action: entry.action, orderID: alert.orderID, transactional: true)
        if let message = alert.message {
            return OutgoingMessage(
                from: from, to: to, subject: message.subject, text: message.text, html: message.html, date: date,
                origin: origin)
        }
        // Alerts planned before templates rendered them: the plain facts.
        var facts: [(String, String)] = [("Store", entry.store.rawValue), ("Campaign", entry.campaign)]
        if let name = alert.customerName { facts.append(("Customer", name)) }
        if let email = alert.customerEmail { facts.append(("Email", email)) }
        if let order = alert.orderID { facts.append(("Order", order)) }
        if let review = alert.reviewID { facts.append(("Review", review)) }
        if let rating = alert.rating { facts.append(("Rating", "\(rating) of 5")) }
        let text = alert.reason + "\n\n" + facts.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        let rows = facts.map { "<tr><th>\(FileIndex.escape($0.0))</th><td>\(FileIndex.escape($0.1))</td></tr>" }
        let html = "<p>\(FileIndex.escape(alert.reason))</p><table>\(rows.joined())</table>"
        let who = alert.customerName ?? alert.customerEmail ?? "a customer"
        return OutgoingMessage(
            from: from, to: to, subject: "Aftercart support alert: \(who)", text: text, html: html, date: date,
            origin: origin)
    }
}
