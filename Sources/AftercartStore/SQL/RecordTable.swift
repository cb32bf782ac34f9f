import AftercartModel
import Foundation

/// How one resource's records map to its table: the table name, the query
/// columns beyond the shared ones, and their values for a record.
///
/// The model's `SyncRecord` only promises a key and a payload; the query
/// columns need the concrete type, so each resource names the type it
/// stores and a record of any other type is refused.
struct RecordTable: Sendable {
    let resource: ResourceKind
    let queryColumns: [String]

    var name: String { resource.rawValue }

    /// Whether rows carry `created_at`, to select recent records by.
    var hasCreationTime: Bool { queryColumns.contains("created_at") }

    /// Columns every record table has, in the order ``RecordRow`` binds them.
    static let sharedColumns = ["store", "platform_id", "payload", "updated_at", "changed_at", "vanished_at"]

    /// The columns a read returns, in the order ``StoredRow`` reads them.
    static let readColumns = "store, platform_id, payload, changed_at, vanished_at"

    static func table(for resource: ResourceKind) -> RecordTable {
        switch resource {
        case .orders:
            RecordTable(
                resource: resource,
                queryColumns: [
                    "customer_email", "customer_id", "status", "shipment_status", "created_at", "shipped_at",
                    "delivered_at", "planning",
                ])
        case .customers:
            RecordTable(resource: resource, queryColumns: ["email", "created_at"])
        case .coupons:
            RecordTable(resource: resource, queryColumns: ["code", "expires_at", "created_by_aftercart"])
        case .loyalty:
            RecordTable(resource: resource, queryColumns: ["customer_id", "tier", "expires_at"])
        case .reviews:
            RecordTable(
                resource: resource,
                queryColumns: ["customer_email", "product_id", "rating", "status", "created_at"])
        }
    }

    /// The query column values of `record`, in ``queryColumns`` order, or
    /// `nil` when `record` is not the type this table stores.
    func queryValues(of record: any SyncRecord) -> [SQLValue]? {
        switch resource {
        case .orders:
            guard let order = record as? Order else { return nil }
            return [
                .text(order.customer.email?.lowercased()), .text(order.customer.id), .text(order.status.rawValue),
                .text(order.shipmentStatus.rawValue), .time(order.createdAt), .time(order.shippedAt),
                .time(order.deliveredAt), .text(OrderPlanningProjection.json(of: order)),
            ]
        case .customers:
            guard let customer = record as? Customer else { return nil }
            return [.text(customer.email.lowercased()), .time(customer.createdAt)]
        case .coupons:
            guard let coupon = record as? Coupon else { return nil }
            return [.text(coupon.code.lowercased()), .time(coupon.expiresAt), .bool(coupon.createdByAftercart)]
        case .loyalty:
            guard let account = record as? LoyaltyAccount else { return nil }
            return [.text(account.customerID), .text(account.tier), .time(account.expiresAt)]
        case .reviews:
            guard let review = record as? Review else { return nil }
            return [
                .text(review.customerEmail.lowercased()), .text(review.productID), .integer(review.rating),
                .text(review.status.rawValue), .time(review.createdAt),
            ]
        }
    }

    /// Inserts `count` rows or overwrites the existing ones in one
    /// statement, reviving any that had vanished.
    func upsertSQL(rows count: Int) -> String {
        let columns = Self.sharedColumns + queryColumns
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let updates = columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO \(name) (\(columns.joined(separator: ", ")))
            VALUES \(Array(repeating: tuple, count: count).joined(separator: ", "))
            ON CONFLICT (store, platform_id) DO UPDATE SET \(updates)
            """
    }
}

/// One record ready to write, encoded before the transaction starts so the
/// write lock is held only for SQL.
struct RecordRow: Sendable {
    let table: RecordTable
    let key: RecordKey
    let payload: String
    let updatedAt: Date?
    let queryValues: [SQLValue]

    /// The values for ``RecordTable/upsertSQL(rows:)``; a written row is never vanished.
    func upsertArguments(changedAt: Date) -> [SQLValue] {
        [.text(key.store.rawValue), .text(key.platformID), .text(payload), .time(updatedAt), .time(changedAt), .null]
            + queryValues
    }
}

/// A record row as read, before decoding.
struct StoredRow: Sendable {
    let key: RecordKey
    let payload: String
    let changedAt: Date
    let vanishedAt: Date?

    init(_ row: SQLRow) throws {
        key = RecordKey(store: StoreID(try row.text(0)), platformID: try row.text(1))
        payload = try row.text(2)
        changedAt = try row.optionalTime(3) ?? .distantPast
        vanishedAt = try row.optionalTime(4)
    }
}
