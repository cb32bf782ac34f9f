import AftercartConnectorTesting
import AftercartModel
import Foundation
import Hummingbird

/// What the fake Scratch platform holds and how its list routes answer.
/// Orders are an hour apart, so an incremental read's lookback window
/// holds only the changed ones.
struct FakeScratchCatalog {
    struct Record {
        var id: Int
        var updatedAt: Date
    }

    private var orders: [Record]
    private let customers: [Record]
    /// The platform's now: after every record it holds.
    private var now: Date
    private static let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    private static let maxPerPage = 50

    init(orders count: Int) {
        let hours = { (index: Int) in Self.epoch.addingTimeInterval(Double(index) * 3_600) }
        orders = (0..<count).map { Record(id: $0 + 1, updatedAt: hours($0 + 1)) }
        customers = (0...(count / 3)).map { Record(id: $0 + 1, updatedAt: hours($0 + 1)) }
        now = hours(count + 1)
    }

    func ids(of resource: ResourceKind) -> Set<String>? {
        switch resource {
        case .orders: Set(orders.map { String($0.id) })
        case .customers: Set(customers.map { String($0.id) })
        default: nil
        }
    }

    mutating func changeOrders(count: Int) -> Set<String> {
        let changed = orders.indices.prefix(count)
        for index in changed { orders[index].updatedAt = now }
        now += 3_600
        return Set(changed.map { String(orders[$0].id) })
    }

    func reply(path: String, query: Parameters, fault: ConformanceFault?) -> FakeScratchReply {
        let wrongTypes = fault == .wrongTypes
        var reply: FakeScratchReply
        switch path {
        case "/api/shop":
            reply = FakeScratchReply(status: 200, json: ["name": "Scratch Shop", "currency": "USD"])
        case "/api/orders":
            let after = query["updated_after"].flatMap { Timestamp.parse($0) } ?? .distantPast
            let changed = orders.filter { $0.updatedAt >= after }.sorted {
                ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id)
            }
            reply = page(changed, query: query) { order($0, wrongTypes: wrongTypes) }
        case "/api/customers":
            reply = page(customers, query: query) { customer($0, wrongTypes: wrongTypes) }
        default:
            return FakeScratchReply(status: 404, json: ["error": "no route \(path)"])
        }
        if fault == .malformedJSON { reply.body = reply.body.prefix(reply.body.count / 2) + Data("\"<html".utf8) }
        return reply
    }

    private func page(
        _ records: [Record], query: Parameters, render: (Record) -> [String: Any]
    ) -> FakeScratchReply {
        let perPage = min(query["per_page"].flatMap { Int($0) } ?? 10, Self.maxPerPage)
        let number = max(query["page"].flatMap { Int($0) } ?? 1, 1)
        let slice = records.dropFirst((number - 1) * perPage).prefix(perPage)
        var reply = FakeScratchReply(status: 200, json: slice.map(render))
        let pages = (records.count + perPage - 1) / perPage
        reply.headers = ["X-Total-Pages": "\(pages)", "X-Total-Count": "\(records.count)"]
        return reply
    }

    private func order(_ record: Record, wrongTypes: Bool) -> [String: Any] {
        let created = Self.epoch.addingTimeInterval(Double(record.id) * 3_600)
        return [
            "id": "\(record.id)", "number": "\(1_000 + record.id)",
            "status": ["paid", "shipped", "cancelled"][record.id % 3], "currency": "USD",
            "total": wrongTypes ? 12.5 as Any : "\(record.id).50", "email": "buyer\(record.id)@example.com",
            "customer_id": "\(record.id % 7 + 1)", "created_at": Timestamp.format(created),
            "updated_at": Timestamp.format(record.updatedAt),
        ]
    }

    private func customer(_ record: Record, wrongTypes: Bool) -> [String: Any] {
        [
            "id": "\(record.id)", "email": wrongTypes ? 7 as Any : "buyer\(record.id)@example.com",
            "first_name": "Buyer", "last_name": "No. \(record.id)", "orders_count": 1, "total_spent": "10.00",
            "currency": "USD", "updated_at": Timestamp.format(record.updatedAt),
        ]
    }
}
