import Foundation
import NIOConcurrencyHelpers

/// The shop's bulk query operations: created by `bulkOperationRunQuery`, moved along by
/// the polls that read them (CREATED, then RUNNING, then COMPLETED or FAILED after
/// ``MockShopifyBulkBehaviour/pollsToComplete`` polls), and their result files.
///
/// An operation keeps the store snapshot it started from, so its file is generated on
/// every download from the same data, byte for byte.
final class ShopifyBulkOperationLedger: Sendable {
    enum Status: String, Sendable {
        case created = "CREATED"
        case running = "RUNNING"
        case completed = "COMPLETED"
        case failed = "FAILED"
        case expired = "EXPIRED"
    }

    struct Operation: Sendable {
        let number: Int
        let shape: ShopifyBulkQueryShape
        let query: String
        let snapshot: StoreOverlay
        /// Store clock at creation.
        let createdAt: Int64
        /// A scope the query needs and the token lacks: the operation fails with `ACCESS_DENIED`.
        let deniedScope: String?
        /// The part of the file URL that stands in for a signed URL's signature.
        let signature: String
        var polls = 0
        var status = Status.created
        var errorCode: String?
        var completedAt: Int64?
        var totals: ShopifyBulkJSONL.Totals?

        var gid: String { "gid://shopify/BulkOperation/\(number)" }
        var isActive: Bool { status == .created || status == .running }
    }

    private struct State {
        var operations: [Int: Operation] = [:]
        var next = 1
        var behaviour = MockShopifyBulkBehaviour()
        var stats = MockShopifyBulkStats()
        var failNext: String?
        var cutNextDownload: Int?
    }

    private let state = NIOLockedValueBox(State())

    var behaviour: MockShopifyBulkBehaviour {
        get { state.withLockedValue { $0.behaviour } }
        set { state.withLockedValue { $0.behaviour = newValue } }
    }

    var stats: MockShopifyBulkStats { state.withLockedValue { $0.stats } }

    /// The next operation to complete fails with `errorCode` instead.
    func failNext(errorCode: String) { state.withLockedValue { $0.failNext = errorCode } }

    /// The next download is cut after `bytes` bytes of body.
    func cutNextDownload(afterBytes bytes: Int) { state.withLockedValue { $0.cutNextDownload = bytes } }

    /// Every operation's results expire (Shopify keeps them seven days).
    func expireAll() {
        state.withLockedValue { s in
            for key in s.operations.keys {
                s.operations[key]?.status = .expired
            }
        }
    }

    /// Forgets every operation and fault; the behaviour stays.
    func reset() {
        state.withLockedValue { s in
            let behaviour = s.behaviour
            s = State()
            s.behaviour = behaviour
        }
    }

    /// Starts an operation unless `limit` are already running.
    func start(
        shape: ShopifyBulkQueryShape, query: String, snapshot: StoreOverlay, deniedScope: String?, limit: Int
    ) -> Result<Operation, ShopifyBulkShapeError> {
        state.withLockedValue { s in
            let running = s.operations.values.filter(\.isActive).count
            guard running < limit else {
                return .failure(
                    ShopifyBulkShapeError(
                        limit == 1
                            ? "A bulk query operation for this app and shop is already in progress: \(s.operations.values.first(where: \.isActive)?.gid ?? "")."
                            : "The maximum of \(limit) bulk query operations for this app and shop are already in progress."
                    ))
            }
            let number = s.next
            s.next += 1
            let operation = Operation(
                number: number, shape: shape, query: query, snapshot: snapshot, createdAt: snapshot.now,
                deniedScope: deniedScope, signature: String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16))
            s.operations[number] = operation
            s.stats.started += 1
            return .success(operation)
        }
    }

    /// The operation numbered `number` after this poll moved it along; `nil` when unknown.
    /// `complete` computes the totals of a finished file (outside the lock it is not: the
    /// totals of one operation are computed once).
    func poll(_ number: Int, complete: (Operation) -> ShopifyBulkJSONL.Totals) -> Operation? {
        state.withLockedValue { s in
            guard var operation = s.operations[number] else { return nil }
            s.stats.polls += 1
            if operation.isActive {
                operation.polls += 1
                if operation.polls >= s.behaviour.pollsToComplete {
                    operation.completedAt = operation.snapshot.now
                    if operation.deniedScope != nil {
                        operation.status = .failed
                        operation.errorCode = "ACCESS_DENIED"
                    } else if let code = s.failNext {
                        s.failNext = nil
                        operation.status = .failed
                        operation.errorCode = code
                    } else {
                        operation.status = .completed
                        operation.totals = complete(operation)
                    }
                } else {
                    operation.status = .running
                }
            }
            s.operations[number] = operation
            return operation
        }
    }

    /// The newest operation, for `currentBulkOperation`, moved along like a poll.
    func newestNumber() -> Int? { state.withLockedValue { $0.operations.keys.max() } }

    /// The completed operation a download URL names, with the bytes to cut it after (once).
    func download(_ number: Int, signature: String, carriesToken: Bool) -> (Operation, cutAfter: Int?)? {
        state.withLockedValue { s in
            guard let operation = s.operations[number], operation.signature == signature,
                operation.status == .completed
            else { return nil }
            s.stats.downloads += 1
            if carriesToken { s.stats.downloadsWithAccessToken += 1 }
            let cut = s.cutNextDownload
            s.cutNextDownload = nil
            return (operation, cut)
        }
    }

    func recordRange(start: Int) { state.withLockedValue { $0.stats.rangeStarts.append(start) } }
}

/// How the emulated bulk operations behave.
public struct MockShopifyBulkBehaviour: Sendable, Equatable {
    /// Polls (`bulkOperation(id:)` / `currentBulkOperation`) until an operation finishes;
    /// the first poll finds it RUNNING.
    public var pollsToComplete: Int

    public init(pollsToComplete: Int = 2) {
        self.pollsToComplete = max(1, pollsToComplete)
    }
}

/// What happened to the emulated bulk operations.
public struct MockShopifyBulkStats: Sendable, Equatable {
    public var started = 0
    public var polls = 0
    /// Result file downloads (each `GET` of a file URL, ranged or not).
    public var downloads = 0
    /// Downloads that sent `X-Shopify-Access-Token` to the file URL (a signed URL needs none).
    public var downloadsWithAccessToken = 0
    /// The first byte of each ranged download (`Range: bytes=N-`).
    public var rangeStarts: [Int] = []
}
