import AftercartStore
import Foundation

/// A fresh directory under the system temp dir, removed when the test ends.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The backends every store test runs on.
enum Backend: String, CaseIterable, Sendable {
    case sqlite
    case postgres
}

/// A failure of a test body on one backend, so the report says which.
struct BackendFailure: Error, CustomStringConvertible {
    var backend: Backend
    var underlying: any Error
    var description: String { "on \(backend.rawValue): \(underlying)" }
}

/// Runs `body` against a newly created SQLite file in its own temp
/// directory and then, when `AFTERCART_TEST_POSTGRES_URL` is set, against
/// a fresh schema of that PostgreSQL server; each is closed and deleted
/// afterwards whatever happens. Without the variable the PostgreSQL half is
/// skipped with a note on standard error.
func withStore(_ body: (any Persistence) async throws -> Void) async throws {
    for backend in Backend.allCases {
        try await withStore(on: backend, body)
    }
}

/// Runs `body` against one backend; PostgreSQL is skipped (with a note)
/// when `AFTERCART_TEST_POSTGRES_URL` is unset.
func withStore(on backend: Backend, _ body: (any Persistence) async throws -> Void) async throws {
    do {
        switch backend {
        case .sqlite:
            try await withTemporaryDirectory { directory in
                let store = try await SQLitePersistence.open(path: directory.path("aftercart.sqlite"))
                do {
                    try await body(store)
                    try await store.close()
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        case .postgres:
            guard TestPostgres.url != nil else { return TestPostgres.skipNote }
            try await TestPostgres.withPersistence { store in try await body(store) }
        }
    } catch let error as BackendFailure {
        throw error
    } catch {
        throw BackendFailure(backend: backend, underlying: error)
    }
}

/// Runs `body` with a temp directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory)
}
