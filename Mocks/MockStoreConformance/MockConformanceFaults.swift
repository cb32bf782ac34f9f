public import AftercartConnectorTesting
public import MockStores

/// How the MockStores emulators serve the conformance kit's fault and stats
/// requests, for every adapter whose tests run the kit against them.
public enum MockConformanceFaults {
    /// Wrongly typed fields are missing from `MockFaultPlan`; the others map one to one.
    public static func supports(_ fault: ConformanceFault) -> Bool {
        kind(fault) != nil
    }

    public static func kind(_ fault: ConformanceFault) -> MockFaultPlan.Kind? {
        switch fault {
        case .status(let code): .status(code)
        case .malformedJSON: .badJSON
        case .truncatedBody: .truncate
        case .wrongTypes: nil
        }
    }

    /// The emulator numbers requests from its start; the kit counts from now.
    public static func inject(_ faults: [Int: ConformanceFault], into mock: MockStoreServer) {
        let served = mock.stats().total
        var exact: [Int: MockFaultPlan.Kind] = [:]
        for (number, fault) in faults {
            if let kind = kind(fault) { exact[served + number] = kind }
        }
        mock.setFaults(exact.isEmpty ? .none : MockFaultPlan(rules: [], exact: exact))
    }

    public static func stats(_ mock: MockStoreServer) -> ConformanceRequestStats {
        let stats = mock.stats()
        var byStatus: [Int: Int] = [:]
        for statuses in stats.byPath.values {
            for (status, count) in statuses { byStatus[status, default: 0] += count }
        }
        return ConformanceRequestStats(total: stats.total, byStatus: byStatus)
    }
}
