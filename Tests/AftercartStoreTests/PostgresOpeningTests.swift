import AftercartModel
import AftercartStore
import Foundation
import Logging
import PostgresNIO
import Testing

/// Opening and migrating a PostgreSQL database: the counterpart of
/// ``MigrationTests``, whose cases are about SQLite files.
@Suite(
    "PostgreSQL opening and migrations", .enabled(if: TestPostgres.url != nil, "AFTERCART_TEST_POSTGRES_URL is unset"))
struct PostgresOpeningTests {
    @Test("migrations apply to an empty schema and are idempotent when opened again")
    func migrateTwice() async throws {
        try await TestPostgres.withSchema { schema in
            let first = try await TestPostgres.open(schema: schema)
            let status = try await first.schemaStatus()
            #expect(status.current >= 3)
            #expect(status.isCurrent)
            #expect(status.appliedMigrations.first == "v1-records-checkpoints-leases-outbox")
            _ = try await first.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "c"))
            try await first.close()

            let second = try await TestPostgres.open(schema: schema)
            #expect(try await second.schemaStatus() == status)
            #expect(try await second.recordCount(store: Fixtures.tokyo, resource: .orders).total == 1)
            #expect(try await second.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "c")
            try await second.close()
        }
    }

    @Test("workers opening a new schema together all end up with the full schema")
    func concurrentOpen() async throws {
        try await TestPostgres.withSchema { schema in
            let stores = try await withThrowingTaskGroup(of: PostgresPersistence.self) { group in
                for _ in 0..<4 { group.addTask { try await TestPostgres.open(schema: schema) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for store in stores {
                #expect(try await store.schemaStatus().isCurrent)
                try await store.close()
            }
        }
    }

    @Test("a schema migrated by a newer binary is refused with what to do")
    func newerSchemaIsRefused() async throws {
        try await TestPostgres.withSchema { schema in
            try await TestPostgres.open(schema: schema).close()
            try await TestPostgres.admin { connection in
                _ = try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "INSERT INTO \(schema).aftercart_migrations (identifier) VALUES ('v99-from-the-future')"),
                    logger: Logger(label: "test")
                ).collect()
            }
            let error = await #expect(throws: PersistenceError.self) {
                _ = try await TestPostgres.open(schema: schema)
            }
            #expect(error?.kind == .schemaTooNew)
            #expect(error?.description.contains("v99-from-the-future") == true)
            #expect(error?.description.contains("upgrade aftercart") == true)
        }
    }

    @Test("a wrong password is refused with the URL but never the password")
    func wrongPassword() async throws {
        var components = try #require(URLComponents(url: try TestPostgres.requireURL(), resolvingAgainstBaseURL: false))
        let realPassword = try #require(components.password)
        components.password = nil
        let url = try #require(components.url)
        let wrong = "not-the-password-\(UUID().uuidString)"
        let error = await #expect(throws: PersistenceError.self) {
            _ = try await PostgresPersistence.open(url: url, password: Secret(wrong))
        }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.contains("login") == true)
        #expect(error?.description.contains(wrong) == false)
        #expect(error?.description.contains(realPassword) == false)
        #expect(error?.location.hasPrefix("postgres://") == true)
    }

    @Test("the password from [database] password wins over none in the URL")
    func passwordOutsideTheURL() async throws {
        var components = try #require(URLComponents(url: try TestPostgres.requireURL(), resolvingAgainstBaseURL: false))
        let password = try #require(components.password)
        components.password = nil
        let store = try await PostgresPersistence.open(url: try #require(components.url), password: Secret(password))
        #expect(try await store.schemaStatus().isCurrent)
        #expect(!store.location.contains(password))
        try await store.close()
    }

    @Test("a database that does not exist is refused by name")
    func missingDatabase() async throws {
        var components = try #require(URLComponents(url: try TestPostgres.requireURL(), resolvingAgainstBaseURL: false))
        components.path = "/no_such_database_\(Int.random(in: 1000...9999))"
        let error = await #expect(throws: PersistenceError.self) {
            _ = try await PostgresPersistence.open(url: try #require(components.url))
        }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.contains("does not exist") == true)
        #expect(error?.description.contains(components.password ?? "no password") == false)
    }

    @Test("a server that is not there is refused at once, naming host and port")
    func unreachable() async throws {
        let url = try #require(URL(string: "postgres://aftercart:secret-word@127.0.0.1:1/aftercart"))
        let error = await #expect(throws: PersistenceError.self) {
            _ = try await PostgresPersistence.open(url: url)
        }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.location == "postgres://aftercart@127.0.0.1:1/aftercart")
        #expect(error?.description.contains("secret-word") == false)
    }

    @Test("unknown URL options and a bad pool size are refused before connecting")
    func badOptions() async throws {
        for text in [
            "postgres://a@127.0.0.1:1/db?sslmode=sometimes", "postgres://a@127.0.0.1:1/db?pool_size=0",
            "postgres://a@127.0.0.1:1/db?colour=blue", "postgres://a@127.0.0.1:1/",
        ] {
            let error = await #expect(throws: PersistenceError.self) {
                _ = try await PostgresPersistence.open(url: try #require(URL(string: text)))
            }
            #expect(error?.kind == .cannotOpen)
            #expect(error?.fix.isEmpty == false)
        }
    }

    @Test("calls after close fail with a PersistenceError instead of hanging")
    func useAfterClose() async throws {
        try await TestPostgres.withSchema { schema in
            let store = try await TestPostgres.open(schema: schema)
            try await store.close()
            let error = await #expect(throws: PersistenceError.self) { _ = try await store.leases() }
            #expect(error?.description.contains("closed") == true)
        }
    }
}
