public import AftercartModel
public import Logging

/// One resource read, declared the way an Airbyte declarative stream is:
/// the first request (filters included), how the collection pages, which
/// change times the cursor follows, and how a page maps to the model.
///
/// The SDK does the walking: it resumes where the stored cursor says,
/// prefetches per ``PagePrefetch``, logs the records the mapper skipped,
/// moves ``SyncCursor/highWater`` per ``CursorField`` and hands out each
/// page with the cursor to store after committing it (continuing mid-walk,
/// ``SyncCursor/completed()`` after the last page).
public struct ResourceStream<Context: Sendable>: Sendable {
    /// The resource the pages hold, in logs.
    public var resource: ResourceKind
    /// The first page's request with its filters; the pager adds paging
    /// parameters or follows links from it.
    public var request: TransportRequest
    /// How the collection pages.
    public var paging: PagingStyle
    /// Which change times move the cursor.
    public var cursorField: CursorField
    /// Runs before each page's request with what it returned for the page
    /// before (`nil` for the walk's first page, resumed or not): what the
    /// mapper needs besides the page, such as the store currency (kept from
    /// page to page once learned), or a permission check before the first
    /// request.
    public var prepare: @Sendable (_ previous: Context?) async throws -> Context
    /// Maps one fetched page (a past-the-end page is an empty array).
    public var map: @Sendable (FetchedPage, Context) async throws -> MappedBatch
    /// What an error `map` threw becomes, given the page's context (store,
    /// resource, method and URL of the page). By default a
    /// ``ConnectorError`` gains that context in its empty fields; anything
    /// else passes unchanged.
    public var mappingFailure: @Sendable (_ error: any Error, _ page: ErrorContext) -> any Error
    /// Where the records sit in a list body and in a single-record body,
    /// so the SDK can cut a page that fails to map into its records.
    public var envelope: RecordEnvelope
    /// The request that reads one record by its id (`GET …/orders/{id}`),
    /// for reading rejected records again; `nil` when the platform has none.
    public var recordRequest: (@Sendable (_ id: String) -> TransportRequest)?
    /// Where the record sits in that request's body, when not where
    /// ``envelope`` says (Shopify: `{"orders":[…]}` but `{"order":{…}}`).
    public var recordEnvelope: RecordEnvelope?
    /// Where skipped records are logged.
    public var logger: Logger

    public init(
        resource: ResourceKind, request: TransportRequest, paging: PagingStyle,
        cursorField: CursorField = .recordUpdatedAt, envelope: RecordEnvelope = .bare,
        recordRequest: (@Sendable (_ id: String) -> TransportRequest)? = nil, recordEnvelope: RecordEnvelope? = nil,
        logger: Logger,
        prepare: @escaping @Sendable (_ previous: Context?) async throws -> Context,
        mappingFailure: @escaping @Sendable (_ error: any Error, _ page: ErrorContext) -> any Error = {
            error, page in (error as? ConnectorError)?.adding(page) ?? error
        },
        map: @escaping @Sendable (FetchedPage, Context) async throws -> MappedBatch
    ) {
        self.resource = resource
        self.request = request
        self.paging = paging
        self.cursorField = cursorField
        self.envelope = envelope
        self.recordRequest = recordRequest
        self.recordEnvelope = recordEnvelope
        self.logger = logger
        self.prepare = prepare
        self.mappingFailure = mappingFailure
        self.map = map
    }

    /// The pages changed since `cursor`, resuming its walk when one was in progress.
    public func pages(since cursor: SyncCursor?) -> ResourcePages {
        let start = cursor ?? SyncCursor()
        switch paging {
        case .pageNumber(let pager): return pages(of: pager, from: start)
        case .link(let pager): return pages(of: pager, from: start)
        }
    }

    private func pages(of pagination: some Pagination, from start: SyncCursor) -> ResourcePages {
        pagination.walk(request, from: start, prepare: prepare) { fetched, previous, context in
            let batch: MappedBatch
            var rejected: [RejectedRecord] = []
            do {
                batch = try await map(fetched, context)
            } catch {
                let failure = mappingFailure(error, errorContext(of: fetched, transport: pagination.transport))
                guard case .decoding? = failure as? ConnectorError else { throw failure }
                guard let split = try await mapRecordByRecord(fetched, context, transport: pagination.transport) else {
                    let response = fetched.response
                    pagination.transport.logUnparsedBody(
                        RefusedAnswer(
                            status: response.status, headers: response.headers, body: response.body,
                            platformError: nil))
                    throw failure
                }
                (batch, rejected) = split
            }
            SkippedRecord.report(batch.skipped, resource: resource, to: logger)
            let seen = cursorField == .recordUpdatedAt ? previous.advanced(past: batch.records.anyRecords) : previous
            let cursor = seen.raisingHighWater(to: batch.newestChange)
            return ResourcePage(
                records: batch.records, cursor: fetched.cursor(after: cursor), progress: fetched.progress,
                vanished: batch.vanished, rejected: rejected)
        }
    }

    /// The context of errors about `fetched`: the request's, at the URL the
    /// page came from (with its paging parameters).
    func errorContext(of fetched: FetchedPage, transport: HTTPTransport) -> ErrorContext {
        var context = transport.errorContext(for: request)
        if !fetched.response.redactedURL.isEmpty { context.url = fetched.response.redactedURL }
        context.contentType = fetched.response.headers["Content-Type"]
        return context
    }
}
