import AftercartModel
import Foundation
import GRDB

/// How one resource's records map to its table: the table name, the query
/// columns beyond the shared ones, and their values for a record.
///
/// The model's `SyncRecord` only promises a key and a payload; the query
/// columns need the concrete type, so each resource names the type it
/// stores and a record of any other type is refused.
struct SQLiteRecordTable: Sendable {
    let resource: ResourceKind
    let queryColumns: [String]

    var name: String { resource.rawValue }

    /// Columns every record table has, in the order ``SQLiteRecordRow`` binds them.
    static let sharedColumns = ["store", "platform_id", "payload", "updated_at", "changed_at", "vanished_at"]

    static func table(for resource: ResourceKind) -> SQLiteRecordTable {
        switch resource {
        case .orders:
            SQLiteRecordTable(
                resource: resource,
                queryColumns: [
                    "customer_email", "customer_id", "status", "shipment_status", "created_at", "shipped_at",
                    "delivered_at",
                ])
        case .customers:
            SQLiteRecordTable(resource: resource, queryColumns: ["email", "created_at"])
        case .coupons:
            SQLiteRecordTable(resource: resource, queryColumns: ["code", "expires_at", "created_by_aftercart"])
        case .loyalty:
            SQLiteRecordTable(resource: resource, queryColumns: ["customer_id", "tier", "expires_at"])
        case .reviews:
            SQLiteRecordTable(
                resource: resource,
                queryColumns: ["customer_email", "product_id", "rating", "status", "created_at"])
        }
    }

    /// The query column values of `record`, in ``queryColumns`` order, or
    /// `nil` when `record` is not the type this table stores.
    func queryValues(of record: any SyncRecord) -> [DatabaseValue]? {
        switch resource {
        case .orders:
            guard let order = record as? Order else { return nil }
            return [
                order.customer.email?.lowercased().databaseValue ?? .null,
                order.customer.id.databaseValue,
                order.status.rawValue.databaseValue,
                order.shipmentStatus.rawValue.databaseValue,
                SQLiteTime.text(order.createdAt).databaseValue,
                SQLiteTime.text(ifPresent: order.shippedAt).databaseValue,
                SQLiteTime.text(ifPresent: order.deliveredAt).databaseValue,
            ]
        case .customers:
            guard let customer = record as? Customer else { return nil }
            return [
                customer.email.lowercased().databaseValue, SQLiteTime.text(ifPresent: customer.createdAt).databaseValue,
            ]
        case .coupons:
            guard let coupon = record as? Coupon else { return nil }
            return [
                coupon.code.lowercased().databaseValue,
                SQLiteTime.text(ifPresent: coupon.expiresAt).databaseValue,
                coupon.createdByAftercart.databaseValue,
            ]
        case .loyalty:
            guard let account = record as? LoyaltyAccount else { return nil }
            return [
                account.customerID.databaseValue,
                account.tier.databaseValue,
                SQLiteTime.text(ifPresent: account.expiresAt).databaseValue,
            ]
        case .reviews:
            guard let review = record as? Review else { return nil }
            return [
                review.customerEmail.lowercased().databaseValue,
                review.productID.databaseValue,
                review.rating.databaseValue,
                review.status.rawValue.databaseValue,
                SQLiteTime.text(review.createdAt).databaseValue,
            ]
        }
    }

    /// Inserts a new row or overwrites an existing one, reviving it if it had vanished.
    var upsertSQL: String {
        let columns = Self.sharedColumns + queryColumns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT (store, platform_id) DO UPDATE SET \(updates)
            """
    }
}

/// One record ready to write: encoded outside the transaction so the write
/// lock is held only for SQL.
struct SQLiteRecordRow: Sendable {
    let key: RecordKey
    let payload: String
    let updatedAt: String?
    let queryValues: [DatabaseValue]

    /// Arguments for ``SQLiteRecordTable/upsertSQL``; a written row is never vanished.
    func upsertArguments(changedAt: String) -> StatementArguments {
        var values: [DatabaseValue] = [
            key.store.rawValue.databaseValue, key.platformID.databaseValue, payload.databaseValue,
            updatedAt.databaseValue, changedAt.databaseValue, .null,
        ]
        values += queryValues
        return StatementArguments(values)
    }
}
