import AftercartConnectorTesting
import Testing

/// The conformance kit against the fake Scratch platform: the one line.
@Suite("Scratch conformance")
struct ScratchConformanceTests {
    @Test(arguments: ConformanceScenario.allCases)
    func conformance(_ scenario: ConformanceScenario) async throws {
        print(try await ConnectorConformance.run(ScratchConformanceHarness(), options: .only(scenario)))
    }
}
