import AftercartConnector
import AftercartModel

/// What an adapter cannot do it refuses with `unsupported`, so the engine
/// and `aftercart check` can tell "not here" from "broken".
enum UnsupportedScenario {
    static func run(_ kit: ConformanceRun) async {
        do {
            try await kit.withStore(records: 10) { store in
                let connector = try await store.makeConnector(credentials: .valid)
                let unreadable = ResourceKind.allCases.filter { !connector.capabilities.readable.contains($0) }
                if unreadable.isEmpty {
                    kit.skip(.unsupportedResources, "reads", "the adapter reads every resource")
                }
                for resource in unreadable {
                    await kit.entry(.unsupportedResources, "read \(resource)") { checks in
                        do {
                            let result = try await ReadResult.read(connector, resource, pageLimit: 1)
                            checks.fail(
                                "reading \(resource), which capabilities omit, returned \(result.records.count) records instead of unsupported"
                            )
                        } catch let error as ConnectorError {
                            guard case .unsupported = error else {
                                checks.fail(
                                    "reading \(resource): expected unsupported, got \(ConformanceText.describe(error))")
                                return
                            }
                        }
                    }
                }
                if connector.capabilities.loyalty.contains(.write) {
                    kit.skip(.unsupportedResources, "loyalty adjustment", "the adapter writes loyalty")
                } else {
                    await kit.entry(.unsupportedResources, "loyalty adjustment") { checks in
                        do {
                            _ = try await connector.adjustLoyalty(customerID: "1", points: 1, reason: "conformance")
                            checks.fail("adjustLoyalty succeeded although capabilities omit loyalty writes")
                        } catch let error as ConnectorError {
                            guard case .unsupported = error else {
                                checks.fail(
                                    "adjustLoyalty: expected unsupported, got \(ConformanceText.describe(error))")
                                return
                            }
                        }
                    }
                }
            }
        } catch {
            await kit.entry(.unsupportedResources) { _ in throw error }
        }
    }
}
