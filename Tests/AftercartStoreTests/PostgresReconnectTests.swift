import AftercartModel
import AftercartStore
import Foundation
import Logging
import PostgresNIO
import Testing

/// A worker's connections die (server restart, network cut, an operator's
/// pg_terminate_backend): operations run again on fresh connections.
@Suite("PostgreSQL connection loss", .enabled(if: TestPostgres.url != nil, "AFTERCART_TEST_POSTGRES_URL is unset"))
struct PostgresReconnectTests {
    @Test("after every connection of the pool is terminated, the next call succeeds")
    func nextCallAfterTermination() async throws {
        try await TestPostgres.withSchema { schema in
            let store = try await TestPostgres.open(schema: schema)
            _ = try await store.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "c1"))
            let terminated = try await TestPostgres.terminateConnections(schema: schema)
            #expect(terminated >= 1)

            let result = try await store.commitPage(
                [Fixtures.order("2")], checkpoint: Fixtures.checkpoint(cursor: "c2", at: Fixtures.at(60)))
            #expect(result.inserted == 1)
            #expect(try await store.recordCount(store: Fixtures.tokyo, resource: .orders).total == 2)
            try await store.close()
        }
    }

    @Test("connections terminated again and again while pages commit: every page lands once")
    func terminationDuringWork() async throws {
        try await TestPostgres.withSchema { schema in
            let store = try await TestPostgres.open(schema: schema, options: PostgresOptions(maximumConnections: 4))
            let killer = Task {
                var kills = 0
                for _ in 0..<15 {
                    kills += (try? await TestPostgres.terminateConnections(schema: schema)) ?? 0
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return kills
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<4 {
                    group.addTask {
                        let storeID = StoreID("lane-\(lane)")
                        for page in 0..<15 {
                            let orders = (0..<20).map { Fixtures.order("\(page)-\($0)", store: storeID) }
                            _ = try await store.commitPage(
                                orders, checkpoint: Fixtures.checkpoint(store: storeID, cursor: "\(page)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let kills = await killer.value
            #expect(kills > 0)
            for lane in 0..<4 {
                let storeID = StoreID("lane-\(lane)")
                #expect(try await store.recordCount(store: storeID, resource: .orders).total == 300)
                #expect(try await store.checkpoint(store: storeID, resource: .orders)?.cursor == "14")
            }
            try await store.close()
        }
    }

    @Test("a connection terminated mid-statement: the statement runs again and succeeds")
    func terminatedMidStatement() async throws {
        try await TestPostgres.withSchema { schema in
            let store = try await TestPostgres.open(schema: schema)
            #expect(try await store.acquireLease(name: "x", owner: "a", ttl: 60, now: Fixtures.t0))
            let renewal = try await renewWhileTerminated(store, schema: schema)
            #expect(try await renewal.value)
            #expect(try await store.leases().first?.expiresAt == Fixtures.at(121))
            try await store.close()
        }
    }

    @Test("with retries off, a connection lost mid-statement is a clear PersistenceError without the password")
    func lostMidStatementWithoutRetry() async throws {
        try await TestPostgres.withSchema { schema in
            let store = try await TestPostgres.open(schema: schema, options: PostgresOptions(retryAttempts: 0))
            #expect(try await store.acquireLease(name: "x", owner: "a", ttl: 60, now: Fixtures.t0))
            let renewal = try await renewWhileTerminated(store, schema: schema)
            let error = await #expect(throws: PersistenceError.self) { _ = try await renewal.value }
            let password = try TestPostgres.configuration().password ?? "no password"
            #expect(error?.kind == .failed)
            #expect(error?.description.contains("renewing lease x: lost the database connection") == true)
            #expect(error?.description.contains(password) == false)
            // The next call gets a fresh connection.
            #expect(try await store.leases().first?.expiresAt == Fixtures.at(60))
            try await store.close()
        }
    }

    /// Starts renewing lease `x` while another connection holds its row
    /// lock, waits until the renewal waits for the lock, terminates the
    /// store's connections, then lets the lock go.
    private func renewWhileTerminated(_ store: PostgresPersistence, schema: String) async throws -> Task<
        Bool, any Error
    > {
        try await TestPostgres.admin { admin in
            let logger = Logger(label: "test")
            _ = try await admin.query("BEGIN", logger: logger).collect()
            _ = try await admin.query(
                PostgresQuery(unsafeSQL: "SELECT 1 FROM \(schema).leases WHERE name = 'x' FOR UPDATE"), logger: logger
            ).collect()
            let renewal = Task { try await store.renewLease(name: "x", owner: "a", ttl: 120, now: Fixtures.at(1)) }
            var waiting = 0
            while waiting == 0 {
                try await Task.sleep(for: .milliseconds(10))
                waiting = try await admin.query(
                    """
                    SELECT 1 FROM pg_stat_activity
                    WHERE application_name = \(TestPostgres.applicationName(schema)) AND wait_event_type = 'Lock'
                    """, logger: logger
                ).collect().count
            }
            #expect(try await TestPostgres.terminateConnections(schema: schema) >= 1)
            _ = try await admin.query("COMMIT", logger: logger).collect()
            return renewal
        }
    }
}
