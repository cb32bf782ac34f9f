import AftercartConnectorTesting
import Testing

/// The conformance kit against the Shopify emulator: the one line every
/// adapter has, parameterized so scenarios run in parallel and fail
/// separately; each starts and stops its own emulators.
@Suite("Shopify conformance")
struct ShopifyConformanceTests {
    @Test(arguments: ConformanceScenario.allCases, ShopifyConformanceHarness.Credential.allCases)
    func conformance(_ scenario: ConformanceScenario, credential: ShopifyConformanceHarness.Credential) async throws {
        let report = try await ConnectorConformance.run(
            ShopifyConformanceHarness(credential: credential), options: .only(scenario))
        print(report)
    }
}
