import Foundation
import NIOCore

/// Bulk query operations over GraphQL: `bulkOperationRunQuery(query:, groupObjects:)`,
/// `bulkOperation(id:)` (2026-01 and later) and `currentBulkOperation`, and the result
/// files at their URLs (API facts §9.8).
///
/// - A query Shopify refuses (no connection, more than five, nesting deeper than two) is
///   answered with `userErrors` (code `INVALID`); one more than the running limit (five per
///   shop from 2026-01, one before) with `OPERATION_IN_PROGRESS`.
/// - A query whose records the token may not read is accepted and then FAILS with
///   `ACCESS_DENIED`, as Shopify's does.
/// - The file URL stands in for a signed storage URL: no access token needed, `Range:
///   bytes=N-` honoured (206), 403 once the results expired.
extension ShopifyEmulator {
    /// Shopify's cost of reading a bulk operation's status.
    static let bulkStatusCost = 1

    /// The answer to a bulk operation request, or `nil` when `operation` is not one.
    func bulkGraphQL(_ req: MockRequest, _ operation: ShopifyGraphQLOperationText) -> MockResponse? {
        let run = operation.selects("bulkOperationRunQuery")
        let byID = operation.selects("bulkOperation")
        let current = operation.selects("currentBulkOperation")
        guard run || byID || current else { return nil }
        let version = servedVersion(req.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? "")
        let modern = version == "unstable" || version >= "2026-01"
        if byID && !run && !modern {
            return graphQLErrors(
                [("Field 'bulkOperation' doesn't exist on type 'QueryRoot'", "undefinedField")], requested: 0)
        }
        let cost = run ? Self.mutationCost : Self.bulkStatusCost
        guard graphQLBucket.take(cost) else {
            return graphQLErrors([("Throttled", "THROTTLED")], requested: cost, actual: nil)
        }
        var w = JSONWriter(style: .plain, capacity: 2_048)
        w.beginObject()
        w.key("data")
        w.beginObject()
        if run {
            startBulk(operation, limit: modern ? 5 : 1, into: &w)
        } else {
            let field: StaticString = byID ? "bulkOperation" : "currentBulkOperation"
            let number: Int?
            if byID {
                number = operation.argument("id", of: "bulkOperation")?.text.flatMap(Self.bulkNumber)
            } else {
                number = bulkOperations.newestNumber()
            }
            let found = number.flatMap { bulkOperations.poll($0, complete: bulkTotals) }
            w.key(field)
            if let found { renderBulk(found, into: &w) } else { w.null() }
        }
        w.endObject()
        writeCost(&w, requested: cost, actual: cost)
        w.endObject()
        return .json(200, w)
    }

    private func startBulk(_ operation: ShopifyGraphQLOperationText, limit: Int, into w: inout JSONWriter) {
        let text = operation.argument("query", of: "bulkOperationRunQuery")?.text ?? ""
        w.key("bulkOperationRunQuery")
        w.beginObject()
        let outcome = ShopifyBulkQueryShape.parse(text).flatMap { shape in
            let scope = shape.root == "orders" ? "read_orders" : "read_customers"
            return bulkOperations.start(
                shape: shape, query: text, snapshot: state.snapshot(),
                deniedScope: ShopifyAccessScopeGate.grants(scope, in: grantedScopes) ? nil : scope, limit: limit
            )
        }
        switch outcome {
        case .success(let started):
            w.key("bulkOperation")
            renderBulk(started, into: &w)
            w.emptyArray("userErrors")
        case .failure(let error):
            w.fieldNull("bulkOperation")
            w.key("userErrors")
            w.beginArray()
            w.beginObject()
            w.key("field")
            w.beginArray()
            w.string("query")
            w.endArray()
            w.field("message", error.message)
            w.field("code", error.message.contains("in progress") ? "OPERATION_IN_PROGRESS" : "INVALID")
            w.endObject()
            w.endArray()
        }
        w.endObject()
    }

