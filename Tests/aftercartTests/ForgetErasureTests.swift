import AftercartModel
import Foundation
import GRDB
import Logging
import MockStores
import PostgresNIO
import Testing

/// Issue 21 item 1: `aftercart forget` erases. A real flow (sync from the
/// WooCommerce emulator, plan, send to the file outbox), then forget, then
/// the customer's address and names are searched in the whole database
/// (file bytes and every text column) and every outbox file; a full
/// re-sync brings the customer back from the store and still nothing is
/// found or planned. On SQLite and, under `make test`, PostgreSQL.
@Suite(.serialized) struct ForgetErasureTests {
    enum Backend: String, CaseIterable {
        case sqlite, postgres
    }

    /// 120 orders, 40 customers, each given a name no other record shares
    /// (fixed length, so none is part of another).
    static func options() -> WooCommerceMockOptions {
        var options = WooCommerceMockOptions(orders: 120, seed: 7)
        for index in 0..<40 {
            options.data.namedCustomers[index] = MockPersonName(first: "Zeph" + tag(index), last: "Quill" + tag(index))
        }
        return options
    }

    /// Two letters per index: `aa`, `ab`, …
    static func tag(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return String([letters[index / 26], letters[index % 26]])
    }

    @Test(arguments: Backend.allCases)
    func forgetLeavesNoAddressOrNameInTheDatabaseOrOutboxFilesEvenAfterAResync(_ backend: Backend) async throws {
        guard backend == .sqlite || FreshDatabase.serverURL != nil else { return }
        let mock = try await MockStoreServer.start(.woocommerce(Self.options()))
        let cli = try CLIProcess()
        let database = backend == .postgres ? try await FreshDatabase.create() : nil
        defer { cli.remove() }
        do {
            try UnsubscribeCommandTests().prepare(cli, mock: mock)
            if let database {
                let path = cli.directory.appendingPathComponent("config/aftercart.toml")
                let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(
                    of: "sqlite:data/aftercart.sqlite", with: database.url.absoluteString)
                try cli.write(text, to: "config/aftercart.toml")
            }
            let at = Timestamp.format(mock.clock)
            for step in [["sync"], ["plan", "--at", at], ["send"]] {
                let outcome = try await cli.run(step, environment: PlanCommandTests.secrets)
                #expect(outcome.status == 0, "\(step): \(outcome.stdout)\(outcome.stderr)")
            }
            // The named customer with the most emails written to the outbox.
            let chosen = try #require(try mostEmailed(in: cli))
            let index = try #require(Int(chosen.split(separator: "@")[0].split(separator: ".").last ?? "")) - 1
            let needles = [chosen, "Zeph" + Self.tag(index), "Quill" + Self.tag(index)]
            let before = try await findings(needles, cli: cli, database: database)
            #expect(before.contains { $0.hasPrefix("outbox file") } && before.contains { $0.hasPrefix("table") })

            let forget = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen.uppercased()])
            #expect(forget.status == 0, "\(forget.stdout)\(forget.stderr)")
            #expect(forget.stdout.contains("\(chosen) forgotten"), "\(forget.stdout)")
            #expect(forget.stdout.contains("not erased: the store's own copy"), "\(forget.stdout)")
            let pseudonym = try #require(
                forget.stdout.split(separator: "\n").first { $0.hasPrefix("kept:") }?.split(separator: " ").last)
            #expect(pseudonym.hasPrefix("forgotten-") && pseudonym.hasSuffix("@invalid"))
            // An unsubscribe afterwards (an old link, an operator) does not store the address again.
            let unsubscribe = try await cli.run(["unsubscribe", "--store", "tokyo-woo", "--email", chosen])
            #expect(unsubscribe.stdout.contains("already forgotten"), "\(unsubscribe.stdout)\(unsubscribe.stderr)")
            let afterForget = try await findings(needles, cli: cli, database: database)
            #expect(afterForget.isEmpty, "\(afterForget)")

            let resync = try await cli.run(["sync", "--full"], environment: PlanCommandTests.secrets)
            #expect(resync.status == 0, "\(resync.stdout)\(resync.stderr)")
            let afterResync = try await findings(needles, cli: cli, database: database)
            #expect(afterResync.isEmpty, "\(afterResync)")
            let plan = try await cli.run(["plan", "--dry-run", "--json", "--at", at])
            #expect(plan.status == 0, "\(plan.stderr)")
            #expect(!plan.stdout.contains(String(pseudonym)) && !plan.stdout.lowercased().contains(chosen))
            // Forgetting again finds nothing left.
            let again = try await cli.run(["forget", "--store", "tokyo-woo", "--email", chosen])
            #expect(again.stdout.contains("erased: records none; outbox rows 0"), "\(again.stdout)")
        } catch {
            await mock.stop()
            try? await database?.drop()
            throw error
        }
        await mock.stop()
        try? await database?.drop()
    }

    /// The recipient of most `.eml` files in the outbox folder.
    private func mostEmailed(in cli: CLIProcess) throws -> String? {
        var counts: [String: Int] = [:]
        for file in try files(in: cli.directory.appendingPathComponent("data/outbox")) where file.pathExtension == "eml"
        {
            let text = try String(contentsOf: file, encoding: .utf8)
            let to = text.split(separator: "\r\n").first { $0.hasPrefix("To:") }.map(String.init) ?? ""
            let bracketed = to.firstIndex(of: "<").flatMap { start in
                to.firstIndex(of: ">").map { to[to.index(after: start)..<$0] }
            }
            let address = (bracketed ?? to.dropFirst(3)).trimmingCharacters(in: .whitespaces).lowercased()
            if address.hasPrefix("zeph") { counts[address, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Where any of `needles` (ignoring case) still appears: database file
    /// bytes, any text column of any table, any file of the outbox folder.
    private func findings(_ needles: [String], cli: CLIProcess, database: FreshDatabase?) async throws -> [String] {
        let lowered = needles.map { $0.lowercased() }
        func hits(_ text: String) -> [String] { lowered.filter { text.lowercased().contains($0) } }
        var found: [String] = []
        for file in try files(in: cli.directory.appendingPathComponent("data/outbox")) {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            found += hits(text).map { "outbox file \(file.lastPathComponent): \($0)" }
        }
        let columns: [(table: String, text: String)]
        if let database {
            columns = try await postgresText(database)
        } else {
            let path = cli.directory.appendingPathComponent("data/aftercart.sqlite").path
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path + suffix)), as: UTF8.self)
                found += hits(bytes).map { "sqlite file\(suffix): \($0)" }
            }
            columns = try await sqliteText(path)
        }
        #expect(columns.contains { $0.table == "orders" })
        for column in columns {
            found += hits(column.text).map { "table \(column.table): \($0)" }
        }
        return Array(Set(found)).sorted()
    }

    private func files(in folder: URL) throws -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }
    }

    /// Every text value of every table of the SQLite file.
    private func sqliteText(_ path: String) async throws -> [(table: String, text: String)] {
        let queue = try DatabaseQueue(path: path)
        return try await queue.read { db in
            var values: [(table: String, text: String)] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (_, value) in row {
                        if let text = String.fromDatabaseValue(value) { values.append((table, text)) }
                    }
                }
            }
            return values
        }
    }

    /// Every value of every column of every table of the PostgreSQL database, as text.
    private func postgresText(_ database: FreshDatabase) async throws -> [(table: String, text: String)] {
        let logger = Logger(label: "aftercart.tests.forget")
        var values: [(table: String, text: String)] = []
        try await FreshDatabase.admin(database.url) { connection in
            var columns: [(String, String, String)] = []
            for try await (schema, table, column) in try await connection.query(
                """
                SELECT table_schema, table_name, column_name FROM information_schema.columns
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                """, logger: logger
            ).decode((String, String, String).self) {
                columns.append((schema, table, column))
            }
            for (schema, table, column) in columns {
                for try await value in try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT \"\(column)\"::text FROM \"\(schema)\".\"\(table)\""),
                    logger: logger
                ).decode(String?.self) {
                    if let value { values.append((table, value)) }
                }
            }
        }
        return values
    }
}
