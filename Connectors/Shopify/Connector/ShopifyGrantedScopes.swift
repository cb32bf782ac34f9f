import Synchronization

/// The scopes the store granted this connector's token, once learned, shared by the copies
/// of a connector so ``ShopifyConnector/capabilities`` (synchronous) reflects them.
final class ShopifyGrantedScopes: Sendable {
    enum Knowledge: Sendable, Equatable {
        /// Not asked yet.
        case unknown
        /// The shop (or a proxy) does not serve `access_scopes.json`: assume everything.
        case unavailable
        case granted(Set<String>)
    }

    private let state = Mutex(Knowledge.unknown)

    var knowledge: Knowledge { state.withLock { $0 } }

    /// The granted set, when known.
    var granted: Set<String>? {
        if case .granted(let scopes) = knowledge { return scopes }
        return nil
    }

    func remember(_ knowledge: Knowledge) { state.withLock { $0 = knowledge } }
}
