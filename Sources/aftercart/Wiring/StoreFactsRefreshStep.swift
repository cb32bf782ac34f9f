import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging

/// Keeps a long-running `run` from showing facts older than a day: after a
/// store's sync, its facts are asked again once they are stale (a webhook
/// the store disabled since, a key made read-only), then the inner step
/// (plan → send) runs.
struct StoreFactsRefreshStep: PostSyncStep {
    let inner: any PostSyncStep
    let connectors: [StoreID: any StoreConnector]
    let persistence: any Persistence
    let logger: Logger

    init(inner: any PostSyncStep, connectors: [any StoreConnector], persistence: any Persistence, logger: Logger) {
        self.inner = inner
        self.connectors = Dictionary(connectors.map { ($0.store, $0) }) { first, _ in first }
        self.persistence = persistence
        self.logger = logger
    }

    func afterSync(store: StoreID, report: StoreSyncReport) async {
        if let connector = connectors[store] {
            await StoreFactsBook.refresh([connector], in: persistence, now: Date(), logger: logger)
        }
        await inner.afterSync(store: store, report: report)
    }
}
