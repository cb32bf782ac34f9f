public import AftercartModel
import Crypto
import Foundation

/// The customers of one store who asked to be forgotten, known only by a
/// keyed hash of their address: enough to recognise a record the store
/// sends again, useless for finding out who they were.
///
/// The key is a per-install secret kept in the database, so the hashes
/// cannot be checked against a list of guessed addresses without it.
public struct ForgottenCustomers: Sendable, Hashable {
    /// The store the hashes belong to.
    public var store: StoreID
    /// The install secret the hashes are keyed with (empty while nobody is forgotten).
    var secret: String
    /// Hex HMAC-SHA256 of `store|lowercased address`, one per forgotten customer.
    public var keys: Set<String>

    /// Nobody forgotten in `store`.
    static func none(_ store: StoreID) -> ForgottenCustomers {
        ForgottenCustomers(store: store, secret: "", keys: [])
    }

    /// The hex HMAC-SHA256 of `store|address` (address trimmed and lowercased).
    static func key(of address: String, store: StoreID, secret: String) -> String {
        let message = Data((store.rawValue + "|" + Self.normalized(address)).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The address that stands in for a forgotten customer's: the same for
    /// all their records, so counts and joins still work; `.invalid`, so it
    /// can never reach anybody.
    public static func pseudonym(forKey key: String) -> String {
        "forgotten-\(key.prefix(16))@invalid"
    }

    /// The stand-in address when `address` belongs to a forgotten customer.
    public func pseudonym(of address: String?) -> String? {
        guard !keys.isEmpty, let address, !address.isEmpty else { return nil }
        let key = Self.key(of: address, store: store, secret: secret)
        return keys.contains(key) ? Self.pseudonym(forKey: key) : nil
    }

    /// Whether `address` belongs to a forgotten customer.
    public func contains(_ address: String) -> Bool {
        pseudonym(of: address) != nil
    }

    /// Whether `text` (a store's raw JSON, say) holds a forgotten customer's
    /// address anywhere: every address-shaped word in it is hashed.
    public func mentionedIn(_ text: String) -> Bool {
        guard !keys.isEmpty, text.contains("@") else { return false }
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"',;:<>()[]{}"))
        return text.components(separatedBy: separators).contains { word in
            word.contains("@") && contains(word)
        }
    }

    static func normalized(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
