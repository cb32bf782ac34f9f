public import Foundation

/// Renders an ``OutgoingMessage`` as RFC 5322 text: CRLF line ends, MIME
/// multipart/alternative with a UTF-8 text part and a UTF-8 HTML part,
/// non-ASCII header values as RFC 2047 encoded-words.
public enum MIMEWriter {
    /// The whole message, ready for SMTP `DATA` or an `.eml` file.
    public static func render(_ message: OutgoingMessage) -> Data {
        let boundary = MessageIdentity.boundary(messageID: message.messageID)
        var lines: [String] = []
        lines.append("From: " + mailbox(message.from, used: 6))
        lines.append("To: " + mailbox(message.to, used: 4))
        if let replyTo = message.replyTo { lines.append("Reply-To: " + mailbox(replyTo, used: 10)) }
        lines.append("Subject: " + HeaderEncoding.unstructured(message.subject, used: 9))
        lines.append("Date: " + rfc5322Date(message.date))
        lines.append("Message-ID: " + message.messageID)
        lines.append("MIME-Version: 1.0")
        lines.append("X-Aftercart-Campaign: " + HeaderEncoding.unstructured(message.origin.campaign, used: 22))
        if !message.origin.transactional {
            lines.append("Auto-Submitted: auto-generated")
            // RFC 2369 and RFC 8058: mail clients offer the way out, and
            // a one-click POST to the link unsubscribes without a page.
            if let link = message.unsubscribeURL, Self.isHeaderSafe(link) {
                var targets = ["<\(link)>"]
                if let mailbox = message.unsubscribeEmail, Self.isHeaderSafe(mailbox) {
                    targets.append("<mailto:\(mailbox)?subject=unsubscribe>")
                }
                lines.append("List-Unsubscribe:\r\n " + targets.joined(separator: ",\r\n "))
                lines.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
            }
        }
        lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", message.text), ("text/html", message.html)] {
            lines.append("--" + boundary)
            lines.append("Content-Type: \(type); charset=UTF-8")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(contentsOf: base64Lines(body))
        }
        lines.append("--" + boundary + "--")
        lines.append("")
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// Whether `link` can stand inside `<…>` in a header: printable ASCII,
    /// no angle brackets or spaces (it is ours, but a config URL is not).
    static func isHeaderSafe(_ link: String) -> Bool {
        !link.isEmpty && link.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
    }

    /// `Name <address>` with the name as a phrase, or the bare address.
    static func mailbox(_ address: MailAddress, used: Int) -> String {
        guard let name = address.name else { return address.address }
        return HeaderEncoding.phrase(name, used: used) + " <\(address.address)>"
    }

    /// `Mon, 23 Nov 2026 12:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    private static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }
}
