import AftercartModel
import AftercartStore
import Foundation

/// What `aftercart status` shows, gathered once and printed as text or JSON.
struct StatusReport: Encodable {
    struct Line: Encodable {
        var store: StoreID
        var resource: ResourceKind
        var records: Int
        var vanished: Int
        var cursor: String?
        var lastSuccessAt: Date?
        var lastError: String?
        var lastErrorAt: Date?
        /// Seconds since the last committed page, when there was one.
        var lagSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case store, resource, records, vanished, cursor
            case lastSuccessAt = "last_success_at"
            case lastError = "last_error"
            case lastErrorAt = "last_error_at"
            case lagSeconds = "lag_seconds"
        }

        // Every key is always present, null when unknown, so scripts need no existence checks.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(store, forKey: .store)
            try container.encode(resource, forKey: .resource)
            try container.encode(records, forKey: .records)
            try container.encode(vanished, forKey: .vanished)
            try container.encode(cursor, forKey: .cursor)
            try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
            try container.encode(lastError, forKey: .lastError)
            try container.encode(lastErrorAt, forKey: .lastErrorAt)
            try container.encode(lagSeconds, forKey: .lagSeconds)
        }
    }

    var database: String
    var schemaVersion: String
    var resources: [Line]
    var outbox: [String: Int]

    enum CodingKeys: String, CodingKey {
        case database
        case schemaVersion = "schema_version"
        case resources, outbox
    }

    /// Every configured store appears, synced or not, plus any store that
    /// has data but left the config.
    static func gather(from persistence: any Persistence, stores: [StoreID], now: Date) async throws -> StatusReport {
        let counts = try await persistence.recordCounts()
        let checkpoints = try await persistence.checkpoints()
        var seen = Set<String>()
        var lines: [Line] = []
        let known = stores + counts.map(\.store) + checkpoints.map(\.store)
        for store in known {
            for resource in ResourceKind.allCases where seen.insert("\(store)/\(resource)").inserted {
                let count = counts.first { $0.store == store && $0.resource == resource }
                let checkpoint = checkpoints.first { $0.store == store && $0.resource == resource }
                guard stores.contains(store) || count != nil || checkpoint != nil else { continue }
                lines.append(
                    Line(
                        store: store, resource: resource, records: count?.live ?? 0, vanished: count?.vanished ?? 0,
                        cursor: checkpoint?.cursor, lastSuccessAt: checkpoint?.lastSuccessAt,
                        lastError: checkpoint?.lastError, lastErrorAt: checkpoint?.lastErrorAt,
                        lagSeconds: checkpoint?.lastSuccessAt.map { Int(now.timeIntervalSince($0)) }))
            }
        }
        var outbox: [String: Int] = [:]
        for (state, count) in try await persistence.outboxCounts() { outbox[state.rawValue] = count }
        for state in OutboxState.allCases where outbox[state.rawValue] == nil { outbox[state.rawValue] = 0 }
        let schema = try await persistence.schemaStatus()
        return StatusReport(
            database: persistence.location, schemaVersion: "\(schema.current)", resources: lines, outbox: outbox)
    }

    var text: String {
        var rows = [["STORE", "RESOURCE", "RECORDS", "LAST SYNC", "LAST ERROR"]]
        for line in resources {
            let lastSync = line.lastSuccessAt.map(Timestamp.format) ?? "never"
            var error = "-"
            if let lastError = line.lastError, let at = line.lastErrorAt {
                error = "\(Timestamp.format(at)) \(lastError)"
            }
            rows.append([line.store.rawValue, line.resource.rawValue, "\(line.records)", lastSync, error])
        }
        var output = "database: \(database)\n"
        output += TextTable.render(rows)
        let states = OutboxState.allCases.map { "\($0.rawValue) \(outbox[$0.rawValue] ?? 0)" }
        output += "\noutbox: " + states.joined(separator: ", ")
        return output
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: width)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
