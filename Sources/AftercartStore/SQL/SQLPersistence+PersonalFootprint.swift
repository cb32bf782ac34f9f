import AftercartModel
import Foundation

/// One record row of a customer's footprint, as stored.
struct FootprintRow: Sendable {
    var resource: ResourceKind
    var platformID: String
    var payload: String
    var vanishedAt: Date?
}

/// Where one customer of one store appears in the database: found by
/// address, then by the customer ids the records with that address name.
struct PersonalFootprint: Sendable {
    var records: [FootprintRow] = []
    var outbox: [OutboxEntry] = []
    var customerIDs: Set<String> = []
    var orderIDs: Set<String> = []
    var reviewIDs: Set<String> = []
    /// Names the records give them, whole and in parts.
    var fullNames: Set<String> = []
    var firstNames: Set<String> = []
    var lastNames: Set<String> = []

    /// Whether outbox row `entry` is about this customer.
    func concerns(_ entry: OutboxEntry, address: String) -> Bool {
        switch entry.subjectKind {
        case .orders where orderIDs.contains(entry.subjectID): return true
        case .customers where customerIDs.contains(entry.subjectID): return true
        case .reviews where reviewIDs.contains(entry.subjectID): return true
        default: break
        }
        return entry.subjectID.lowercased() == address
            || entry.payload.range(of: address, options: .caseInsensitive) != nil
    }

    /// Whether rejected record `id` of `resource` is one of this customer's.
    func owns(_ resource: ResourceKind, id: String) -> Bool {
        switch resource {
        case .orders: orderIDs.contains(id)
        case .customers: customerIDs.contains(id)
        case .reviews: reviewIDs.contains(id)
        case .loyalty: customerIDs.contains(id)
        case .coupons: false
        }
    }
}

extension SQLPersistence {
    /// The footprint of `address` (lowercased) in `store`, read on `connection`.
    func footprint(of address: String, store: StoreID, on connection: Executor.Connection) async throws
        -> PersonalFootprint
    {
        var found = PersonalFootprint()
        let decoder = ModelJSON.decoder()
        var seen: Set<String> = []
        func add(_ rows: [FootprintRow]) {
            for row in rows where seen.insert("\(row.resource.rawValue)/\(row.platformID)").inserted {
                found.records.append(row)
                let data = Data(row.payload.utf8)
                switch row.resource {
                case .customers:
                    found.customerIDs.insert(row.platformID)
                    if let customer = try? decoder.decode(Customer.self, from: data) { found.addNames(of: customer) }
                case .orders:
                    found.orderIDs.insert(row.platformID)
                    if let order = try? decoder.decode(Order.self, from: data) {
                        if let id = order.customer.id, !id.isEmpty { found.customerIDs.insert(id) }
                        found.addNames(first: order.customer.firstName, last: order.customer.lastName)
                    }
                case .reviews:
                    found.reviewIDs.insert(row.platformID)
                    if let name = try? decoder.decode(Review.self, from: data).reviewerName {
                        found.fullNames.insert(name)
                    }
                case .loyalty, .coupons:
                    break
                }
            }
        }
        let byAddress: [(ResourceKind, String)] = [(.customers, "email"), (.orders, "customer_email")]
        for (resource, column) in byAddress + [(.reviews, "customer_email")] {
            add(try await footprintRows(resource, column, [address], store: store, on: connection))
        }
        // Their customer ids reach orders placed under another address and loyalty accounts.
        let ids = Array(found.customerIDs).sorted()
        add(try await footprintRows(.customers, "platform_id", ids, store: store, on: connection))
        add(try await footprintRows(.orders, "customer_id", ids, store: store, on: connection))
        add(try await footprintRows(.loyalty, "customer_id", ids, store: store, on: connection))
        // Page by id: a store's outbox grows without end, only a few rows are theirs.
        var after: Int64 = 0
        while true {
            let rows = try await connection.query(
                "SELECT \(Self.entryColumns) FROM outbox WHERE store = ? AND id > ? ORDER BY id LIMIT 1000",
                [.text(store.rawValue), .integer(after)])
            for row in rows {
                let entry = try Self.entry(from: row)
                if found.concerns(entry, address: address) { found.outbox.append(entry) }
                after = entry.id
            }
            if rows.count < 1000 { break }
        }
        return found
    }

    /// Rows of `resource` in `store` whose `column` is one of `values`.
    private func footprintRows(
        _ resource: ResourceKind, _ column: String, _ values: [String], store: StoreID,
        on connection: Executor.Connection
    ) async throws -> [FootprintRow] {
        var rows: [FootprintRow] = []
        for chunk in values.chunked(Self.maximumRowsPerStatement) {
            rows += try await connection.query(
                """
                SELECT platform_id, payload, vanished_at FROM \(resource.rawValue)
                WHERE store = ? AND \(column) IN (\(Self.placeholders(chunk.count))) ORDER BY platform_id
                """,
                [.text(store.rawValue)] + chunk.map { .text($0) }
            ).map {
                FootprintRow(
                    resource: resource, platformID: try $0.text(0), payload: try $0.text(1),
                    vanishedAt: try $0.optionalTime(2))
            }
        }
        return rows
    }
}

extension PersonalFootprint {
    mutating func addNames(of customer: Customer) {
        addNames(first: customer.firstName, last: customer.lastName)
    }

    mutating func addNames(first: String?, last: String?) {
        let first = first?.trimmingCharacters(in: .whitespaces) ?? ""
        let last = last?.trimmingCharacters(in: .whitespaces) ?? ""
        if !first.isEmpty { firstNames.insert(first) }
        if !last.isEmpty { lastNames.insert(last) }
        if !first.isEmpty, !last.isEmpty {
            fullNames.insert(first + " " + last)
            fullNames.insert(last + " " + first)
        }
    }
}
