import AftercartConnector
import AftercartModel
import Foundation

/// What became of a bulk query: its finished operation, or why bulk cannot serve the read.
enum ShopifyBulkOutcome: Sendable {
    case completed(ShopifyBulkOperationWire)
    /// Refused or failed (userErrors, ACCESS_DENIED, FAILED, CANCELED): read through REST.
    case refused(String)
}

extension ShopifyConnector {
    /// First and longest wait between two polls of a running operation. Shopify suggests
    /// polling rather than hammering; each poll costs one point of the GraphQL budget.
    static let bulkPollDelays: (first: Duration, longest: Duration) = (.milliseconds(200), .seconds(10))

    /// Whether this API version reads an operation by id (`bulkOperation(id:)`, 2026-01+).
    var readsBulkOperationByID: Bool { settings.apiVersion == "unstable" || settings.apiVersion >= "2026-01" }

    /// Starts `query` as a bulk operation and waits until it finished.
    func runBulkQuery(_ query: String, resource: ResourceKind) async throws -> ShopifyBulkOutcome {
        let payload: ShopifyBulkRunPayload
        // Sent again after a failure like a query: a bulk query only reads, so a second
        // start after a lost answer costs one of the shop's operation slots, never data.
        do {
            payload = try await graphQL.execute(
                ShopifyBulkOperations.runName, query: ShopifyBulkOperations.run,
                variables: ShopifyBulkRunVariables(query: query), estimate: 10, resource: resource.rawValue,
                isMutation: false, as: ShopifyBulkRunPayload.self)
        } catch let error as ConnectorError {
            switch error {
            case .forbidden, .badRequest: return .refused(error.description)
            default: throw error
            }
        }
        let run = payload.bulkOperationRunQuery
        if let first = run.userErrors.first {
            return .refused("Shopify refused the bulk query: \(first.message) (\(first.code ?? "no code"))")
        }
        guard let started = run.bulkOperation else { return .refused("Shopify started no bulk operation") }
        logger.info(
            "bulk query started", metadata: ["resource": "\(resource)", "operation": "\(started.id)"])
        return try await awaitBulk(started.id, resource: resource)
    }

    /// Polls operation `id` with growing pauses until it is no longer CREATED or RUNNING.
    func awaitBulk(_ id: String, resource: ResourceKind) async throws -> ShopifyBulkOutcome {
        var delay = Self.bulkPollDelays.first
        while true {
            try await clock.sleep(for: delay)
            guard let operation = try await bulkOperation(id, resource: resource) else {
                return .refused("bulk operation \(id) disappeared while running")
            }
            switch operation.status {
            case "CREATED", "RUNNING", "CANCELING":
                delay = min(delay * 2, Self.bulkPollDelays.longest)
            case "COMPLETED":
                return .completed(operation)
            default:
                return .refused(
                    "bulk operation \(id) ended \(operation.status)"
                        + (operation.errorCode.map { " with \($0)" } ?? ""))
            }
        }
    }

    /// Operation `id` as Shopify reports it now; `nil` when it no longer can (unknown, or
    /// no longer the newest on versions before 2026-01).
    func bulkOperation(_ id: String, resource: ResourceKind) async throws -> ShopifyBulkOperationWire? {
        let payload: ShopifyBulkPollPayload
        if readsBulkOperationByID {
            payload = try await graphQL.execute(
                ShopifyBulkOperations.pollName, query: ShopifyBulkOperations.poll,
                variables: ShopifyBulkPollVariables(id: id), estimate: 1, resource: resource.rawValue,
                isMutation: false, as: ShopifyBulkPollPayload.self)
            return payload.bulkOperation
        }
        payload = try await graphQL.execute(
            ShopifyBulkOperations.currentName, query: ShopifyBulkOperations.current,
            variables: ShopifyBulkNoVariables(), estimate: 1, resource: resource.rawValue, isMutation: false,
            as: ShopifyBulkPollPayload.self)
        return payload.currentBulkOperation.flatMap { $0.id == id ? $0 : nil }
    }
}
