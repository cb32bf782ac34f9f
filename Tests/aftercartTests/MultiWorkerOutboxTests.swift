import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// Three `aftercart run` workers share one outbox in PostgreSQL and send
/// through one (slow) SMTP server; one of them is SIGKILLed while it holds a
/// batch. Every email is sent at most once; the killed worker's rows it had
/// not started are taken over and sent; only a row caught mid-send is left
/// `unknown` for the operator (docs/delivery.md). Runs with `make test`.
@Suite(.enabled(if: FreshDatabase.serverURL != nil, "needs AFTERCART_TEST_POSTGRES_URL"))
struct MultiWorkerOutboxTests {
    static let storeCount = 50
    static let emailsPerStore = 6
    /// Long past, so every row is due at once.
    static let past = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func threeWorkersSendEveryRowOnceAndTakeOverAKilledWorkersRows() async throws {
        let database = try await FreshDatabase.create()
        let stores = try await WorkerStores.start(count: Self.storeCount, orders: 5, latency: "5ms")
        let smtp: LocalSMTPServer
        do { smtp = try await LocalSMTPServer.start(delay: .milliseconds(40)) } catch {
            await stores.stop()
            throw error
        }
        var workers: [RunCommandTests.Daemon] = []
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            let delivery = """
                [delivery]
                channel = "smtp"
                smtp_url = "\(smtp.url)"
                from = "Shop <hello@shop.example>"
                """
            try cli.write(stores.config(database: database.url, extra: delivery), to: "config/aftercart.toml")
            let persistence = try await PostgresPersistence.open(url: database.url)
            defer { Task { try? await persistence.close() } }
            try await seed(persistence)
            let total = Self.storeCount * Self.emailsPerStore

            // The first worker starts alone, so it surely claims a batch; the
            // other two join, and the first is killed while it holds the batch.
            let arguments = ["--sync-every", "2s", "--resources", "orders", "--lease-ttl", "6s"]
            workers.append(try RunCommandTests.Daemon.start(cli, arguments))
            let victim = workers[0]
            let victimOwner = ":\(victim.process.processIdentifier):"
            var heldAtKill: [OutboxEntry] = []
            for _ in 0..<3_000 where heldAtKill.isEmpty {
                heldAtKill = try await rows(persistence).filter {
                    $0.state == .leased && ($0.leaseOwner?.contains(victimOwner) ?? false)
                }
                if heldAtKill.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            }
            try #require(!heldAtKill.isEmpty, "the worker to kill never claimed a row: \(victim.output)")
            for _ in 0..<2 { workers.append(try RunCommandTests.Daemon.start(cli, arguments)) }
            // Let the others start claiming, then kill it and see which of its rows it had left.
            try await Task.sleep(for: .milliseconds(300))
            _ = try await victim.stop(SIGKILL)
            heldAtKill = try await rows(persistence).filter {
                $0.state == .leased && ($0.leaseOwner?.contains(victimOwner) ?? false)
            }
            try #require(!heldAtKill.isEmpty, "the killed worker had finished its batch already")

            // Every row settles: the survivors take the dead worker's leases over once they expire.
            let settled = try await eventually(900) {
                let counts = try await persistence.outboxCounts()
                return (counts[.pending] ?? 0) + (counts[.leased] ?? 0) == 0
            }
            let final = try await rows(persistence)
            #expect(settled, "rows still open: \(final.filter { $0.state == .pending || $0.state == .leased }.count)")
            #expect(final.count == total)

            let done = final.filter { $0.state == .done }
            let unknown = final.filter { $0.state == .unknown }
            #expect(
                done.count + unknown.count == total, "failed: \(final.filter { $0.state == .failed }.map(\.lastError))")
            // Only a send in flight when the worker died is unknown: at most one per store it was syncing.
            #expect(unknown.count <= 4, "\(unknown.count) rows unknown")
            let heldIDs = Set(heldAtKill.map(\.id))
            for row in unknown {
                #expect(heldIDs.contains(row.id), "row #\(row.id) is unknown but the killed worker did not hold it")
            }
            let takenOver = heldAtKill.filter { held in done.contains { $0.id == held.id } }
            #expect(!takenOver.isEmpty, "no row the killed worker held was performed by another worker")

            // The SMTP server saw each message at most once, and every done row's message.
            let received = smtp.messages.compactMap(\.messageID)
            let copies = Dictionary(grouping: received, by: { $0 }).filter { $0.value.count > 1 }
            #expect(copies.isEmpty, "sent twice: \(copies.keys.sorted())")
            #expect(received.count >= done.count && received.count <= done.count + unknown.count)

            for worker in workers.dropFirst() {
                #expect(try await worker.stop(SIGTERM) == 0, "\(worker.output)")
            }
        } catch {
            for worker in workers { worker.forceKill() }
            await smtp.stop()
            await stores.stop()
            try? await database.drop()
            throw error
        }
        for worker in workers { worker.forceKill() }
        await smtp.stop()
        await stores.stop()
        try await database.drop()
    }

    /// `emailsPerStore` due emails for each store.
    private func seed(_ persistence: PostgresPersistence) async throws {
        var entries: [NewOutboxEntry] = []
        for store in 0..<Self.storeCount {
            for index in 0..<Self.emailsPerStore {
                let email = EmailAction(
                    to: "buyer-\(store)-\(index)@example.test", toName: "Buyer \(index)",
                    subject: "Your order \(index) is on its way", text: "Tracking inside.",
                    html: "<p>Tracking inside.</p>", transactional: true)
                entries.append(
                    NewOutboxEntry(
                        idempotencyKey: "shipping/store-\(store)/orders:\(index)/shipped/email",
                        store: StoreID("store-\(store)"), campaign: "shipping-updates", subjectKind: .orders,
                        subjectID: "\(index)", action: .sendEmail,
                        payload: String(decoding: try ModelJSON.encoder().encode(email), as: UTF8.self),
                        notBefore: Self.past))
            }
        }
        _ = try await persistence.enqueue(entries, now: Self.past)
    }

    private func rows(_ persistence: PostgresPersistence) async throws -> [OutboxEntry] {
        var rows: [OutboxEntry] = []
        for try await entry in persistence.allOutboxEntries() { rows.append(entry) }
        return rows
    }
}