    private func renderBulk(_ op: ShopifyBulkOperationLedger.Operation, into w: inout JSONWriter) {
        let time = { (t: Int64) in CivilTime(epochSeconds: t).isoLocal + "Z" }
        w.beginObject()
        w.field("id", op.gid)
        w.field("type", "QUERY")
        w.field("status", op.status.rawValue)
        w.field("errorCode", op.errorCode)
        w.field("createdAt", time(op.createdAt))
        w.field("completedAt", op.completedAt.map(time))
        w.field("objectCount", String(op.totals?.objects ?? 0))
        w.field("rootObjectCount", String(op.totals?.roots ?? 0))
        w.field("fileSize", op.totals.map { String($0.bytes) })
        w.field("url", op.status == .completed ? bulkFileURL(op) : nil)
        w.fieldNull("partialDataUrl")
        w.field("query", op.query)
        w.endObject()
    }

    private func bulkFileURL(_ op: ShopifyBulkOperationLedger.Operation) -> String {
        "\(publicURL)/bulk-results/\(op.number).jsonl?signature=\(op.signature)"
    }

    private func bulkTotals(_ op: ShopifyBulkOperationLedger.Operation) -> ShopifyBulkJSONL.Totals {
        bulkJSONL.totals(op.shape, snapshot: op.snapshot)
    }

    var bulkJSONL: ShopifyBulkJSONL {
        ShopifyBulkJSONL(state: state, orderRenderer: orderRenderer, customerRenderer: customerRenderer)
    }

    /// `123` from `gid://shopify/BulkOperation/123`.
    static func bulkNumber(_ gid: String) -> Int? {
        guard gid.hasPrefix("gid://shopify/BulkOperation/") else { return nil }
        return Int(gid.dropFirst("gid://shopify/BulkOperation/".count))
    }

    /// `GET /bulk-results/{n}.jsonl?signature=…`: the JSONL file, streamed.
    func bulkDownload(_ req: MockRequest, file: String) -> MockResponse {
        guard req.method == "GET", file.hasSuffix(".jsonl"), let number = Int(file.dropLast(6)),
            let found = bulkOperations.download(
                number, signature: req.param("signature") ?? "",
                carriesToken: req.headers["x-shopify-access-token"] != nil),
            let totals = found.0.totals
        else {
            return MockResponse(
                status: 403, headers: [("Content-Type", "application/xml; charset=UTF-8")],
                body: ByteBuffer(
                    string:
                        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>"
                ))
        }
        var start = 0
        var status = 200
        var headers: [(String, String)] = [("Content-Type", "application/jsonl"), ("Accept-Ranges", "bytes")]
        if let range = req.headers["range"], range.hasPrefix("bytes="), range.hasSuffix("-"),
            let first = Int(range.dropFirst(6).dropLast())
        {
            bulkOperations.recordRange(start: first)
            guard first < totals.bytes else {
                return MockResponse(
                    status: 416, headers: [("Content-Range", "bytes */\(totals.bytes)")], body: ByteBuffer())
            }
            start = first
            status = 206
            headers.append(("Content-Range", "bytes \(first)-\(totals.bytes - 1)/\(totals.bytes)"))
        }
        let (op, cut) = found
        let jsonl = bulkJSONL
        let skip = start
        var response = MockResponse(status: status, headers: headers, body: ByteBuffer())
        response.stream = MockBodyStream(contentLength: totals.bytes - start, cutAfter: cut) { sink in
            var skipped = 0
            try await jsonl.write(op.shape, snapshot: op.snapshot) { chunk in
                var chunk = chunk
                if skipped < skip {
                    let drop = min(skip - skipped, chunk.readableBytes)
                    chunk.moveReaderIndex(forwardBy: drop)
                    skipped += drop
                }
                if chunk.readableBytes > 0 { try await sink(chunk) }
            }
        }
        return response
    }
}
