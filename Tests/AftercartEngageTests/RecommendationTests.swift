import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

@Suite struct RecommendationTests {
    typealias F = EngageFixture

    @Test func boughtTogetherByOthersExcludingOwnedRefundedAndPoorlyRatedProducts() {
        let now = F.now
        var orders = [
            F.order("1", customer: "9", created: now, products: ["A", "B", "C", "D", "E"]),
            F.order("2", customer: "8", created: now, products: ["A", "B", "C"]),
            F.order("3", customer: "7", created: now, products: ["A", "B"]),
            // D is refunded in most of its orders.
            F.order("4", customer: "6", created: now, products: ["D"], refunded: 1200),
            F.order("5", customer: "5", created: now, products: ["D"], refunded: 1200),
            // Cancelled baskets say nothing.
            F.order("6", customer: "4", created: now, status: .cancelled, products: ["A", "F"]),
        ]
        orders.append(F.order("7", customer: "1", created: now, products: ["A"]))
        let reviews = [
            F.review("r1", product: "E", email: "x@example.test", rating: 1, created: now),
            F.review("r2", product: "E", email: "y@example.test", rating: 2, created: now),
            F.review("r3", product: "C", email: "z@example.test", rating: 4, created: now),
        ]
        let index = CoPurchaseIndex(orders: orders, reviews: reviews)
        #expect(index.recommend(for: ["A"]).map(\.id) == ["B", "C"])
        #expect(index.recommend(for: ["A", "B"]).map(\.id) == ["C"])
        #expect(index.averageRating(of: "E") == 1.5)
        #expect(index.recommend(for: ["Z"]).isEmpty)
    }
}
