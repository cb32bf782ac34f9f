import AftercartConnectorTesting
import Testing

/// The conformance kit against the WooCommerce emulator: the one line
/// every adapter has. Parameterized so scenarios run in parallel and fail
/// separately; each starts and stops its own emulators.
@Suite("WooCommerce conformance")
struct WooCommerceConformanceTests {
    @Test(arguments: ConformanceScenario.allCases)
    func conformance(_ scenario: ConformanceScenario) async throws {
        let report = try await ConnectorConformance.run(WooCommerceConformanceHarness(), options: .only(scenario))
        print(report)
    }
}
