public import AftercartConnector
public import AftercartModel
public import Foundation

/// What an adapter's test target tells the conformance kit: how to start
/// its emulator and what the adapter's paging looks like.
///
/// The kit never imports an emulator, so a third-party adapter runs the
/// same suite against its own fake store:
///
/// ```swift
/// struct AcmeConformanceHarness: ConformanceHarness {
///     let adapterName = "Acme"
///     let pageSize = 50
///     let lookback: TimeInterval = 300
///     func startStore(records: Int) async throws -> any ConformanceStore { ... }
/// }
///
/// @Test func conformance() async throws {
///     try await ConnectorConformance.run(AcmeConformanceHarness())
/// }
/// ```
public protocol ConformanceHarness: Sendable {
    /// The adapter's name in failure messages (`"WooCommerce"`).
    var adapterName: String { get }
    /// Records per page the adapter requests for ``primaryResource``; the
    /// kit tests the walk at 0, 1, this, this + 1 and a few thousand.
    var pageSize: Int { get }
    /// How far before the cursor an incremental read starts (the adapter's
    /// configured lookback). Records changed inside this window may be
    /// re-read without being a fault.
    var lookback: TimeInterval { get }
    /// The resource the emulator's record count and changes apply to.
    var primaryResource: ResourceKind { get }
    /// Starts a fresh emulator holding `records` of ``primaryResource``
    /// (other resources sized as the emulator sees fit), on 127.0.0.1.
    /// The kit calls ``ConformanceStore/stop()`` on every store it starts.
    func startStore(records: Int) async throws -> any ConformanceStore
}

extension ConformanceHarness {
    /// Orders: the resource every platform has and every campaign needs.
    public var primaryResource: ResourceKind { .orders }
}

/// One running emulator and the means to talk to it, as the kit needs them.
public protocol ConformanceStore: Sendable {
    /// An adapter for this store, built the way production builds one (the
    /// same transport, retry policy and authorizer), with the given credentials.
    func makeConnector(credentials: ConformanceCredentials) async throws -> any StoreConnector

    /// The platform ids of `resource` the emulator holds right now, read
    /// without the adapter (straight from the emulator's state or its raw
    /// API); `nil` when the harness cannot tell, which skips the comparison.
    func platformIDs(of resource: ResourceKind) async throws -> Set<String>?

    /// Changes `count` records of the harness's primary resource upstream
    /// and moves the store clock past them; `nil` when the emulator cannot
    /// change records, which skips the incremental scenario.
    func makeChanges(count: Int) async throws -> ConformanceChanges?

    /// Requests the emulator has answered so far (its own control routes excluded).
    func requestStats() async throws -> ConformanceRequestStats

    /// Whether the emulator can inject `fault`; unsupported faults are
    /// recorded as skipped.
    func supports(_ fault: ConformanceFault) -> Bool

    /// Arms faults for upcoming requests: the key is the 1-based number of
    /// the request counted from this call (`1` = the next request).
    /// Replaces any faults armed before.
    func injectFaults(_ faults: [Int: ConformanceFault]) async throws

    /// Credential texts that must never appear in an error's description
    /// or debug details; empty to skip the check.
    var secrets: [String] { get }

    /// Stops the emulator and releases what the store's connectors share
    /// (an HTTP client). Called exactly once per started store.
    func stop() async
}

extension ConformanceStore {
    public var secrets: [String] { [] }
}
