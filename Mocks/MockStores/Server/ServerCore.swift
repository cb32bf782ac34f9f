import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Shared state behind one running emulator: the platform, its data, faults and stats.
final class ServerCore: Sendable {
    let platform: MockPlatform
    let state: StoreState
    let recorder = RequestRecorder()
    private let emulatorBox = NIOLockedValueBox<(any PlatformEmulator)?>(nil)
    private let faultPlan: NIOLockedValueBox<MockFaultPlan>
    let events = ChangeFeed()
    /// Subscriptions created through the platform's webhook API (Webhooks/).
    let webhookSubscriptions = MockWebhookSubscriptions()

    init(platform: MockPlatform, state: StoreState, faults: MockFaultPlan) {
        self.platform = platform
        self.state = state
        faultPlan = NIOLockedValueBox(faults)
    }

    var emulator: (any PlatformEmulator)? { emulatorBox.withLockedValue { $0 } }
    func install(_ e: any PlatformEmulator) { emulatorBox.withLockedValue { $0 = e } }

    var faults: MockFaultPlan {
        get { faultPlan.withLockedValue { $0 } }
        set { faultPlan.withLockedValue { $0 = newValue } }
    }

    /// Requests the fault plan in force numbered (all but its exempt paths).
    private let faultable = NIOLockedValueBox(0)
    var faultableRequests: Int { faultable.withLockedValue { $0 } }

    /// The fault for a request to `path` numbered `number` among all
    /// requests: by that number, or by its number among the faultable
    /// ones when the plan exempts paths.
    func fault(forRequest number: Int, path: String) -> MockFaultPlan.Kind? {
        let plan = faults
        if plan.exempts(path) { return nil }
        let faultableNumber = faultable.withLockedValue { count -> Int in
            count += 1
            return count
        }
        return plan.fault(forRequest: plan.exemptPathPrefixes.isEmpty ? number : faultableNumber)
    }

    func reset() {
        state.reset()
        recorder.reset()
        faultable.withLockedValue { $0 = 0 }
        emulator?.clearCaches()
    }

    /// Records an advance's changes as order updates (for webhooks).
    func advance(orders: Int, seconds: Int64) -> StoreState.AdvanceOutcome {
        let outcome = state.advance(orders: orders, seconds: seconds)
        for i in outcome.changedOrders { events.record(.init(kind: .order, index: i, event: .updated)) }
        return outcome
    }

    func platformOrderID(_ i: Int) -> Int64 {
        platform == .woocommerce ? Int64(WooIDs.order(i)) : ShopifyIDs.order(i)
    }
}
