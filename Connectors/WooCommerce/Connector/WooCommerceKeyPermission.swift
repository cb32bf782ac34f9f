import AftercartConnector
import Synchronization

/// What the store said about the consumer key's write permission, once
/// learned (by `check`'s probe or by the first refused write), shared by the
/// copies of a connector so ``WooCommerceConnector/capabilities``
/// (synchronous) reflects it.
final class WooCommerceKeyPermission: Sendable {
    struct Knowledge: Sendable, Equatable {
        var permission: StoreFacts.WritePermission
        /// The store's own words when writes are refused.
        var message: String?
    }

    private let state = Mutex<Knowledge?>(nil)

    /// `nil` until a probe or a write told.
    var knowledge: Knowledge? { state.withLock { $0 } }

    var isReadOnly: Bool { knowledge?.permission == .readOnly }

    func remember(_ knowledge: Knowledge) { state.withLock { $0 = knowledge } }
}
