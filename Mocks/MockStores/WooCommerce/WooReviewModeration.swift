/// Review moderation over REST (api-facts §8.4): `PUT /products/reviews/{id}`
/// with a `status`. Reviews have no modified date, so the change shows only
/// on the product, whose `date_modified` moves (as it does on a real store
/// when a review is approved).
extension WooCommerceEmulator {
    func moderateReview(_ req: MockRequest, reviewID: Int) -> MockResponse {
        let r = reviewID - WooIDs.review(0)
        guard r >= 0, r < state.profile.reviewCount else {
            return WooError.response(404, "woocommerce_rest_review_invalid_id", "Invalid review ID.")
        }
        guard let body = req.json?.object else {
            return WooError.response(400, "rest_invalid_json", "Invalid JSON body passed.")
        }
        guard let text = body["status"]?.text, let status = ReviewRecord.Status(rawValue: text) else {
            return WooError.invalidParam(
                "status", "status is not one of approved, hold, spam.", detailCode: "rest_not_in_enum")
        }
        let review = state.catalog.review(r)
        state.mutate { o in
            let now = o.tick()
            o.reviewStatuses[r] = status
            o.productModifiedAt[review.productIndex] = now
        }
        let snap = state.snapshot()
        var w = JSONWriter(style: .php)
        catalogRenderer.renderReview(state.review(r, snap), into: &w)
        return .json(200, w)
    }
}
