import AftercartConnector
import AftercartModel
import Foundation

extension WooCommerceConnector {
    /// Reviews created since `since`, and on the walk's first page those
    /// of every product changed since then, whatever their date.
    ///
    /// Reviews have only a creation date: a review held for moderation and
    /// approved later never shows up after `since` again. Its product's
    /// `date_modified` does move on approval (api-facts §8.4), so the
    /// products changed since the cursor have their reviews read again
    /// (`status=all`); upserts absorb the ones already stored.
    func readReviews(since: Date?, from start: SyncCursor) -> ResourcePages {
        let mapper = WooCommerceReviewMapper(store: settings.store, siteTimeZone: settings.orderMapping.siteTimeZone)
        let endpoint = WooCommerceEndpoints.reviews(createdAfter: since)
        return ResourceStream<[Int]>(
            resource: .reviews, request: listRequest(for: endpoint), paging: .pageNumber(listPager), logger: logger,
            prepare: { previous in
                // A first read takes every review anyway; later pages have nothing to add.
                guard previous == nil, let since else { return [] }
                return try await changedProductIDs(since: since)
            },
            mappingFailure: { error, page in (error as? WooCommerceDecodingError)?.connectorError(page) ?? error },
            map: { fetched, products in
                var page = try mapper.mapPage(fetched.response.body)
                // Chunks keep the `product=` list, and the URL, short.
                for first in stride(from: 0, to: products.count, by: 50) {
                    let chunk = Array(products[first..<min(first + 50, products.count)])
                    let request = listRequest(for: WooCommerceEndpoints.reviews(ofProducts: chunk))
                    let again = try await listPager.collect(request) { fetched in
                        try mapper.mapPage(fetched.response.body).records
                    }
                    page.records += again
                }
                return page.batch(RecordBatch.reviews)
            }
        ).pages(since: start)
    }

    /// The ids of the products changed after `since`.
    private func changedProductIDs(since: Date) async throws -> [Int] {
        let request = listRequest(for: WooCommerceEndpoints.products(changedAfter: since))
        return try await listPager.collect(request) { fetched in try ids(in: fetched, request: request) }
    }
}
