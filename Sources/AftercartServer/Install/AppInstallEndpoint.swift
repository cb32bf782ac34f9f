public import AftercartConnector
import AftercartModel
public import AftercartStore
import Crypto
public import Foundation
public import Logging

/// A merchant's install of a platform's app, as `aftercart serve` takes it:
///
/// 1. `GET /{platform}/install/{store}` (the link `check` prints), or the
///    platform's signed hit on the App URL `GET /{platform}/install?shop=…`,
///    issues a single-use `state` (kept in the database for ten minutes,
///    so any worker takes the callback) and redirects to the platform's
///    approval page.
/// 2. `GET /{platform}/callback` checks the platform's signature, uses up
///    the `state`, checks the shop, and has the adapter exchange the code
///    and keep the tokens.
public struct AppInstallEndpoint: Sendable {
    /// The adapters of stores a merchant installs (``AppInstalling/isInstalledByMerchant``).
    public var installers: [any AppInstalling]
    /// `[server] public_url`, which the callback address is built on.
    public var publicURL: String
    public var states: any InstallStateStore
    /// How long an install may take from the redirect to the callback.
    public var stateLifetime: TimeInterval
    public var now: @Sendable () -> Date
    public var logger: Logger

    public init(
        installers: [any AppInstalling], publicURL: String, states: any InstallStateStore,
        stateLifetime: TimeInterval = 600, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.installers = installers.filter { $0.isInstalledByMerchant }
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicURL = base
        self.states = states
        self.stateLifetime = stateLifetime
        self.now = now
        self.logger = logger
    }

    /// What a request comes to.
    enum Answer: Equatable {
        /// On to the platform (or back to the merchant's page).
        case redirect(String)
        /// The tokens are kept: the page says the shop is connected.
        case connected(shop: String)
        /// Refused; the page says why (without echoing the request).
        case refused(InstallRefusal)
        /// No store of that name (and platform) is installed by a merchant.
        case notFound
    }

    /// `GET /{platform}/install/{store}`.
    func begin(platform: String, store: String) async throws -> Answer {
        guard let installer = installer(platform: platform, store: StoreID(store)) else { return .notFound }
        return try await redirect(installer)
    }

    /// `GET /{platform}/install?shop=…&hmac=…`: the platform's signed hit on the App URL.
    func beginFromPlatform(platform: String, query: [String: String]) async throws -> Answer {
        let candidates = installers.filter { $0.platform == platform }
        guard !candidates.isEmpty else { return .notFound }
        let checks = candidates.map { ($0, $0.checkSignedQuery(query)) }
        guard let match = checks.first(where: { $0.1 == .accepted }) else {
            return .refused(checks.contains { $0.1 == .otherShop } ? .otherShop : .badSignature)
        }
        return try await redirect(match.0)
    }

    /// `GET /{platform}/callback?code&hmac&host&shop&state&timestamp`.
    func callback(platform: String, query: [String: String]) async throws -> Answer {
        let candidates = installers.filter { $0.platform == platform }
        guard !candidates.isEmpty else { return .notFound }
        // The signature first: an unsigned request does not use up a state.
        guard candidates.contains(where: { $0.checkSignedQuery(query) != .badSignature }) else {
            return .refused(.badSignature)
        }
        guard let state = query["state"], !state.isEmpty,
            let store = try await states.consumeInstallState(state, now: now()),
            let installer = installer(platform: platform, store: store)
        else { return .refused(.staleState) }
        switch installer.checkSignedQuery(query) {
        case .accepted: break
        case .badSignature: return .refused(.badSignature)
        case .otherShop: return .refused(.otherShop)
        }
        guard let code = query["code"], !code.isEmpty else { return .refused(.badSignature) }
        let shop = try await installer.completeInstall(code: code)
        logger.notice("app installed", metadata: ["store": "\(store)"])
        return .connected(shop: shop)
    }

    /// Where the platform sends the merchant back: `{public_url}/{platform}/callback`.
    func redirectURI(platform: String) -> String { publicURL + "/\(platform)/callback" }

    private func redirect(_ installer: any AppInstalling) async throws -> Answer {
        let state = SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        let issued = now()
        try await states.issueInstallState(
            state, store: installer.store, expiresAt: issued.addingTimeInterval(stateLifetime), now: issued)
        return .redirect(
            installer.authorizationURL(redirectURI: redirectURI(platform: installer.platform), state: state))
    }

    private func installer(platform: String, store: StoreID) -> (any AppInstalling)? {
        installers.first { $0.store == store && $0.platform == platform }
    }
}

/// Why an install request was refused, each with its own words on the page.
enum InstallRefusal: String, Sendable {
    /// The platform's signature is missing or wrong.
    case badSignature = "bad_signature"
    /// The `state` is unknown, used or expired.
    case staleState = "stale_state"
    /// Signed for another shop than the store's.
    case otherShop = "other_shop"
}
