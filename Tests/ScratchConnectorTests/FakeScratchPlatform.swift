import AftercartConnectorTesting
import AftercartModel
import Foundation
import Hummingbird

/// The Scratch platform, faked on 127.0.0.1: `GET /api/shop`,
/// `/api/orders` (`updated_after`, oldest change first) and
/// `/api/customers`, paged by `page`/`per_page` with `X-Total-Pages`,
/// behind an `X-Scratch-Key` header, with faults armed by request number.
final class FakeScratchPlatform: @unchecked Sendable {
    static let apiKey = "scratch-key-3f9a2c71"

    private let lock = NSLock()
    private var catalog: FakeScratchCatalog
    /// Requests answered so far, and how.
    private var served = 0
    private var statuses: [Int: Int] = [:]
    /// Faults by request number (counted like ``served``).
    private var faults: [Int: ConformanceFault] = [:]
    private var server: LoopbackServer?

    var baseURL: String { server?.baseURL ?? "" }

    private init(orders: Int) {
        catalog = FakeScratchCatalog(orders: orders)
    }

    /// A platform holding `orders` orders (and a third as many customers), serving.
    static func start(orders: Int) async throws -> FakeScratchPlatform {
        let platform = FakeScratchPlatform(orders: orders)
        platform.server = try await LoopbackServer.start { request in platform.answer(request) }
        return platform
    }

    func stop() async { await server?.stop() }

    func ids(of resource: ResourceKind) -> Set<String>? {
        lock.withLock { catalog.ids(of: resource) }
    }

    /// Changes `count` orders now and moves the platform clock past them.
    func changeOrders(count: Int) -> Set<String> {
        lock.withLock { catalog.changeOrders(count: count) }
    }

    var stats: ConformanceRequestStats {
        lock.withLock { ConformanceRequestStats(total: served, byStatus: statuses) }
    }

    /// Arms `faults`, numbered from the next request.
    func arm(_ faults: [Int: ConformanceFault]) {
        lock.withLock { self.faults = Dictionary(uniqueKeysWithValues: faults.map { (served + $0.key, $0.value) }) }
    }

    private func answer(_ request: Request) -> Response {
        let (fault, reply) = lock.withLock { () -> (ConformanceFault?, FakeScratchReply) in
            served += 1
            let fault = faults.removeValue(forKey: served)
            let reply: FakeScratchReply
            if case .status(let code) = fault {
                reply = FakeScratchReply(status: code, json: ["error": "injected"])
            } else if request.headers[.init("X-Scratch-Key")!] != Self.apiKey {
                reply = FakeScratchReply(status: 401, json: ["error": "invalid api key"])
            } else {
                reply = catalog.reply(path: request.uri.path, query: request.uri.queryParameters, fault: fault)
            }
            statuses[reply.status, default: 0] += 1
            return (fault, reply)
        }
        return reply.response(truncated: fault == .truncatedBody)
    }
}
