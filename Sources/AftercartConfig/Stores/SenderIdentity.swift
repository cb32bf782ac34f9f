import AftercartModel
import Foundation

/// Who a store's mail comes from and how a customer reaches the merchant
/// behind it: `from`, `reply_to`, `unsubscribe_email`, `postal_address`
/// and `contact` of a `[[stores]]` entry.
///
/// Japan's Act on Regulation of Transmission of Specified Electronic Mail
/// and the US CAN-SPAM Act both ask a marketing email to name its sender,
/// give a postal address and a way to ask questions, so a store without
/// ``postalAddress`` and ``contact`` gets no marketing mail at all (the
/// planner suppresses it, `check` refuses the campaign).
public struct SenderIdentity: Sendable, Hashable {
    /// The address the store's mail is sent from, when not `[delivery] from`'s.
    public var fromAddress: String?
    /// The sender name `from` gives (`Shop <…>`); else the display name.
    public var fromName: String?
    /// Where replies go (`reply_to`), when not to the sender.
    public var replyTo: String?
    /// A mailbox the merchant reads for unsubscribe requests, offered as a
    /// `mailto:` beside the one-click link (`unsubscribe_email`).
    public var unsubscribeEmail: String?
    /// The merchant's postal address as customers should read it, one or
    /// more lines (`postal_address`).
    public var postalAddress: String?
    /// A phone number, address or page for questions and complaints (`contact`).
    public var contact: String?

    public init(
        fromAddress: String? = nil, fromName: String? = nil, replyTo: String? = nil, unsubscribeEmail: String? = nil,
        postalAddress: String? = nil, contact: String? = nil
    ) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.replyTo = replyTo
        self.unsubscribeEmail = unsubscribeEmail
        self.postalAddress = postalAddress
        self.contact = contact
    }

    /// The keys a marketing email needs and this store lacks (`postal_address`,
    /// `contact`); empty when it may send marketing.
    public var missingForMarketing: [String] {
        var missing: [String] = []
        if postalAddress == nil { missing.append("postal_address") }
        if contact == nil { missing.append("contact") }
        return missing
    }

    /// Splits `Shop <hi@shop.example>` into name and address, or takes a
    /// bare address; `nil` when the text holds no plain `local@domain`.
    public static func parseMailbox(_ text: String) -> (name: String?, address: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            name = phrase.isEmpty ? nil : phrase
        }
        guard isPlainAddress(address) else { return nil }
        return (name, address)
    }

    /// An address (``EmailAddressText/looksLikeAddress(_:)``) in printable
    /// ASCII without the characters that would add a recipient to a header.
    static func isPlainAddress(_ text: String) -> Bool {
        guard EmailAddressText.looksLikeAddress(text) else { return false }
        let forbidden = Set("<>(),;:\\\"[] ".unicodeScalars)
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }
    }
}
