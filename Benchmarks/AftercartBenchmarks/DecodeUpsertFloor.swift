import AftercartModel
import AftercartStore
import Foundation
import MockStores
import ShopifyConnector
import WooCommerceConnector

/// The local limit of a sync: the same page bytes a sync receives, decoded
/// by the adapter's own mapper and committed page by page (rows + cursor in
/// one transaction) into a fresh SQLite file. No network, no emulator.
struct DecodeUpsertFloor {
    var pages: CapturedPages
    var directory: URL

    struct Result {
        var records: Int
        var decodeSeconds: Double
        var totalSeconds: Double
        var recordsPerSecond: Double { Double(records) / totalSeconds }
        var decodeOnlyPerSecond: Double { Double(records) / decodeSeconds }
    }

    func run() async throws -> Result {
        let path = directory.appendingPathComponent("floor-\(pages.platform.rawValue)-\(UUID().uuidString).sqlite")
        let persistence = try await SQLitePersistence.open(path: path.path)
        let store = StoreID("bench-\(pages.platform.rawValue)")
        var records = 0
        var decodeTime: Duration = .zero
        let clock = ContinuousClock()
        let start = clock.now
        for (index, body) in pages.pages.enumerated() {
            let decodeStart = clock.now
            let orders = try decode(body, store: store)
            decodeTime += clock.now - decodeStart
            records += orders.count
            let checkpoint = CheckpointUpdate(
                store: store, resource: .orders, cursor: "page-\(index + 1)", at: Date(),
                completesRun: index == pages.pages.count - 1)
            _ = try await persistence.commitPage(orders, checkpoint: checkpoint)
        }
        let total = clock.now - start
        try await persistence.close()
        return Result(records: records, decodeSeconds: decodeTime.seconds, totalSeconds: total.seconds)
    }

    private func decode(_ body: Data, store: StoreID) throws -> [Order] {
        switch pages.platform {
        case .woocommerce:
            let mapper = WooCommerceOrderMapper(store: store)
            return try mapper.mapPage(body).records
        case .shopify:
            return try ShopifyOrderMapper(store: store).mapPage(body).records
        }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`, for rates.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
