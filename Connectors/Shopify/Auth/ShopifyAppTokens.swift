import AftercartConnector
import AftercartModel
import Foundation

/// The Admin API tokens of a Dev Dashboard app, kept in the vault the
/// process was given (the database's, shared by every worker) or, without
/// one, in memory.
///
/// - Client credentials grant: a token lasts about a day and there is no
///   refresh token; the grant is simply asked again.
/// - A merchant's install (authorization-code grant): the expiring offline
///   token lasts an hour; its refresh token (90 days) asks for the next
///   pair, and each answer's pair replaces the kept one whole. Without a
///   kept token, or when Shopify refuses the refresh, the merchant must
///   (re)install the app: the error says where.
///
/// A token is replaced shortly before it expires (whichever is sooner of
/// five minutes or a tenth of its life, so a short test lifetime works too)
/// and when the store refuses it with a 401. Before asking Shopify, the
/// vault is read again: another worker may hold a newer token already.
/// Callers that ask while a renewal is under way wait for that one.
actor ShopifyAppTokens {
    enum Grant: Sendable {
        case clientCredentials
        /// `installURL`: where the merchant (re)installs the app.
        case authorizationCode(installURL: String)
    }

    let endpoint: ShopifyOAuthEndpoint
    let grant: Grant
    private let vault: (any CredentialVault)?
    private var current: IssuedCredential?
    /// The token the store last refused: one the vault still holds is not taken again.
    private var refused: String?
    private var renewal: Task<IssuedCredential, any Error>?

    init(endpoint: ShopifyOAuthEndpoint, grant: Grant, vault: (any CredentialVault)?) {
        self.endpoint = endpoint
        self.grant = grant
        self.vault = vault
    }

    nonisolated var clientSecret: Secret { endpoint.clientSecret }

    /// A token that is not about to expire.
    func token() async throws -> Secret {
        if let current, isFresh(current) { return current.accessToken }
        return try await renewed().accessToken
    }

    /// The token in use (getting one when there is none), for `check`.
    func issued() async throws -> IssuedCredential {
        if let current { return current }
        return try await renewed()
    }

    /// The store refused `token`: forget it unless a newer one already
    /// replaced it. Always `true`: the next request gets a fresh token.
    func rejected(_ token: String?) -> Bool {
        if let current, current.accessToken.revealed() == token { self.current = nil }
        refused = token
        return true
    }

    /// Keeps the pair an install's code was exchanged for.
    func installed(_ credential: IssuedCredential) async throws {
        try await vault?.save(credential, store: endpoint.store)
        current = credential
        refused = nil
    }

    private func isFresh(_ credential: IssuedCredential) -> Bool {
        guard credential.accessToken.revealed() != refused else { return false }
        guard let expires = credential.accessExpiresAt else { return true }
        let lifetime = max(expires.timeIntervalSince(credential.issuedAt), 0)
        return endpoint.clock.date < expires.addingTimeInterval(-min(300, lifetime / 10))
    }

    private func renewed() async throws -> IssuedCredential {
        if let renewal { return try await renewal.value }
        let task = Task { try await self.obtain() }
        renewal = task
        defer { renewal = nil }
        let issued = try await task.value
        current = issued
        return issued
    }

    private func obtain() async throws -> IssuedCredential {
        let stored = try await vault?.credential(store: endpoint.store) ?? current
        let kept = stored?.issuedTo == endpoint.credentialMark ? stored : nil
        if let kept, isFresh(kept) { return kept }
        let issued: IssuedCredential
        switch grant {
        case .clientCredentials:
            issued = try await endpoint.clientCredentials()
        case .authorizationCode(let installURL):
            guard let kept, let refreshToken = kept.refreshToken,
                kept.refreshExpiresAt.map({ endpoint.clock.date < $0 }) ?? true
            else { throw reinstall(installURL, why: kept == nil ? .notInstalled : .lapsed) }
            do {
                issued = try await endpoint.refresh(refreshToken)
            } catch let error as ConnectorError where error.status == 401 {
                throw reinstall(installURL, why: .refused, context: error.context)
            }
        }
        try await vault?.save(issued, store: endpoint.store)
        return issued
    }

    private enum ReinstallReason {
        case notInstalled, lapsed, refused
    }

    private func reinstall(_ installURL: String, why: ReinstallReason, context: ErrorContext? = nil) -> ConnectorError {
        var context = context ?? ErrorContext(store: endpoint.store, resource: "access token", platform: "shopify")
        context.url = context.url ?? endpoint.url
        context.credentialName = "app token (from the merchant's install)"
        let reason =
            switch why {
            case .notInstalled: "the app is not installed on this shop yet"
            case .lapsed: "the app's authorization lapsed (its refresh token expired)"
            case .refused:
                "Shopify refused to refresh the app's token (refresh token expired, or the app was uninstalled)"
            }
        let again = why == .notInstalled ? "" : " again"
        context.diagnosis = "\(reason); the merchant must install the app\(again): open \(installURL)"
        return ConnectorError.unauthorized(context)
    }
}

extension IssuedCredential {
    /// `check`'s line: where the token comes from, its expiry and scopes (never the token).
    func summary(_ grant: ShopifyAppTokens.Grant) -> String {
        let expiry = accessExpiresAt.map { "expires \($0.formatted(.iso8601))" } ?? "no expiry given"
        let granted = scopes.isEmpty ? "no scopes listed" : "scopes " + scopes.joined(separator: ", ")
        switch grant {
        case .clientCredentials:
            return "token from the client credentials grant, \(expiry), renewed before then; \(granted)"
        case .authorizationCode(let installURL):
            let refresh =
                refreshToken == nil
                ? "no refresh token"
                : "refreshed before then"
                    + (refreshExpiresAt.map { " (refresh token valid until \($0.formatted(.iso8601)))" } ?? "")
            return "token from the merchant's install, \(expiry), \(refresh); \(granted); install link \(installURL)"
        }
    }
}
