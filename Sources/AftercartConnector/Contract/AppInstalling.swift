/// An adapter whose app a merchant installs on their store through an
/// OAuth authorization-code grant. `aftercart serve` sends the merchant to
/// the platform to approve the app and takes the platform's callback; the
/// adapter checks what the platform signed, exchanges the code, and keeps
/// the issued tokens in its ``CredentialVault``.
///
/// The server owns the single-use `state`; the adapter owns everything
/// that is the platform's: addresses, signatures, the shop's name.
public protocol AppInstalling: StoreConnector {
    /// Whether this store is connected by a merchant's install (a store
    /// with a fixed token or another grant is not offered one).
    var isInstalledByMerchant: Bool { get }

    /// The platform's page where the merchant approves the app; the
    /// platform then sends the browser to `redirectURI` with `state`.
    func authorizationURL(redirectURI: String, state: String) -> String

    /// What the platform's signed request (the install hit on the App URL,
    /// or the callback) says about this store.
    func checkSignedQuery(_ query: [String: String]) -> InstallQueryCheck

    /// Exchanges the callback's `code` for tokens and keeps them; returns
    /// the shop's name for the page the merchant sees.
    func completeInstall(code: String) async throws -> String
}

/// How a platform's signed install request compares with a store.
public enum InstallQueryCheck: Sendable, Hashable {
    /// Signed with this store's app secret, naming this store's shop.
    case accepted
    /// The signature is missing or does not match the app's secret.
    case badSignature
    /// Signed, but for another shop.
    case otherShop
}
