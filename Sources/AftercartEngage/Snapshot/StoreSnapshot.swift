import AftercartModel
import AftercartStore
import Foundation

/// One store's records, streamed once and indexed in memory, so evaluating
/// a customer never queries the database.
struct StoreSnapshot: Sendable {
    var store: StoreID
    /// Orders by creation time, as the planner scans them.
    var orders: [PlanningOrder] = []
    /// The stored JSON of the few orders a message may be rendered for, by
    /// id, read by ``loadFullOrders(_:from:)`` once the firings are known:
    /// the load itself reads only each order's planning projection.
    var fullOrderPayloads: [String: String] = [:]
    /// Orders read from their full payload because their row has no
    /// planning projection yet (written before it existed).
    var ordersWithoutProjection = 0
    var people: [String: Person] = [:]
    /// Order indexes per person key, by creation time.
    var ordersByPerson: [String: [Int]] = [:]
    var loyalty: [String: LoyaltyAccount] = [:]
    /// Reviews that are not spam or trash, by creation time.
    var reviews: [Review] = []
    /// Review indexes per person key, by creation time.
    var reviewsByPerson: [String: [Int]] = [:]
    var customerIDByEmail: [String: String] = [:]
    var recommendations = CoPurchaseIndex()

    /// The store's currency (from its orders), for fixed-amount coupons.
    var currency: Currency? { orders.last?.currency }

    static func load(store: StoreID, from records: some RecordStore & PlanningStore) async throws -> StoreSnapshot {
        // The four reads overlap: each waits on the database between pages,
        // and the scanning of one fills those waits.
        async let customersRead = ParallelDecoding.scan(.customers, store: store, from: records, RecordScan.customer)
        async let ordersRead = ParallelDecoding.scan(
            .orders, store: store, rows: records.allOrderPlanningRows(store: store, pageSize: 5_000)
        ) {
            try PlanningOrder(json: $0)
        }
        async let loyaltyRead = ParallelDecoding.scan(.loyalty, store: store, from: records, RecordScan.loyaltyAccount)
        async let reviewsRead = ParallelDecoding.scan(.reviews, store: store, from: records, RecordScan.review)
        var snapshot = StoreSnapshot(store: store)
        for customer in try await customersRead.all {
            snapshot.customerIDByEmail[customer.email.lowercased()] = customer.id
            snapshot.people["c:" + customer.id] = Person(
                key: "c:" + customer.id, customerID: customer.id, email: customer.email,
                firstName: customer.firstName, lastName: customer.lastName,
                acceptsMarketing: customer.acceptsMarketing)
        }
        let scanned = try await ordersRead
        // Sort (creation time, position) pairs, ties by id, then copy each
        // order once, straight into creation order.
        var positions: [(createdAt: Date, chunk: Int, offset: Int)] = []
        positions.reserveCapacity(scanned.count)
        for (chunk, orders) in scanned.values.enumerated() {
            for offset in orders.indices { positions.append((orders[offset].lifecycle.createdAt, chunk, offset)) }
        }
        positions.sort { a, b in
            a.createdAt != b.createdAt
                ? a.createdAt < b.createdAt
                : scanned.values[a.chunk][a.offset].id < scanned.values[b.chunk][b.offset].id
        }
        snapshot.orders = positions.map { scanned.values[$0.chunk][$0.offset] }
        snapshot.ordersWithoutProjection = scanned.payloads.joined().count {
            !OrderPlanningProjection.isProjection($0.json)
        }
        if let tracking = records as? any ShipmentEventStore {
            TrackedStages.apply(try await tracking.shipmentEvents(store: store), to: &snapshot.orders)
        }
        snapshot.indexOrdersByPerson()
        for account in try await loyaltyRead.all {
            snapshot.loyalty[account.customerID] = account
        }
        for review in try await reviewsRead.all {
            guard review.status == .approved || review.status == .hold else { continue }
            snapshot.reviews.append(review)
        }
        snapshot.reviews.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        for (index, review) in snapshot.reviews.enumerated() {
            guard let key = snapshot.personKey(customerID: nil, email: review.customerEmail) else { continue }
            snapshot.reviewsByPerson[key, default: []].append(index)
        }
        snapshot.recommendations = CoPurchaseIndex(orders: snapshot.orders, reviews: snapshot.reviews)
        return snapshot
    }

