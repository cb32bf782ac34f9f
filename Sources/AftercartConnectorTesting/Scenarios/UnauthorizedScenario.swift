import AftercartConnector
import AftercartModel

/// Refused credentials fail fast and plainly: one request, no retry (a
/// retry cannot fix a key and may lock the account), a typed error that
/// names the store, and no secret in the message.
enum UnauthorizedScenario {
    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        await kit.entry(.unauthorized, "read \(resource) and check()") { checks in
            try await kit.withStore(records: 10) { store in
                let connector = try await store.makeConnector(credentials: .invalid)
                guard connector.capabilities.readable.contains(resource) else {
                    throw ConformanceSkip("the adapter does not read \(resource)")
                }
                try await expectRefusal("reading \(resource)", store: store, connector: connector, checks: checks) {
                    _ = try await ReadResult.read(connector, resource, pageLimit: 1)
                }
                try await expectRefusal("check()", store: store, connector: connector, checks: checks) {
                    _ = try await connector.check()
                }
            }
        }
    }

    private static func expectRefusal(
        _ operation: String, store: any ConformanceStore, connector: any StoreConnector, checks: Checks,
        _ body: () async throws -> Void
    ) async throws {
        let before = try await store.requestStats()
        do {
            try await body()
            checks.fail("\(operation) with refused credentials succeeded")
        } catch let error as ConnectorError {
            if case .unauthorized(let context) = error {
                checks.expect(
                    context.store == connector.store,
                    "\(operation): the error names store \(context.store.map { "\"\($0)\"" } ?? "nil"), not \"\(connector.store)\""
                )
            } else {
                checks.fail("\(operation): expected unauthorized, got \(ConformanceText.describe(error))")
            }
            for problem in SecretLeaks.problems(in: error, secrets: store.secrets) {
                checks.fail("\(operation): \(problem)")
            }
        } catch {
            checks.fail("\(operation): expected ConnectorError.unauthorized, got \(ConformanceText.describe(error))")
        }
        let delta = try await store.requestStats().since(before)
        // Once at most: an adapter that already knows its credentials are
        // refused (an installed app's token the shop revoked) need not ask again.
        checks.expect(
            delta.count(status: 401) <= 1,
            "\(operation): the emulator answered 401 \(delta.count(status: 401)) times; expected at most once (no retry)"
        )
    }
}
