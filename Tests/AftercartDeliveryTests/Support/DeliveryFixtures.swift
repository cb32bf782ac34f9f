import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import Logging

/// A clock the test moves by hand: the executor never reads the real time.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = DeliveryFixtures.t0) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    var closure: @Sendable () -> Date { { self.now } }
}

/// A scratch folder with a real SQLite outbox, removed at the end.
struct Scratch {
    let directory: URL
    let persistence: SQLitePersistence

    static func make() async throws -> Scratch {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-delivery-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let persistence = try await SQLitePersistence.open(path: directory.appendingPathComponent("db.sqlite").path)
        return Scratch(directory: directory, persistence: persistence)
    }

    var outboxFolder: URL { directory.appendingPathComponent("outbox", isDirectory: true) }

    func close() async {
        try? await persistence.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs `body` with a fresh scratch folder, cleaned up whatever happens.
func withScratch<T>(_ body: (Scratch) async throws -> T) async throws -> T {
    let scratch = try await Scratch.make()
    do {
        let value = try await body(scratch)
        await scratch.close()
        return value
    } catch {
        await scratch.close()
        throw error
    }
}

enum DeliveryFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    static let store: StoreID = "test-woo"
    static let sender = try! MailAddress(parsing: "Tokyo Mugs <hello@mugs.example>")
    static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func json(_ value: some Encodable) -> String {
        String(decoding: try! ModelJSON.encoder().encode(value), as: UTF8.self)
    }

    static func entry(
        _ key: String, _ action: OutboxAction, payload: String, store: StoreID = store, campaign: String = "review",
        subject: ResourceKind = .orders, subjectID: String = "1", notBefore: Date = t0
    ) -> NewOutboxEntry {
        NewOutboxEntry(
            idempotencyKey: key, store: store, campaign: campaign, subjectKind: subject, subjectID: subjectID,
            action: action, payload: payload, notBefore: notBefore)
    }

    static func email(
        to: String = "hana@example.test", name: String? = "Hana Sato", subject: String = "How was your mug?",
        after: [String] = [], coupon: String? = nil, orderID: String? = "1", customerID: String? = nil,
        pushBack: EmailAction.PushBack? = nil
    ) -> EmailAction {
        EmailAction(
            to: to, toName: name, subject: subject, text: "Thank you for your order.\nTell us how it went.",
            html: "<p>Thank you for your order.</p>", transactional: false, after: after, couponCode: coupon,
            orderID: orderID, customerID: customerID, pushBack: pushBack)
    }

    /// `count` email rows keyed `<prefix>/email/<n>`, each to its own `buyer<n>@example.test`.
    static func emails(_ prefix: String, count: Int) -> [NewOutboxEntry] {
        (0..<count).map { index in
            entry(
                "\(prefix)/email/\(index)", .sendEmail, payload: json(email(to: "buyer\(index)@example.test")),
                subjectID: "\(index)")
        }
    }

    static func coupon(_ code: String, email: String = "hana@example.test", customerID: String? = nil)
        -> CouponAction
    {
        CouponAction(
            code: code, kind: .percent, amount: 10, currency: nil, expiresAt: t0.addingTimeInterval(30 * 86_400),
            email: email, customerID: customerID, description: "aftercart test")
    }

    static func options(
        owner: String = "worker-a", maxAttempts: Int = 5, merchantEmail: String? = "support@mugs.example",
        stores: Set<StoreID>? = nil
    ) -> DeliveryOptions {
        DeliveryOptions(
            owner: owner, leaseFor: 300, batchSize: 20, maxAttempts: maxAttempts, initialBackoff: 60,
            maximumBackoff: 3_600, waitDelay: 60, from: sender, merchantEmail: merchantEmail, stores: stores)
    }
}
