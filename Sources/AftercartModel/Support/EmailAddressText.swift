import Foundation

/// The shape every email address Aftercart accepts from a person has: one
/// `@`, something either side, a dot inside the domain, no spaces or
/// control characters. Enough to catch a mistyped argument or setting; the
/// mail layer checks what it may put into a header on top of this.
public enum EmailAddressText {
    public static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix(".")
        else { return false }
        return !text.unicodeScalars.contains { CharacterSet.whitespacesAndNewlines.contains($0) || $0.value < 0x20 }
    }
}
