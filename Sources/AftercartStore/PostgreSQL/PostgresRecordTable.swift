import AftercartModel
import Foundation
import PostgresNIO

/// How one resource's records map to its PostgreSQL table: the table name,
/// the query columns beyond the shared ones, and their values for a record.
/// The same columns as ``SQLiteRecordTable``, with PostgreSQL's types.
struct PostgresRecordTable: Sendable {
    let resource: ResourceKind
    let queryColumns: [String]

    var name: String { resource.rawValue }

    /// Columns every record table has, in the order ``PostgresRecordRow`` binds them.
    static let sharedColumns = ["store", "platform_id", "payload", "updated_at", "changed_at", "vanished_at"]

    static func table(for resource: ResourceKind) -> PostgresRecordTable {
        let sqlite = SQLiteRecordTable.table(for: resource)
        return PostgresRecordTable(resource: resource, queryColumns: sqlite.queryColumns)
    }

    /// The query column values of `record`, in ``queryColumns`` order, or
    /// `nil` when `record` is not the type this table stores.
    func queryValues(of record: any SyncRecord) -> [PostgresValue]? {
        switch resource {
        case .orders:
            guard let order = record as? Order else { return nil }
            return [
                .text(order.customer.email?.lowercased()), .text(order.customer.id), .text(order.status.rawValue),
                .text(order.shipmentStatus.rawValue), .time(order.createdAt), .time(order.shippedAt),
                .time(order.deliveredAt),
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
                .text(review.customerEmail.lowercased()), .text(review.productID), .int(review.rating),
                .text(review.status.rawValue), .time(review.createdAt),
            ]
        }
    }

    /// Inserts `rows` or overwrites the existing ones in one statement,
    /// reviving any that had vanished.
    func upsert(_ rows: some Collection<PostgresRecordRow>, changedAt: Date) -> PostgresQuery {
        let columns = Self.sharedColumns + queryColumns
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            let first = bindings.count + 1
            row.bind(into: &bindings, changedAt: changedAt)
            tuples.append("(" + (first..<bindings.count + 1).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        let updates = columns.dropFirst(2).map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))
                ON CONFLICT (store, platform_id) DO UPDATE SET \(updates)
                """,
            binds: bindings)
    }
}

/// A value for a query column.
enum PostgresValue: Sendable {
    case text(String?)
    case time(Date?)
    case bool(Bool)
    case int(Int)

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .time(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .int(let value): bindings.append(value)
        }
    }
}

/// One record ready to write, encoded before the transaction starts.
struct PostgresRecordRow: Sendable {
    let key: RecordKey
    let payload: String
    let updatedAt: Date?
    let queryValues: [PostgresValue]

    /// Binds the shared columns then the query columns; a written row is never vanished.
    func bind(into bindings: inout PostgresBindings, changedAt: Date) {
        bindings.append(key.store.rawValue)
        bindings.append(key.platformID)
        bindings.append(payload)
        bindings.append(updatedAt)
        bindings.append(changedAt)
        bindings.append(Date?.none)
        for value in queryValues { value.bind(into: &bindings) }
    }
}
