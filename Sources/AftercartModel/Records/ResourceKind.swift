public import Foundation

/// The kinds of records Aftercart syncs from a store, by their CLI names.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case orders
    case customers
    case coupons
    case loyalty
    case reviews

    public var description: String { rawValue }
}

/// A normalized record that the sync engine stores, keyed by
/// (store, platform id), and that `aftercart export` prints.
public protocol SyncRecord: Codable, Sendable, Hashable {
    /// Which resource this record belongs to.
    static var resource: ResourceKind { get }
    /// The store the record came from.
    var store: StoreID { get }
    /// The platform's own id for the record, unique within the store and resource.
    var platformID: String { get }
    /// When the platform last changed the record, if it says.
    var updatedAt: Date? { get }
}
