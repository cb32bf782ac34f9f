public import AftercartConfig
public import AftercartStore
import Crypto
public import Foundation

/// The key a kind of link is sealed under: derived from `[server]
/// link_secret` when the merchant set one, else the install's own key,
/// made on first use and kept in the database.
///
/// The setting lets an operator rotate every outstanding link at once (a
/// leaked log of links, a copied database) and share links between
/// installs that read different databases; without it nothing can be
/// forgotten, since every worker and the server already share the database.
public enum LinkSecret {
    /// The key for links of `purpose` (`unsubscribe`, `order-page`): each
    /// purpose gets its own, so a token of one kind never opens another.
    ///
    /// - Throws: a ``ConfigurationError`` naming the setting when
    ///   `configured` cannot be read, or a persistence error.
    public static func key(
        for purpose: String, configured: ConfiguredSecret?, database: any PlanningStore,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> String {
        guard let configured else { return try await database.installSecret(named: purpose) }
        let secret = try configured.resolve(environment: environment)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("aftercart link \(purpose)".utf8), using: SymmetricKey(data: Data(secret.revealed().utf8)))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }
}