    /// Files every order under its buyer, and adds guests to ``people``.
    ///
    /// Works on local dictionaries and a buffer of the orders: done through
    /// `self` for 100k orders, each lookup copied the snapshot or a person.
    private mutating func indexOrdersByPerson() {
        var people = self.people
        self.people = [:]
        var ordersByPerson: [String: [Int]] = [:]
        ordersByPerson.reserveCapacity(people.count)
        // People whose consent comes from their orders: guests, and customers
        // whose own record says nothing (a WooCommerce consent key starting
        // with "_" is on orders only, never on customers; api-facts §8.1).
        var consentFromOrders: Set<String> = []
        let customerIDByEmail = self.customerIDByEmail
        orders.withUnsafeBufferPointer { orders in
            for index in orders.indices {
                let customer = orders[index].customer
                guard
                    let key = Self.personKey(
                        customerID: customer.id, email: customer.email, customerIDByEmail: customerIDByEmail)
                else { continue }
                ordersByPerson[key, default: []].append(index)
                if people.index(forKey: key) == nil, let email = customer.email {
                    people[key] = Person(
                        key: key, customerID: customer.id, email: email, firstName: customer.firstName,
                        lastName: customer.lastName, acceptsMarketing: customer.acceptsMarketing)
                    consentFromOrders.insert(key)
                } else if let consent = customer.acceptsMarketing,
                    key.hasPrefix("e:") || consentFromOrders.contains(key) || people[key]?.acceptsMarketing == nil
                {
                    // The latest order carries the latest choice.
                    people[key]?.acceptsMarketing = consent
                    consentFromOrders.insert(key)
                }
            }
        }
        self.people = people
        self.ordersByPerson = ordersByPerson
    }

    /// Reads the stored JSON of the orders at `indexes`, for ``fullOrder(at:)``.
    ///
    /// A sync between the load and this read may have changed an order: its
    /// message then shows the newer number and tracking, as the load already
    /// reads page by page rather than in one transaction.
    mutating func loadFullOrders(_ indexes: some Sequence<Int>, from database: some PlanningStore) async throws {
        let ids = Set(indexes.map { orders[$0].id }).subtracting(fullOrderPayloads.keys)
        guard !ids.isEmpty else { return }
        fullOrderPayloads.merge(try await database.orderPayloads(store: store, ids: ids.sorted())) { $1 }
    }

    /// The order at `index` decoded in full, for rendering a message about it.
    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` when the stored JSON does
    ///   not decode or was not read by ``loadFullOrders(_:from:)``.
    func fullOrder(at index: Int) throws -> Order {
        let id = orders[index].id
        do {
            guard let payload = fullOrderPayloads[id] else { throw FullOrderNotRead() }
            return try ModelJSON.decoder().decode(Order.self, from: Data(payload.utf8))
        } catch {
            throw ParallelDecoding.undecodable(store: store, resource: .orders, id: id, error)
        }
    }

    /// A full order asked for that ``loadFullOrders(_:from:)`` did not read: a bug in the planner.
    private struct FullOrderNotRead: Error, CustomStringConvertible {
        var description: String { "its JSON was not read before rendering" }
    }

    /// The person key for an order's or a review's buyer: a customer id wins,
    /// and an email that belongs to a registered customer maps to them.
    func personKey(customerID: String?, email: String?) -> String? {
        Self.personKey(customerID: customerID, email: email, customerIDByEmail: customerIDByEmail)
    }

    private static func personKey(customerID: String?, email: String?, customerIDByEmail: [String: String])
        -> String?
    {
        if let customerID, !customerID.isEmpty { return "c:" + customerID }
        if let email, let id = customerIDByEmail[email.lowercased()] { return "c:" + id }
        return Person.key(customerID: nil, email: email)
    }

    /// The person's order indexes, by creation time.
    func orderIndexes(of person: String) -> [Int] {
        ordersByPerson[person] ?? []
    }

    func reviews(of person: String) -> [Review] {
        (reviewsByPerson[person] ?? []).map { reviews[$0] }
    }

    /// The person's most recent review at or before `now`.
    func latestReview(of person: String, at now: Date) -> Review? {
        reviews(of: person).last { $0.createdAt <= now }
    }
}
