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
    /// Requests to `exemptPaths` (an app's token grant, which a fresh
    /// connector makes before its first page) are neither faulted nor counted.
    public static func inject(
        _ faults: [Int: ConformanceFault], into mock: MockStoreServer, exemptPaths: [String] = []
    ) {
        let served = exemptPaths.isEmpty ? mock.stats().total : mock.faultableRequests
        var exact: [Int: MockFaultPlan.Kind] = [:]
        for (number, fault) in faults {
            if let kind = kind(fault) { exact[served + number] = kind }
        }
        var plan = exact.isEmpty ? MockFaultPlan.none : MockFaultPlan(rules: [], exact: exact)
        plan.exemptPathPrefixes = exemptPaths
        mock.setFaults(plan)
    }

    /// ``stats(_:)``, with refusals at `grantPath` (an app's token grant
    /// answering 400 `invalid_client`) counted as the 401s they stand for.
    public static func stats(_ mock: MockStoreServer, grantPath: String) -> ConformanceRequestStats {
        var stats = stats(mock)
        let refusals = mock.stats().count(path: grantPath, status: 400)
        stats.byStatus[400, default: 0] -= refusals
        stats.byStatus[401, default: 0] += refusals
        return stats
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
