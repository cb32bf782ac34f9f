import AftercartConnector
import AftercartModel
import Foundation
import Logging

/// One backfill of orders, customers or metafield loyalty through a bulk query: start the
/// operation (or find the one a stopped run checkpointed), stream its JSONL file, and hand
/// out pages of `page_size` root objects mapped by the REST mappers.
///
/// Each page's cursor holds the operation id and the byte offset of the next root line
/// (``ShopifyBulkCheckpoint``), so a run killed mid-file resumes there with a `Range`
/// request and reads no line twice. An operation that is gone, failed or expired is run
/// again from the start. When Shopify will not run the query at all, the read continues
/// on REST pages with a warning. The last cursor's ``SyncCursor/updatedAfter`` is the
/// operation's start: what changed while it ran is read by the next incremental run.
///
/// Pages are pulled one after the other, so the state below is never touched concurrently.
final class ShopifyBulkBackfill: @unchecked Sendable {
    private let connector: ShopifyConnector
    private let resource: ResourceKind
    private let start: SyncCursor
    private let rest: @Sendable () -> ResourcePages
    private var reader: JSONLinesReader?
    private var operation: ShopifyBulkCheckpoint?
    private var emptyFile = false
    private var totalRecords: Int?
    private var pagesRead = 0
    private var fallback: ResourcePages.AsyncIterator?

    init(
        connector: ShopifyConnector, resource: ResourceKind, start: SyncCursor,
        rest: @escaping @Sendable () -> ResourcePages
    ) {
        self.connector = connector
        self.resource = resource
        self.start = start
        self.rest = rest
    }

    /// The pages, lazily.
    func pages() -> ResourcePages {
        ResourcePages(initial: self) { backfill in
            guard let page = try await backfill.nextPage() else { return nil }
            return (page, page.progress.hasMore ? backfill : nil)
        }
    }

    private func nextPage() async throws -> ResourcePage? {
        if fallback != nil { return try await fallback?.next() }
        if reader == nil && !emptyFile {
            guard try await open() else {
                var iterator = rest().makeAsyncIterator()
                let page = try await iterator.next()
                fallback = iterator
                return page
            }
        }
        return try await readPage()
    }

    /// Finds the checkpointed operation or runs a new one; `false` when bulk cannot serve.
    private func open() async throws -> Bool {
        if let checkpoint = ShopifyBulkCheckpoint(start) {
            if let found = try await connector.bulkOperation(checkpoint.operationID, resource: resource),
                found.status == "COMPLETED", let url = found.url
            {
                do {
                    try await attach(found, url: url, offset: checkpoint.offset)
                    return true
                } catch let error as ConnectorError {
                    // An expired file URL: run the query again below.
                    guard case .forbidden = error else { throw error }
                }
            }
            connector.logger.notice(
                "the checkpointed bulk operation is gone or expired; running the bulk query again",
                metadata: ["resource": "\(resource)", "operation": "\(checkpoint.operationID)"])
        }
        switch try await connector.runBulkQuery(query, resource: resource) {
        case .refused(let reason):
            connector.logger.warning(
                "bulk backfill unavailable; reading REST pages instead",
                metadata: ["resource": "\(resource)", "reason": "\(reason)"])
            return false
        case .completed(let finished):
            try await attach(finished, url: finished.url, offset: 0)
            return true
        }
    }

    /// Opens the operation's file at `offset`; a completed operation without a URL has no records.
    private func attach(_ wire: ShopifyBulkOperationWire, url: String?, offset: Int64) async throws {
        operation = ShopifyBulkCheckpoint(
            operationID: wire.id, startedAt: wire.createdAt.flatMap(ShopifyBulkCheckpoint.parse), offset: offset)
        totalRecords = wire.rootObjectCount.flatMap { Int($0) }
        connector.logger.info(
            "bulk backfill reading the operation's results",
            metadata: [
                "resource": "\(resource)", "operation": "\(wire.id)", "objects": "\(wire.objectCount ?? "?")",
                "offset": "\(offset)",
            ])
        guard let url else {
            emptyFile = true
            return
        }
        let request = TransportRequest(.get, url: url, resource: resource.rawValue)
        let lines = JSONLinesReader(ResumableDownload(transport: connector.transport, request: request, from: offset))
        // Opens the file now, so an expired URL is found before any page is handed out.
        _ = try await lines.peek()
        reader = lines
    }

