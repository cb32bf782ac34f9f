import AftercartConnector
import Foundation

/// The consumer key's write permission: probed without writing, learned from
/// a refused write, and enforced before any further write is attempted.
///
/// WooCommerce checks a key's permission before routing (api-facts §8.5):
/// a read key's POST to a route that does not exist is refused with 401
/// `woocommerce_rest_authentication_error`, while a read_write key's gets
/// 404 `rest_no_route`. Nothing is written either way, which makes such a
/// POST the probe. No endpoint reports the permission, and `Allow` headers
/// describe the WordPress user, not the key.
extension WooCommerceConnector {
    /// A path no plugin registers, so a read_write key's probe changes nothing.
    static let permissionProbePath = "/aftercart/permission-probe"

    /// What the store's refusal code is for a key that lacks a permission.
    static let authenticationErrorCode = "woocommerce_rest_authentication_error"

    /// Asks the store whether the key may write; `nil` (with the reason for
    /// a warning) when the answer was neither of the two known ones.
    func probeWritePermission() async -> (WooCommerceKeyPermission.Knowledge?, warning: String?) {
        let request = TransportRequest(
            .post, url: url(WooCommerceEndpoints.restPrefix + Self.permissionProbePath), isIdempotent: false,
            resource: "check", acceptedStatuses: [401, 404])
        do {
            let response = try await transport.send(request)
            let parsed = PlatformErrorBody.parseCommonShapes(response.body)
            switch (response.status, parsed?.code) {
            case (404, "rest_no_route"):
                let knowledge = WooCommerceKeyPermission.Knowledge(permission: .readWrite, message: nil)
                keyPermission.remember(knowledge)
                return (knowledge, nil)
            case (401, Self.authenticationErrorCode):
                let knowledge = WooCommerceKeyPermission.Knowledge(permission: .readOnly, message: parsed?.message)
                keyPermission.remember(knowledge)
                return (knowledge, nil)
            default:
                return (
                    nil,
                    "could not tell the key's write permission: the probe got \(response.status) "
                        + "\(parsed?.code ?? "without an error code")"
                )
            }
        } catch let error as ConnectorError {
            return (nil, "could not tell the key's write permission: \(error.description)")
        } catch {
            return (nil, "could not tell the key's write permission: \(error)")
        }
    }

    /// Sends a write, refusing it without a request once the key is known to
    /// be read-only, and turning the store's refusal into a permission error
    /// that names the store's own message instead of "consumer key rejected".
    func sendWrite(_ request: TransportRequest) async throws -> TransportResponse {
        try requireWritePermission(resource: request.resource ?? "write")
        do {
            return try await transport.send(request)
        } catch let error as ConnectorError {
            guard case .unauthorized(let context) = error, Self.refusesWrites(context) else { throw error }
            keyPermission.remember(.init(permission: .readOnly, message: context.platformMessage))
            throw ConnectorError.forbidden(status: 401, context)
        }
    }

    /// Throws the store's refusal, as learned, when the key may not write.
    func requireWritePermission(resource: String) throws {
        guard let knowledge = keyPermission.knowledge, knowledge.permission == .readOnly else { return }
        throw ConnectorError.forbidden(
            status: 401,
            ErrorContext(
                store: store, resource: resource, platform: platform, url: url(WooCommerceEndpoints.restPrefix),
                platformCode: Self.authenticationErrorCode,
                platformMessage: knowledge.message ?? Self.readOnlyFallbackMessage, credentialName: "consumer key"))
    }

    /// Used when the store refused writes without saying why.
    static let readOnlyFallbackMessage = "the API key has read permission only"

    /// A 401 on a write whose message says writes are not permitted. The code
    /// alone is not enough: a wrong secret has the same code.
    static func refusesWrites(_ context: ErrorContext) -> Bool {
        context.platformCode == authenticationErrorCode
            && (context.platformMessage?.lowercased().contains("write permission") ?? false)
    }
}
