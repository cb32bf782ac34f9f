import AftercartConfig
import AftercartModel
import AftercartOutcomes
import AftercartStore
import Foundation

/// `OutcomeReporter.report` over a large store written straight into
/// SQLite (no emulator: a million orders would take an hour to sync):
/// orders over two years by a third as many customers, 1 % with a coupon,
/// and in the last 30 days 20,000 emails, 2,000 coupons, 5,000 reviews and
/// 20,000 suppressed occurrences.
struct ReportBenchmark {
    var orders: Int
    var configPath: String
    /// A SQLite file to keep: seeded when missing, reused when present.
    var database: String

    static let clock = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z

    func run() async throws {
        let configuration = try AftercartConfiguration.load(path: configPath, platforms: .shipped)
        guard let store = configuration.stores.first else { throw BenchmarkError("\(configPath) has no store") }
        let campaigns = configuration.campaigns(for: store.id).map(\.name)
        let stopwatch = ContinuousClock()
        if !FileManager.default.fileExists(atPath: database) {
            let start = stopwatch.now
            let persistence = try await SQLitePersistence.open(path: database)
            try await seed(persistence, store: store.id, campaigns: campaigns)
            try await persistence.close()
            print("seeded \(orders) orders into \(database) in \((stopwatch.now - start).seconds.twoDecimals) s")
        }
        let persistence = try await SQLitePersistence.open(path: database)
        let reporter = OutcomeReporter(configuration: configuration, database: persistence)
        let start = stopwatch.now
        let report = try await reporter.report(store: store.id, from: nil, to: nil, now: Self.clock)
        let seconds = (stopwatch.now - start).seconds
        try await persistence.close()
        let sent = report.campaigns.map(\.messagesSent).reduce(0, +)
        let attributed = report.campaigns.map(\.attributedOrders).reduce(0, +)
        print(
            "report of \(store.id) (\(orders) orders), \(report.period.from) to \(report.period.to): "
                + "\(seconds.twoDecimals) s; \(sent) emails, \(attributed) attributed orders, "
                + "\(report.customers.newCustomers) new customers, peak RSS \(Self.peakRSSMegabytes()) MB")
    }

    private func seed(_ database: SQLitePersistence, store: StoreID, campaigns: [String]) async throws {
        let yen = Currency(code: "JPY")!
        let customers = max(orders / 3, 1)
        let span: TimeInterval = 730 * 86_400
        let step = span / Double(max(orders, 1))
        let first = Self.clock.addingTimeInterval(-span)
        func email(_ index: Int) -> String { "c\(index)@example.test" }
        // Every third order is a new customer's first; the others are repeat
        // orders of an earlier customer, so new customers keep coming.
        func customer(_ index: Int) -> Int { index % 3 == 0 ? index / 3 : (index * 7_919) % max(index / 3, 1) }
        var batch: [Order] = []
        for index in 0..<orders {
            let created = first.addingTimeInterval(Double(index) * step)
            let total = Money(Decimal(1_000 + (index % 50) * 100), yen)
            let refunded = index % 40 == 0 ? Money(Decimal(500), yen) : .zero(yen)
            batch.append(
                Order(
                    store: store, id: "\(index + 1)", number: "\(index + 1)",
                    status: index % 25 == 0 ? .cancelled : .completed, financialStatus: .paid,
                    fulfillmentStatus: .fulfilled, shipmentStatus: .delivered, currency: yen, total: total,
                    subtotal: total, discountTotal: .zero(yen), shippingTotal: .zero(yen), taxTotal: .zero(yen),
                    refundedTotal: refunded, createdAt: created, updatedAt: created, deliveredAt: created,
                    customer: OrderCustomer(
                        id: nil, email: email(customer(index)), firstName: "Hana", lastName: "Sato",
                        acceptsMarketing: true),
                    lineItems: [
                        LineItem(
                            productID: "p\(index % 500)", variantID: nil, sku: nil, name: "Mug", quantity: 1,
                            unitPrice: total, total: total)
                    ],
                    couponCodes: index % 100 == 1 ? ["BENCH-\(index % 2_000)"] : [], tracking: []))
            if batch.count == 1_000 || index == orders - 1 {
                _ = try await database.commitPage(
                    batch, checkpoint: CheckpointUpdate(store: store, resource: .orders, cursor: nil, at: created))
                batch.removeAll(keepingCapacity: true)
            }
        }
        // The last 30 days' messages, due in batches and sent one by one.
        let monthStart = Self.clock.addingTimeInterval(-30 * 86_400)
        let messages = 22_000
        for chunk in stride(from: 0, to: messages, by: 500) {
            let entries = (chunk..<min(chunk + 500, messages)).map { index in
                let campaign = campaigns[index % campaigns.count]
                let coupon = index >= 20_000
                return NewOutboxEntry(
                    idempotencyKey: "\(campaign)/\(store)/orders:\(index)/\(coupon ? "coupon" : "email")", store: store,
                    campaign: campaign, subjectKind: .orders, subjectID: "\(index)",
                    action: coupon ? .createCoupon : .sendEmail,
                    payload: coupon
                        ? #"{"code":"BENCH-\#(index - 20_000)"}"#
                        : #"{"to":"\#(email((index * 31) % customers))","subject":"s","text":"t","transactional":false}"#,
                    notBefore: monthStart)
            }
            _ = try await database.enqueue(entries, now: monthStart)
            let claims = try await database.claimDue(owner: "bench", limit: 500, leaseFor: 3_600, now: monthStart)
            for (offset, claim) in claims.enumerated() {
                let sentAt = monthStart.addingTimeInterval(Double(chunk + offset) * 30 * 86_400 / Double(messages))
                _ = try await database.complete(id: claim.entry.id, owner: "bench", result: nil, now: sentAt)
            }
        }
        var reviews: [Review] = []
        for index in 0..<5_000 {
            reviews.append(
                Review(
                    store: store, id: "r\(index)", productID: "p\(index % 500)",
                    customerEmail: email((index * 13) % customers),
                    reviewerName: nil, rating: index % 5 + 1, verified: true, status: .approved,
                    createdAt: monthStart.addingTimeInterval(Double(index) * 500)))
        }
        _ = try await database.commitPage(
            reviews, checkpoint: CheckpointUpdate(store: store, resource: .reviews, cursor: nil, at: Self.clock))
        let suppressed = (0..<20_000).map { index in
            SuppressedOccurrence(
                campaign: campaigns[index % campaigns.count], occurrenceKey: "o\(index)",
                email: email(index % customers), reason: index % 3 == 0 ? "frequency_cap" : "no_consent")
        }
        try await database.recordSuppressedOccurrences(suppressed, store: store, now: monthStart)
    }

    /// The process's peak resident set (`VmHWM`), in MB.
    static func peakRSSMegabytes() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "?" }
        return (kilobytes / 1024).twoDecimals
    }
}
