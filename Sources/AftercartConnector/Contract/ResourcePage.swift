public import AftercartModel

/// One page of mapped records and the cursor to store once they are committed.
public struct ResourcePage: Sendable {
    /// The records, already in the normalized model.
    public var records: RecordBatch
    /// Store this after committing ``records``, in the same transaction.
    public var cursor: SyncCursor
    /// Where the walk stands, for progress and ETA on a TTY.
    public var progress: PageProgress
    /// Ids of ``resource`` the store says are gone (trashed), to mark
    /// vanished before the page is committed; a record that comes back
    /// later with a newer change is live again.
    public var vanished: [String]
    /// Records of the page the adapter could not map, cut out so the rest
    /// is stored: commit them with the page, so the cursor passes them
    /// only because they are recorded.
    public var rejected: [RejectedRecord]

    public init(
        records: RecordBatch, cursor: SyncCursor, progress: PageProgress = PageProgress(), vanished: [String] = [],
        rejected: [RejectedRecord] = []
    ) {
        self.records = records
        self.cursor = cursor
        self.progress = progress
        self.vanished = vanished
        self.rejected = rejected
    }

    /// The resource the records belong to.
    public var resource: ResourceKind { records.resource }
}

/// What the store said about the size of the walk, when it says.
public struct PageProgress: Sendable, Hashable {
    /// 1-based number of this page within the run.
    public var pageNumber: Int?
    /// Pages in the run (WooCommerce `X-WP-TotalPages`).
    public var totalPages: Int?
    /// Records in the run (WooCommerce `X-WP-Total`).
    public var totalRecords: Int?
    /// Whether the store has more pages after this one.
    public var hasMore: Bool

    public init(pageNumber: Int? = nil, totalPages: Int? = nil, totalRecords: Int? = nil, hasMore: Bool = false) {
        self.pageNumber = pageNumber
        self.totalPages = totalPages
        self.totalRecords = totalRecords
        self.hasMore = hasMore
    }
}

/// The records of one page, typed by resource.
///
/// An enum rather than a generic keeps ``StoreConnector`` usable as an
/// existential and lets the engine switch over resources it names on the
/// command line; ``visit(_:)`` gives generic code a typed array.
public enum RecordBatch: Sendable {
    case orders([Order])
    case customers([Customer])
    case coupons([Coupon])
    case loyalty([LoyaltyAccount])
    case reviews([Review])

    /// An empty batch of `resource`.
    public static func empty(_ resource: ResourceKind) -> RecordBatch {
        switch resource {
        case .orders: .orders([])
        case .customers: .customers([])
        case .coupons: .coupons([])
        case .loyalty: .loyalty([])
        case .reviews: .reviews([])
        }
    }

    public var resource: ResourceKind {
        switch self {
        case .orders: .orders
        case .customers: .customers
        case .coupons: .coupons
        case .loyalty: .loyalty
        case .reviews: .reviews
        }
    }

    public var count: Int {
        switch self {
        case .orders(let records): records.count
        case .customers(let records): records.count
        case .coupons(let records): records.count
        case .loyalty(let records): records.count
        case .reviews(let records): records.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// The records as existentials, for code that needs only the
    /// ``SyncRecord`` requirements (keys, timestamps, JSON).
    public var anyRecords: [any SyncRecord] {
        switch self {
        case .orders(let records): records
        case .customers(let records): records
        case .coupons(let records): records
        case .loyalty(let records): records
        case .reviews(let records): records
        }
    }

    /// Calls `visitor` with the records as a concretely typed array.
    public func visit<V: RecordBatchVisitor>(_ visitor: V) throws -> V.Result {
        switch self {
        case .orders(let records): try visitor.visit(records)
        case .customers(let records): try visitor.visit(records)
        case .coupons(let records): try visitor.visit(records)
        case .loyalty(let records): try visitor.visit(records)
        case .reviews(let records): try visitor.visit(records)
        }
    }
}

/// Generic code over a ``RecordBatch`` (Swift has no generic closures).
public protocol RecordBatchVisitor {
    associatedtype Result
    func visit<R: SyncRecord>(_ records: [R]) throws -> Result
}