    private var query: String {
        resource == .orders ? ShopifyBulkOperations.orders : ShopifyBulkOperations.customers(loyalty: loyaltyKeys)
    }

    /// The metafields the loyalty read wants inline; `nil` for the customers read.
    private var loyaltyKeys: ShopifyLoyaltyMetafields? {
        guard resource == .loyalty, case .metafield(let keys) = connector.settings.loyalty else { return nil }
        return keys
    }

    /// The next `page_size` root objects with their children (grouped: they follow their
    /// parent), and the cursor pointing at the root line after them.
    private func readPage() async throws -> ResourcePage {
        guard var reached = operation else { throw CancellationError() }
        let limit = connector.settings.pageSize
        let childKey = Data("\"__parentId\"".utf8)
        var roots: [Data] = []
        var children: [[Data]] = []
        var more = false
        while let reader, let line = try await reader.peek() {
            let isChild = line.bytes.range(of: childKey) != nil
            if !isChild && roots.count == limit {
                more = true
                break
            }
            _ = try await reader.next()
            reached.offset = line.end
            if isChild {
                guard !children.isEmpty else { continue }
                children[children.count - 1].append(line.bytes)
            } else {
                roots.append(line.bytes)
                children.append([])
            }
        }
        pagesRead += 1
        operation = reached
        let batch = try map(roots, children)
        SkippedRecord.report(batch.skipped, resource: resource, to: connector.logger)
        let cursor =
            more ? reached.storing(in: start) : ShopifyBulkCheckpoint.finished(start, startedAt: reached.startedAt)
        return ResourcePage(
            records: batch.records, cursor: cursor,
            progress: PageProgress(pageNumber: pagesRead, totalRecords: totalRecords, hasMore: more))
    }

    private func map(_ roots: [Data], _ children: [[Data]]) throws -> MappedBatch {
        let store = connector.store
        let context = ErrorContext(store: store, resource: resource.rawValue, platform: "shopify")
        let decoder = JSONDecoder()
        do {
            if resource == .orders {
                let mapper = ShopifyOrderMapper(store: store)
                var page = ShopifyMappedPage<Order>()
                for (index, line) in roots.enumerated() {
                    let node = try decoder.decode(ShopifyBulkOrder.self, from: line)
                    var items: [ShopifyBulkLineItem] = []
                    for child in children[index] {
                        items.append(try decoder.decode(ShopifyBulkLineItem.self, from: child))
                    }
                    let order = try mapper.map(node.rest(lineItems: items), at: ShopifyFieldPath("jsonl").index(index))
                    page.records.append(order)
                    page.noteChange(order.updatedAt)
                }
                return page.batch(RecordBatch.orders)
            }
            if let keys = loyaltyKeys {
                let mapper = ShopifyLoyaltyMapper(store: store, keys: keys)
                var page = ShopifyMappedPage<LoyaltyAccount>()
                for line in roots {
                    let node = try decoder.decode(ShopifyBulkCustomer.self, from: line)
                    let id = String(try ShopifyBulkGID.number(node.id))
                    if let account = try mapper.map(node.metafields(keys), customerID: id) {
                        page.records.append(account)
                    } else {
                        page.skipped.append(ShopifySkippedRecord(id: id, reason: "no points metafield"))
                    }
                }
                return page.batch(RecordBatch.loyalty)
            }
            let mapper = ShopifyCustomerMapper(store: store)
            var page = ShopifyMappedPage<Customer>()
            for (index, line) in roots.enumerated() {
                let wire = try decoder.decode(ShopifyBulkCustomer.self, from: line).rest
                if let customer = try mapper.map(wire, at: ShopifyFieldPath("jsonl").index(index)) {
                    page.records.append(customer)
                } else {
                    page.skipped.append(ShopifySkippedRecord(id: String(wire.id), reason: "no email address"))
                }
            }
            return page.batch(RecordBatch.customers)
        } catch let error as ConnectorError {
            throw error
        } catch let error as ShopifyBulkGIDError {
            throw ConnectorError.decoding(field: "id", reason: "\"\(error.gid)\" is not a Shopify GID", context)
        } catch {
            throw ConnectorError.decoding(
                field: "jsonl", reason: "a bulk result line does not decode: \(error)", context)
        }
    }
}
