import AftercartModel
import Foundation

/// Item-to-item co-purchase counts over a store's orders: for a customer's
/// products, the products other customers most often bought in the same order.
///
/// Built once per plan from the orders already in memory; a pair costs one
/// counter, so a million orders of a few lines each stay small.
struct CoPurchaseIndex: Sendable {
    /// A recommendable product with what a message shows.
    struct Product: Sendable, Hashable {
        var id: String
        var name: String
        var unitPrice: Money
        /// Orders that contained it.
        var orders: Int
        var refundedOrders: Int
    }

    /// A product is left out when more than this share of its orders were refunded.
    static let refundShareLimit = 0.2
    /// Products rated below this on average are never recommended.
    static let minimumAverageRating = 3.0

    private var ids: [String: Int32] = [:]
    private(set) var products: [Product] = []
    private var pairs: [Int32: [Int32: Int32]] = [:]
    private var ratingSums: [Int32: (sum: Int, count: Int)] = [:]

    init() {}

    /// The index over decoded orders (tests build their stores this way).
    init(orders: [Order], reviews: [Review]) {
        self.init(orders: orders.map(PlanningOrder.init), reviews: reviews)
    }

    init(orders: [PlanningOrder], reviews: [Review]) {
        for order in orders where Self.counts(order.lifecycle) {
            var seen: [Int32] = []
            let refunded = order.refundedTotal.amount > 0 || order.status == .refunded
            for item in order.lineItems {
                guard let productID = item.productID else { continue }
                let index = intern(productID, name: item.name, unitPrice: Money(item.unitPrice, order.currency))
                if seen.contains(index) { continue }
                seen.append(index)
                products[Int(index)].orders += 1
                if refunded { products[Int(index)].refundedOrders += 1 }
            }
            guard seen.count > 1 else { continue }
            for a in seen {
                for b in seen where a != b { pairs[a, default: [:]][b, default: 0] += 1 }
            }
        }
        for review in reviews {
            guard let index = ids[review.productID] else { continue }
            let current = ratingSums[index] ?? (0, 0)
            ratingSums[index] = (current.sum + review.rating, current.count + 1)
        }
    }

    /// Orders that say what people bought together: paid or on their way.
    static func counts(_ order: PlanningOrder.Lifecycle) -> Bool {
        switch order.status {
        case .cancelled, .failed, .pending: false
        default: true
        }
    }

    /// Up to `limit` products bought together with `purchased` by others,
    /// most often first, leaving out `purchased`, often-refunded and
    /// poorly rated products.
    func recommend(for purchased: Set<String>, limit: Int = 3) -> [Product] {
        var scores: [Int32: Int32] = [:]
        let owned = Set(purchased.compactMap { ids[$0] })
        for product in owned {
            for (other, count) in pairs[product] ?? [:] where !owned.contains(other) {
                scores[other, default: 0] += count
            }
        }
        return
            scores
            .filter { isRecommendable($0.key) }
            .sorted { ($1.value, products[Int($0.key)].id) < ($0.value, products[Int($1.key)].id) }
            .prefix(limit)
            .map { products[Int($0.key)] }
    }

    /// The average rating of `productID` from the synced reviews, if any.
    func averageRating(of productID: String) -> Double? {
        guard let index = ids[productID], let rating = ratingSums[index], rating.count > 0 else { return nil }
        return Double(rating.sum) / Double(rating.count)
    }

    /// The product's last seen name and price.
    func product(_ productID: String) -> Product? {
        ids[productID].map { products[Int($0)] }
    }

    /// Products priced at most `budget`, most bought first (what points can buy).
    func affordable(within budget: Money, limit: Int = 3) -> [Product] {
        products.filter { $0.unitPrice.currency == budget.currency && $0.unitPrice.amount <= budget.amount }
            .sorted { ($1.orders, $0.id) < ($0.orders, $1.id) }
            .prefix(limit)
            .map { $0 }
    }

    private func isRecommendable(_ index: Int32) -> Bool {
        let product = products[Int(index)]
        if product.orders > 0, Double(product.refundedOrders) / Double(product.orders) > Self.refundShareLimit {
            return false
        }
        if let rating = ratingSums[index], rating.count > 0,
            Double(rating.sum) / Double(rating.count) < Self.minimumAverageRating
        {
            return false
        }
        return true
    }

    private mutating func intern(_ productID: String, name: String, unitPrice: Money) -> Int32 {
        if let index = ids[productID] {
            products[Int(index)].name = name
            products[Int(index)].unitPrice = unitPrice
            return index
        }
        let index = Int32(products.count)
        ids[productID] = index
        products.append(Product(id: productID, name: name, unitPrice: unitPrice, orders: 0, refundedOrders: 0))
        return index
    }
}
