import AftercartModel
import AftercartStore
import Foundation
import GRDB
import Testing

@Suite("Migrations and opening")
struct MigrationTests {
    @Test("migrations apply to an empty file and are idempotent when opened again")
    func migrateTwice() async throws {
        try await withTemporaryDirectory { directory in
            // A nested, missing directory is created on open.
            let path = directory.path("data/nested/aftercart.sqlite")
            let first = try await SQLitePersistence.open(path: path)
            let status = try await first.schemaStatus()
            #expect(status.current >= 1)
            #expect(status.isCurrent)
            #expect(status.appliedMigrations.count == status.current)
            _ = try await first.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "c"))
            try await first.close()

            let second = try await SQLitePersistence.open(path: path)
            #expect(try await second.schemaStatus() == status)
            #expect(try await second.recordCount(store: Fixtures.tokyo, resource: .orders).total == 1)
            #expect(try await second.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "c")
            try await second.close()

            let journal = try await DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            }
            #expect(journal == "wal")
        }
    }

    /// A `run` daemon and an `export` started at the same moment both
    /// migrate a new file; the one that loses a migration must wait for the
    /// other to finish the rest, not give up halfway through the schema.
    @Test("openers racing on a new file all end up with the full schema")
    func concurrentOpen() async throws {
        try await withTemporaryDirectory { directory in
            for round in 0..<12 {
                let path = directory.path("race-\(round).sqlite")
                let stores = try await withThrowingTaskGroup(of: SQLitePersistence.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await SQLitePersistence.open(path: path) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                for store in stores {
                    #expect(try await store.schemaStatus().isCurrent)
                    try await store.close()
                }
            }
        }
    }

    @Test("a database migrated by a newer binary is refused with what to do")
    func newerSchemaIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.path("aftercart.sqlite")
            try await SQLitePersistence.open(path: path).close()
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            let error = await #expect(throws: AftercartStore.PersistenceError.self) {
                _ = try await SQLitePersistence.open(path: path)
            }
            #expect(error?.kind == .schemaTooNew)
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("upgrade aftercart") == true)
        }
    }

    @Test("a file that is not a database is refused with its path")
    func notADatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.path("garbage.sqlite")
            try Data(repeating: 0x42, count: 8_192).write(to: URL(fileURLWithPath: path))
            let error = await #expect(throws: AftercartStore.PersistenceError.self) {
                _ = try await SQLitePersistence.open(path: path)
            }
            #expect(error?.kind == .cannotOpen)
            #expect(error?.location == path)
        }
    }

    @Test("a directory in place of the file is refused")
    func directoryInsteadOfFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.path("a-directory")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let error = await #expect(throws: AftercartStore.PersistenceError.self) {
                _ = try await SQLitePersistence.open(path: path)
            }
            #expect(error?.kind == .cannotOpen)
        }
    }
}
