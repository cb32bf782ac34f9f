import Foundation

/// Cursor pagination as Shopify REST does it: an opaque `page_info` carries the filters and
/// the position, and `Link` offers `rel="previous"` / `rel="next"`.
struct ShopifyCursor: Codable, Equatable {
    var resource: String
    var descending: Bool
    var status: String?
    var createdMin: Int64?
    var createdMax: Int64?
    var updatedMin: Int64?
    var updatedMax: Int64?
    var sinceIndex: Int?
    /// Record index the page starts after (next) or ends before (previous).
    var anchor: Int?
    var backwards: Bool

    /// base64url(JSON): opaque to clients, decodable here.
    func encoded() -> String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> ShopifyCursor? {
        var b64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64.append("=") }
        guard let data = Data(base64Encoded: b64) else { return nil }
        return try? JSONDecoder().decode(ShopifyCursor.self, from: data)
    }

    var bounds: RecordBounds {
        RecordBounds(
            createdMin: createdMin, createdMax: createdMax, modifiedMin: updatedMin, modifiedMax: updatedMax,
            indexMin: sinceIndex)
    }
}

struct ShopifyPage {
    var indices: [Int]
    var previous: ShopifyCursor?
    var next: ShopifyCursor?
}

enum ShopifyListing {
    /// Walks the selection in output order from the cursor, testing `matches` lazily so a
    /// sparse filter (e.g. `status=open` on a large store) costs only what a page needs.
    static func page(_ selection: IndexSelection, cursor: ShopifyCursor, limit: Int, matches: (Int) -> Bool)
        -> ShopifyPage
    {
        let count = selection.count
        func index(at q: Int) -> Int {
            cursor.descending ? selection.element(at: count - 1 - q) : selection.element(at: q)
        }
        /// Output position of the first member strictly after `anchor` in output order.
        func positionAfter(_ anchor: Int) -> Int {
            cursor.descending ? count - selection.rank(anchor - 1) : selection.rank(anchor)
        }
        var results: [Int] = []
        var hasBefore = false
        var hasAfter = false
        if cursor.backwards, let anchor = cursor.anchor {
            // Positions before the anchor's, walked backwards.
            var q = (cursor.descending ? count - selection.rank(anchor) : selection.rank(anchor - 1)) - 1
            while q >= 0 && results.count < limit {
                let i = index(at: q)
                if matches(i) { results.append(i) }
                q -= 1
            }
            while q >= 0 {
                if matches(index(at: q)) {
                    hasBefore = true
                    break
                }
                q -= 1
            }
            results.reverse()
            hasAfter = true
        } else {
            var q = cursor.anchor.map(positionAfter) ?? 0
            hasBefore = cursor.anchor != nil
            while q < count && results.count < limit {
                let i = index(at: q)
                if matches(i) { results.append(i) }
                q += 1
            }
            while q < count {
                if matches(index(at: q)) {
                    hasAfter = true
                    break
                }
                q += 1
            }
        }
        var page = ShopifyPage(indices: results)
        if hasBefore, let first = results.first {
            var c = cursor
            c.anchor = first
            c.backwards = true
            page.previous = c
        }
        if hasAfter, let last = results.last {
            var c = cursor
            c.anchor = last
            c.backwards = false
            page.next = c
        }
        return page
    }
}
