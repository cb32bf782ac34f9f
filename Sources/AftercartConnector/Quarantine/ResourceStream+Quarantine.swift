import AftercartModel
import Foundation
import Logging

extension ResourceStream {
    /// A page whose mapping failed with a decoding error, mapped again one
    /// record at a time: the records that map are kept, each one that
    /// still fails to decode becomes a ``RejectedRecord``. `nil` when the
    /// failure belongs to the page, not to a record: a body that is not a
    /// complete list (not JSON, truncated), or a failing record without an
    /// id to read it again by. Any other error of a record fails the page.
    func mapRecordByRecord(
        _ fetched: FetchedPage, _ context: Context, transport: HTTPTransport
    ) async throws -> (MappedBatch, [RejectedRecord])? {
        guard let records = envelope.records(inList: fetched.response.body), !records.isEmpty else { return nil }
        var merged = MappedBatch(.empty(resource))
        var rejected: [RejectedRecord] = []
        for record in records {
            switch try await mapOne(record, fetched: fetched, context, transport: transport) {
            case .mapped(let batch): merged.append(batch)
            case .rejected(let reject): rejected.append(reject)
            case .unidentified: return nil
            }
        }
        return (merged, rejected)
    }

    /// The records with `ids` read again, one request each through
    /// ``recordRequest``, and mapped as a page of one: one page per id, in
    /// the order given, holding the record (or nothing, when the adapter
    /// skips it), the reject when it still does not map, or the id in
    /// ``ResourcePage/vanished`` when the store answers 404. The pages'
    /// cursors mean nothing: a re-read is not a walk. Fails on the first
    /// `next()` with ``ConnectorError/unsupported(operation:_:)`` when the
    /// stream states no ``recordRequest``.
    public func pages(ids: [String]) -> ResourcePages {
        guard let recordRequest else {
            return ResourcePages(
                failing: ConnectorError.unsupported(
                    operation: "reading one \(resource) record by id", ErrorContext(resource: resource.rawValue)))
        }
        let transport = paging.transport
        let single = recordEnvelope ?? envelope
        return ResourcePages(initial: (index: 0, context: Context?.none)) { state in
            guard state.index < ids.count else { return nil }
            let id = ids[state.index]
            let context = try await prepare(state.context)
            var request = recordRequest(id)
            request.acceptedStatuses.insert(404)
            let response = try await transport.send(request)
            var page = ResourcePage(
                records: .empty(resource), cursor: SyncCursor(), progress: PageProgress(pageNumber: state.index + 1))
            if response.status == 404 {
                page.vanished = [id]
            } else {
                guard let record = single.record(inSingle: response.body) else {
                    throw ConnectorError.decoding(
                        field: "(body)", reason: "not a single \(resource) record", transport.errorContext(for: request)
                    )
                }
                let fetched = FetchedPage(response: response, pageNumber: 1)
                switch try await mapOne(record, fetched: fetched, context, transport: transport) {
                case .mapped(let batch): page.records = batch.records
                case .rejected(let reject): page.rejected = [reject]
                case .unidentified: page.rejected = [RejectedRecord(id: id, reason: "no id in the body", rawJSON: "")]
                }
            }
            let next = state.index + 1 < ids.count ? (index: state.index + 1, context: Context?.some(context)) : nil
            return (page, next)
        }
    }

    private enum RecordOutcome {
        case mapped(MappedBatch)
        case rejected(RejectedRecord)
        case unidentified
    }

    /// `record` mapped as a page of one by the adapter's own mapper.
    private func mapOne(
        _ record: Data, fetched: FetchedPage, _ context: Context, transport: HTTPTransport
    ) async throws -> RecordOutcome {
        var single = fetched
        single.response.body = envelope.list(of: record)
        do {
            return .mapped(try await map(single, context))
        } catch {
            let failure = mappingFailure(error, errorContext(of: fetched, transport: transport))
            guard let decoding = failure as? ConnectorError, case .decoding = decoding else { throw failure }
            guard let reject = RejectedRecord.from(record, failure: decoding, redaction: transport.redaction) else {
                return .unidentified
            }
            logger.warning(
                "record rejected; stored aside and read again on later runs",
                metadata: ["resource": "\(resource)", "id": "\(reject.id)", "reason": "\(reject.reason)"])
            return .rejected(reject)
        }
    }
}

extension PagingStyle {
    /// The transport the style's pager requests through.
    var transport: HTTPTransport {
        switch self {
        case .pageNumber(let pager): pager.transport
        case .link(let pager): pager.transport
        }
    }
}

extension MappedBatch {
    /// Adds the records, skips, vanished ids and newest change of `other`,
    /// a batch of the same resource.
    mutating func append(_ other: MappedBatch) {
        records = records.appending(other.records)
        newestChange = SyncCursor.newest(newestChange, other.newestChange)
        skipped += other.skipped
        let known = Set(vanished)
        vanished += other.vanished.filter { !known.contains($0) }
    }
}

extension RecordBatch {
    /// The records of both batches; `other` must hold the same resource
    /// (an empty batch of another resource adds nothing).
    func appending(_ other: RecordBatch) -> RecordBatch {
        switch (self, other) {
        case (.orders(let a), .orders(let b)): .orders(a + b)
        case (.customers(let a), .customers(let b)): .customers(a + b)
        case (.coupons(let a), .coupons(let b)): .coupons(a + b)
        case (.loyalty(let a), .loyalty(let b)): .loyalty(a + b)
        case (.reviews(let a), .reviews(let b)): .reviews(a + b)
        default: isEmpty ? other : self
        }
    }
}
