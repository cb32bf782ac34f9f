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

/// Runs `body` against a newly created database file in its own temp
/// directory, closing and deleting it afterwards whatever happens.
func withStore<T>(_ body: (SQLitePersistence) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { directory in
        let store = try await SQLitePersistence.open(path: directory.path("aftercart.sqlite"))
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Runs `body` with a temp directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory)
}
