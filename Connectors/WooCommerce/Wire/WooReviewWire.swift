/// The fields of a WooCommerce REST v3 product review that Aftercart reads.
struct WooReviewWire: Sendable, Decodable {
    let id: WooInteger
    let productID: WooInteger
    let status: String?
    let reviewer: String?
    let reviewerEmail: String?
    let rating: WooInteger?
    let verified: Bool?
    let dateCreated: String?
    let dateCreatedGMT: String?

    enum CodingKeys: String, CodingKey {
        case id
        case productID = "product_id"
        case status, reviewer
        case reviewerEmail = "reviewer_email"
        case rating, verified
        case dateCreated = "date_created"
        case dateCreatedGMT = "date_created_gmt"
    }
}
