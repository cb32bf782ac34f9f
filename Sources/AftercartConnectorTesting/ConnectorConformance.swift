public import Testing

/// The conformance kit: the one suite every adapter runs against its
/// emulator, so "works with Aftercart" means the same thing on every platform.
///
/// ```swift
/// import AftercartConnectorTesting
/// import Testing
///
/// @Test func conformance() async throws {
///     try await ConnectorConformance.run(WooCommerceConformanceHarness())
/// }
/// ```
///
/// Failures are recorded as Swift Testing issues at the call site, each
/// naming the adapter and the scenario; scenarios that need a capability
/// the adapter lacks, or a fault the emulator cannot inject, are recorded
/// as skipped in the returned ``ConformanceReport``, never failed.
public enum ConnectorConformance {
    /// Runs the scenarios in `options` against `harness`'s emulator.
    ///
    /// Every store the kit starts is stopped before this returns, whatever
    /// happened. Harness failures (an emulator that does not start) are
    /// recorded as issues of the scenario that needed it, and the run goes on.
    ///
    /// - Returns: what ran, passed, failed and was skipped.
    @discardableResult
    public static func run(
        _ harness: some ConformanceHarness, options: ConformanceOptions = .all,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ConformanceReport {
        let kit = ConformanceRun(harness: harness, options: options, sourceLocation: sourceLocation)
        // Scenarios left out of the options are not reported: a run split
        // into one test per scenario would otherwise list every other one.
        for scenario in ConformanceScenario.allCases where options.scenarios.contains(scenario) {
            try Task.checkCancellation()
            switch scenario {
            case .paging: await PagingScenario.run(kit)
            case .incremental: await IncrementalScenario.run(kit)
            case .resume: await ResumeScenario.run(kit)
            case .unauthorized: await UnauthorizedScenario.run(kit)
            case .transientFaults: await TransientFaultScenario.run(kit)
            case .malformedResponses: await MalformedResponseScenario.run(kit)
            case .couponIdempotency: await CouponScenario.run(kit)
            case .modelShape: await ModelShapeScenario.run(kit)
            case .unsupportedResources: await UnsupportedScenario.run(kit)
            }
        }
        return kit.report
    }
}
