import Foundation
import NIOCore

/// Parameters every WooCommerce collection shares, validated as WordPress does.
struct WooListParams {
    var page = 1
    var perPage = 10
    var offset: Int?
    var descending = true
    var orderby = "date"
    var bounds = RecordBounds()

    /// Parses `page`, `per_page`, `offset`, `order`, `orderby` and the date filters.
    /// Lower/upper date bounds are exclusive in WooCommerce, so they are shifted by a second.
    static func parse(
        _ req: MockRequest, orderby allowed: [String], defaultOrderby: String, defaultDescending: Bool,
        dateFilters: [String], zone: StoreTimeZone
    ) -> Result<WooListParams, WooFailure> {
        var p = WooListParams()
        p.orderby = defaultOrderby
        p.descending = defaultDescending
        if let v = req.param("per_page") {
            guard let n = Int(v), (1...100).contains(n) else {
                return .failure(
                    .init(
                        WooError.invalidParam(
                            "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)",
                            detailCode: "rest_out_of_bounds")))
            }
            p.perPage = n
        }
        if let v = req.param("page") {
            guard let n = Int(v), n >= 1 else {
                return .failure(
                    .init(
                        WooError.invalidParam(
                            "page", "page must be greater than or equal to 1", detailCode: "rest_out_of_bounds")))
            }
            p.page = n
        }
        if let v = req.param("offset") {
            guard let n = Int(v), n >= 0 else {
                return .failure(
                    .init(
                        WooError.invalidParam(
                            "offset", "offset is not of type integer.", detailCode: "rest_invalid_type")))
            }
            p.offset = n
        }
        if let v = req.param("order") {
            guard v == "asc" || v == "desc" else {
                return .failure(
                    .init(
                        WooError.invalidParam(
                            "order", "order is not one of asc and desc.", detailCode: "rest_not_in_enum")))
            }
            p.descending = v == "desc"
        }
        if let v = req.param("orderby") {
            guard allowed.contains(v) else {
                return .failure(
                    .init(
                        WooError.invalidParam(
                            "orderby", "orderby is not one of \(allowed.joined(separator: ", ")).",
                            detailCode: "rest_not_in_enum")))
            }
            p.orderby = v
        }
        let gmt = ["1", "true"].contains(req.param("dates_are_gmt")?.lowercased() ?? "")
        for name in dateFilters {
            guard let text = req.param(name) else { continue }
            guard let parsed = ParsedTimestamp.parse(text) else {
                return .failure(.init(WooError.invalidParam(name, "Invalid date.", detailCode: "rest_invalid_date")))
            }
            let utc: Int64
            if let off = parsed.offsetSeconds {
                utc = parsed.wallSeconds - Int64(off)
            } else if gmt {
                utc = parsed.wallSeconds
            } else {
                utc = zone.utc(fromLocalWall: parsed.wallSeconds)
            }
            switch name {
            case "after": p.bounds.createdMin = utc + 1
            case "before": p.bounds.createdMax = utc - 1
            case "modified_after": p.bounds.modifiedMin = utc + 1
            case "modified_before": p.bounds.modifiedMax = utc - 1
            default: break
            }
        }
        return .success(p)
    }
}

/// A ready error response carried through `Result`.
struct WooFailure: Error {
    let response: MockResponse
    init(_ response: MockResponse) { self.response = response }
}

enum WooListing {
    /// Pages through `ordered(k)` (the k-th record in the requested order) and adds
    /// `X-WP-Total`, `X-WP-TotalPages` and `Link` built from the home URL.
    static func respond(
        _ req: MockRequest, params: WooListParams, total: Int, homeURL: String,
        render: (_ position: Int, inout JSONWriter) -> Void
    ) -> MockResponse {
        let totalPages = total == 0 ? 0 : (total + params.perPage - 1) / params.perPage
        let start = params.offset ?? (params.page - 1) * params.perPage
        // WordPress answers a page past the end with 400 rather than an empty list.
        if params.offset == nil, total > 0, params.page > totalPages {
            return WooError.response(
                400, "rest_post_invalid_page_number",
                "The page number requested is larger than the number of pages available.")
        }
        var w = JSONWriter(style: .php, capacity: 64 + min(params.perPage, max(total - start, 0)) * 3_000)
        w.beginArray()
        if start < total {
            for position in start..<min(total, start + params.perPage) { render(position, &w) }
        }
        w.endArray()
        var headers: [(String, String)] = [
            ("X-WP-Total", String(total)), ("X-WP-TotalPages", String(totalPages)),
            ("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link"),
        ]
        let page = params.offset.map { $0 / params.perPage + 1 } ?? params.page
        if page > 1, totalPages > 0 {
            headers.append(("Link", "<\(link(req, homeURL: homeURL, page: min(page - 1, totalPages)))>; rel=\"prev\""))
        }
        if page < totalPages {
            headers.append(("Link", "<\(link(req, homeURL: homeURL, page: page + 1))>; rel=\"next\""))
        }
        return .json(200, w, headers: headers)
    }

    /// The request's own query with `page` replaced; credentials are never echoed.
    static func link(_ req: MockRequest, homeURL: String, page: Int) -> String {
        var pairs: [(String, String)] = []
        var replaced = false
        for q in req.query
        where !q.name.hasPrefix("oauth_") && q.name != "consumer_key" && q.name != "consumer_secret"
            && q.name != "offset"
        {
            if q.name == "page" {
                pairs.append(("page", String(page)))
                replaced = true
            } else {
                pairs.append((q.name, q.value))
            }
        }
        if !replaced { pairs.append(("page", String(page))) }
        return homeURL + req.path + "?"
            + pairs.map {
                PercentEncoding.encode($0.0).replacingOccurrences(of: "%5B", with: "%5B") + "="
                    + PercentEncoding.encode($0.1)
            }.joined(separator: "&")
    }
}
