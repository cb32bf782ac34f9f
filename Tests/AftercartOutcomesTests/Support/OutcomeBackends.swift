import AftercartStore
import Foundation

/// Runs `body` on a fresh SQLite file and, when `AFTERCART_TEST_POSTGRES_URL`
/// is set, on a fresh PostgreSQL schema; each is closed and deleted afterwards.
func withOutcomeStores(_ body: (any Persistence & OutcomeFactStore & PlanningStore) async throws -> Void)
    async throws
{
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("aftercart-outcomes-db-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sqlite = try await SQLitePersistence.open(path: folder.appendingPathComponent("a.sqlite").path)
    do {
        try await body(sqlite)
        try await sqlite.close()
    } catch {
        try? await sqlite.close()
        throw error
    }
    guard TestPostgres.url != nil else { return TestPostgres.skipNote }
    try await TestPostgres.withPersistence { store in try await body(store) }
}
