import AftercartConnector
import AftercartModel

/// Whatever the platform sent, what the adapter hands on is the model
/// `aftercart export` prints (``SpecShape``): every readable resource, every record.
enum ModelShapeScenario {
    static func run(_ kit: ConformanceRun) async {
        let records = max(kit.harness.pageSize + 1, 120)
        do {
            try await kit.withStore(records: records) { store in
                let connector = try await store.makeConnector(credentials: .valid)
                for resource in ResourceKind.allCases {
                    await kit.entry(.modelShape, "\(resource)") { checks in
                        guard connector.capabilities.readable.contains(resource) else {
                            throw ConformanceSkip("the adapter does not read \(resource)")
                        }
                        let result = try await ReadResult.read(connector, resource)
                        guard !result.records.isEmpty else {
                            throw ConformanceSkip("the emulator holds no \(resource) in a \(records)-record store")
                        }
                        var reported = 0
                        for record in result.records {
                            let problems = SpecShape.problems(record, resource: resource)
                            guard !problems.isEmpty else { continue }
                            reported += 1
                            // A mapping bug repeats on every record; three examples say enough.
                            if reported <= 3 {
                                checks.fail("\(resource) \(record.platformID): " + problems.joined(separator: "; "))
                            }
                        }
                        if reported > 3 { checks.fail("… and \(reported - 3) more \(resource) with problems") }
                    }
                }
            }
        } catch {
            await kit.entry(.modelShape) { _ in throw error }
        }
    }
}
