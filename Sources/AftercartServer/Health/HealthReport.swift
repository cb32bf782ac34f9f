import AftercartModel
import AftercartStore
import Foundation

/// `GET /healthz`: whether the database answers, and when each store last
/// synced, per resource. 200 when the database answers, 503 when not.
struct HealthReport: Codable, Sendable {
    struct Database: Codable, Sendable {
        var reachable: Bool
        var schemaVersion: Int?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case reachable, error
            case schemaVersion = "schema_version"
        }
    }

    struct Resource: Codable, Sendable {
        var resource: String
        var lastSuccessAt: String?
        var lastError: String?
        var failing: Bool

        enum CodingKeys: String, CodingKey {
            case resource, failing
            case lastSuccessAt = "last_success_at"
            case lastError = "last_error"
        }
    }

    struct Store: Codable, Sendable {
        var store: String
        var platform: String?
        var lastSyncAt: String?
        var resources: [Resource]

        enum CodingKeys: String, CodingKey {
            case store, platform, resources
            case lastSyncAt = "last_sync_at"
        }
    }

    var status: String
    var database: Database
    var stores: [Store]

    /// Asks the database; `platforms` names the stores the server takes
    /// webhooks for, so a store that never synced still appears.
    static func make(persistence: any Persistence, platforms: [StoreID: String]) async -> HealthReport {
        let version: Int
        let checkpoints: [SyncCheckpoint]
        do {
            version = try await persistence.schemaStatus().current
            checkpoints = try await persistence.checkpoints()
        } catch {
            return HealthReport(
                status: "unavailable", database: Database(reachable: false, schemaVersion: nil, error: "\(error)"),
                stores: [])
        }
        let byStore = Dictionary(grouping: checkpoints, by: \.store)
        let names = Set(byStore.keys).union(platforms.keys).sorted()
        let stores = names.map { store in
            let own = (byStore[store] ?? []).sorted { $0.resource.rawValue < $1.resource.rawValue }
            let last = own.compactMap(\.lastSuccessAt).max()
            return Store(
                store: store.rawValue, platform: platforms[store], lastSyncAt: last.map(Timestamp.format),
                resources: own.map {
                    Resource(
                        resource: $0.resource.rawValue, lastSuccessAt: $0.lastSuccessAt.map(Timestamp.format),
                        lastError: $0.lastError, failing: $0.isFailing)
                })
        }
        return HealthReport(
            status: "ok", database: Database(reachable: true, schemaVersion: version, error: nil), stores: stores)
    }

    var httpStatus: Int { database.reachable ? 200 : 503 }

    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data(#"{"status":"unavailable"}"#.utf8)
    }
}
