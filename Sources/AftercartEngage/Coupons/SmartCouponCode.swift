public import AftercartModel
import Crypto
import Foundation

/// Deterministic, unguessable coupon codes: an HMAC-SHA256 of (store,
/// campaign, customer) under a per-install secret, written in an alphabet
/// without look-alike characters (no 0/O, 1/I/L), e.g. `THANKS-7K4Q-9XPM`.
///
/// The same triple always gives the same code, so a retried plan or a
/// crashed executor finds the coupon instead of creating a second one.
public struct SmartCouponCode: Sendable {
    /// The characters a code is written with.
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    private let secret: Data

    /// A generator keyed by the install's secret.
    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    /// The code for `customer` (a customer id, or a guest's lowercased email).
    public func code(store: StoreID, campaign: String, customer: String, prefix: String) -> String {
        let message = Data([store.rawValue, campaign, customer].joined(separator: "\u{1F}").utf8)
        let digest = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        var characters: [Character] = []
        for byte in digest.prefix(8) {
            characters.append(Self.alphabet[Int(byte) % Self.alphabet.count])
        }
        return "\(prefix)-\(String(characters[0..<4]))-\(String(characters[4..<8]))"
    }

    /// The default prefix: the campaign name's letters and digits, upper-cased,
    /// at most 10 characters (`win-back` → `WINBACK`).
    public static func prefix(forCampaign name: String) -> String {
        let letters = name.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return letters.isEmpty ? "AFTERCART" : String(letters.prefix(10))
    }
}
