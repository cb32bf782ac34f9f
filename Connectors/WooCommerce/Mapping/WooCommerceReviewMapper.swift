public import AftercartModel
public import Foundation

/// WooCommerce REST v3 product reviews → ``Review``. Pure.
///
/// A rating of 0 means the reviewer left a comment without stars; such
/// reviews are skipped, since the model's rating is 1–5 and nothing in the
/// engine can act on a missing rating. The reviewer's email is the
/// identity that links a review to a customer, so a review without one is
/// skipped too. Ratings above 5 (a plugin bug) are an error, not a clamp.
public struct WooCommerceReviewMapper: Sendable {
    public var store: StoreID
    /// For the site-local `date_created` when `date_created_gmt` is missing.
    public var siteTimeZone: TimeZone

    public init(store: StoreID, siteTimeZone: TimeZone = .gmt) {
        self.store = store
        self.siteTimeZone = siteTimeZone
    }

    /// Maps a `GET /products/reviews` page body.
    public func mapPage(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMappedPage<Review> {
        let wires = try WooWireDecoder.decodePage(WooReviewWire.self, from: body, resource: .reviews)
        var page = WooCommerceMappedPage<Review>()
        for (index, wire) in wires.enumerated() {
            let path = WooFieldPath(resource: .reviews).index(index)
            // Reviews have no modification date; creation is what `after` filters on.
            page.append(try map(wire, at: path), modified: try? WooFieldReading.gmtDate(wire.dateCreatedGMT, at: path))
        }
        return page
    }

    /// Maps one review body (`GET /products/reviews/{id}`).
    public func mapReview(_ body: Data) throws(WooCommerceDecodingError) -> WooCommerceMapped<Review> {
        let wire = try WooWireDecoder.decodeRecord(WooReviewWire.self, from: body, resource: .reviews)
        return try map(wire, at: WooFieldPath(resource: .reviews))
    }

    func map(_ wire: WooReviewWire, at path: WooFieldPath) throws(WooCommerceDecodingError) -> WooCommerceMapped<Review>
    {
        let id = try WooFieldReading.id(wire.id, at: path.key("id"))
        let rating = wire.rating?.value ?? 0
        guard rating != 0 else { return .skipped(WooCommerceSkippedRecord(id: id, reason: .reviewWithoutRating)) }
        guard (1...5).contains(rating) else {
            throw path.key("rating").error("\(rating) is outside 0...5", recordID: id)
        }
        let statusName = WooFieldReading.nonEmpty(wire.status)?.lowercased() ?? "approved"
        guard let status = ReviewStatus(rawValue: statusName) else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .unknownReviewStatus(statusName)))
        }
        guard let email = WooFieldReading.nonEmpty(wire.reviewerEmail) else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .reviewWithoutEmail))
        }
        guard let productID = WooFieldReading.optionalID(wire.productID) else {
            throw path.key("product_id").error("missing", recordID: id)
        }
        do {
            let createdAt = try WooFieldReading.requiredDate(
                gmt: wire.dateCreatedGMT, gmtKey: "date_created_gmt", local: wire.dateCreated,
                localKey: "date_created", siteTimeZone: siteTimeZone, at: path)
            return .record(
                Review(
                    store: store, id: id, productID: productID, customerEmail: email,
                    reviewerName: WooFieldReading.nonEmpty(wire.reviewer), rating: rating,
                    verified: wire.verified ?? false, status: status, createdAt: createdAt))
        } catch {
            var error = error
            error.recordID = id
            throw error
        }
    }
}
