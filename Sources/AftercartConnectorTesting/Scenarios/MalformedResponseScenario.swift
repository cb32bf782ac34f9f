import AftercartConnector
import AftercartModel

/// A broken body never crashes the process and never reaches the user as
/// a decoder dump: it becomes a typed error naming the resource (and the
/// field, for decoding), or, when the transport retries it away or the
/// SDK rejects the malformed records one by one, a complete read in which
/// every record is either read or rejected with a reason.
enum MalformedResponseScenario {
    static let faults: [ConformanceFault] = [.malformedJSON, .wrongTypes, .truncatedBody]

    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        let records = max(kit.harness.pageSize, 1) + 1
        do {
            try await kit.withStore(records: records) { store in
                for fault in faults {
                    await kit.entry(.malformedResponses, "\(resource), \(fault) on page 1") { checks in
                        guard store.supports(fault) else {
                            throw ConformanceSkip("the emulator cannot inject \(fault)")
                        }
                        try await check(fault, resource: resource, store: store, checks: checks)
                    }
                }
            }
        } catch {
            await kit.entry(.malformedResponses) { _ in throw error }
        }
    }

    private static func check(
        _ fault: ConformanceFault, resource: ResourceKind, store: any ConformanceStore, checks: Checks
    ) async throws {
        let connector = try await store.makeConnector(credentials: .valid)
        guard connector.capabilities.readable.contains(resource) else {
            throw ConformanceSkip("the adapter does not read \(resource)")
        }
        let expected = try await store.platformIDs(of: resource)
        try await store.injectFaults([1: fault])
        let outcome: Result<ReadResult, any Error>
        do {
            outcome = .success(try await ReadResult.read(connector, resource))
        } catch {
            outcome = .failure(error)
        }
        try await store.injectFaults([:])
        do {
            let result = try outcome.get()
            let rejected = result.rejected
            checks.note(
                rejected.isEmpty
                    ? "the read completed (the transport retried the page)"
                    : "the read completed with \(rejected.count) records rejected")
            for reject in rejected where reject.id.isEmpty || reject.reason.isEmpty {
                checks.fail("a rejected record without an id or a reason: \"\(reject.id)\": \"\(reject.reason)\"")
            }
            // Completing is fine only if every record was read again intact or recorded as rejected.
            if let expected {
                for problem in result.coverageProblems(
                    expected: expected, store: connector.store, resource: resource, countingRejects: true)
                {
                    checks.fail("the read completed despite \(fault) but: \(problem)")
                }
            }
        } catch let error as ConnectorError {
            checks.note("became \(ConformanceText.caseName(error))")
            switch error {
            case .decoding(let field, let reason, let context):
                checks.expect(!field.isEmpty, "decoding error with an empty field name")
                checks.expect(!reason.isEmpty, "decoding error with an empty reason")
                checks.expect(
                    context.resource == resource.rawValue,
                    "decoding error names resource \(context.resource.map { "\"\($0)\"" } ?? "nil"), not \"\(resource)\""
                )
            case .invalidResponse(_, let context):
                checks.expect(
                    context.resource == resource.rawValue,
                    "invalidResponse names resource \(context.resource.map { "\"\($0)\"" } ?? "nil"), not \"\(resource)\""
                )
            default:
                checks.fail("expected decoding or invalidResponse, got \(ConformanceText.describe(error))")
            }
            checks.expect(
                error.context.store == connector.store, "the error does not name store \"\(connector.store)\"")
            checks.expect(
                !error.description.contains("DecodingError") && !error.description.contains("codingPath"),
                "the user-facing message is a decoder dump: \(error.description.prefix(200))")
            for problem in SecretLeaks.problems(in: error, secrets: store.secrets) { checks.fail(problem) }
        } catch {
            checks.fail("expected a ConnectorError, got \(ConformanceText.describe(error))")
        }
    }
}
