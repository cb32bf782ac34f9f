import AftercartConnector
import AftercartConnectorTesting
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import ScratchConnector

/// Runs the conformance kit against the fake Scratch platform, with the
/// adapter built through its registration, as the CLI builds it.
struct ScratchConformanceHarness: ConformanceHarness {
    let adapterName = "Scratch"
    let pageSize = ScratchConnector.pageSize
    let lookback: TimeInterval = 300

    func startStore(records: Int) async throws -> any ConformanceStore {
        ScratchConformanceStore(
            platform: try await FakeScratchPlatform.start(orders: records),
            client: HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20)))
    }
}

/// One running fake platform and its HTTP client, as the kit drives them.
struct ScratchConformanceStore: ConformanceStore {
    let platform: FakeScratchPlatform
    let client: HTTPClient

    static let wrongKey = "scratch-key-00000000"

    func makeConnector(credentials: ConformanceCredentials) async throws -> any StoreConnector {
        let settings = ConnectorSettings(
            store: "conformance-scratch", platform: "scratch", values: ["base_url": platform.baseURL],
            secrets: ["api_key": Secret(credentials == .valid ? FakeScratchPlatform.apiKey : Self.wrongKey)])
        let logger = Logger(label: "conformance.scratch", factory: { _ in SwiftLogNoOpLogHandler() })
        return try ScratchConnector.registration.makeConnector(
            settings, ConnectorEnvironment(client: client, logger: logger))
    }

    func platformIDs(of resource: ResourceKind) async throws -> Set<String>? { platform.ids(of: resource) }

    func makeChanges(count: Int) async throws -> ConformanceChanges? {
        ConformanceChanges(resource: .orders, platformIDs: platform.changeOrders(count: count))
    }

    func requestStats() async throws -> ConformanceRequestStats { platform.stats }

    func supports(_ fault: ConformanceFault) -> Bool { true }

    func injectFaults(_ faults: [Int: ConformanceFault]) async throws { platform.arm(faults) }

    var secrets: [String] { [FakeScratchPlatform.apiKey, Self.wrongKey] }

    func stop() async {
        try? await client.shutdown()
        await platform.stop()
    }
}
