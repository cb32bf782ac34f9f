import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import ShopifyConnector

/// The merchant's install for the conformance kit's authorization-code
/// store: the emulator approves at once, the adapter exchanges the code and
/// keeps the expiring token in the store's vault.
extension ShopifyConformanceStore {
    /// The emulator's shop, which a callback must name.
    static let shopDomain = "aftercart-mock.myshopify.com"

    /// An adapter whose store is installed: on first use through the
    /// emulator's authorize page. With `valid == false` the kept token is
    /// one the shop no longer accepts, with no refresh token to renew it
    /// (an app the merchant uninstalled): the refusal the kit expects.
    func installedConnector(_ settings: ConnectorSettings, valid: Bool) async throws -> any StoreConnector {
        let vault = valid ? self.vault : MemoryCredentialVault()
        let environment = ConnectorEnvironment(client: client, logger: Self.logger, vault: vault)
        if try await vault.credential(store: settings.store) == nil {
            try await install(ShopifyConnector.registration.makeConnector(settings, environment))
        }
        if !valid, var kept = try await vault.credential(store: settings.store) {
            kept.accessToken = Secret(Self.wrongToken)
            kept.refreshToken = nil
            try await vault.save(kept, store: settings.store)
        }
        // A process started after the install: it knows only what the vault kept.
        return try ShopifyConnector.registration.makeConnector(settings, environment)
    }

    private func install(_ connector: any StoreConnector) async throws {
        guard let installer = connector as? any AppInstalling else {
            throw ConnectorError.unsupported(operation: "install", ErrorContext(store: connector.store))
        }
        let url = installer.authorizationURL(redirectURI: "https://aftercart.example/shopify/callback", state: "kit")
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(20))
        let location = response.headers.first(name: "Location") ?? ""
        let code = URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
        _ = try await installer.completeInstall(code: code)
    }
}
