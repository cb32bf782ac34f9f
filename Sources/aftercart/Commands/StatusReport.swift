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
        /// When a full pass last marked what the store no longer has.
        var lastReconciledAt: Date? = nil

        enum CodingKeys: String, CodingKey {
            case store, resource, records, vanished, cursor
            case lastSuccessAt = "last_success_at"
            case lastError = "last_error"
            case lastErrorAt = "last_error_at"
            case lagSeconds = "lag_seconds"
            case lastReconciledAt = "last_reconciled_at"
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
            try container.encode(lastReconciledAt, forKey: .lastReconciledAt)
        }
    }

    var database: String
    var schemaVersion: String
    var resources: [Line]
    var outbox: [String: Int]
    /// Unknown and failed actions an operator must look at, each with its resend command.
    var attention: [OutboxAttention] = []
    /// Which worker holds which store's sync lease, and until when.
    var leases: [StatusLease] = []
    /// What each store last reported about itself, with what needs the merchant.
    var storeFacts: [StatusStoreFacts] = []
    /// Records syncs could not map and keep aside.
    var rejects: [StatusReject] = []
    /// Views of the order-status pages per store.
    var orderPages: [StatusOrderPages] = []

    enum CodingKeys: String, CodingKey {
        case database
        case schemaVersion = "schema_version"
        case resources, outbox, attention, leases, rejects
        case storeFacts = "store_facts"
        case orderPages = "order_pages"
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
                        lagSeconds: checkpoint?.lastSuccessAt.map { Int(now.timeIntervalSince($0)) },
                        lastReconciledAt: checkpoint?.lastReconciledAt))
            }
        }
        var outbox: [String: Int] = [:]
        for (state, count) in try await persistence.outboxCounts() { outbox[state.rawValue] = count }
        for state in OutboxState.allCases where outbox[state.rawValue] == nil { outbox[state.rawValue] = 0 }
        let schema = try await persistence.schemaStatus()
        var report = StatusReport(
            database: persistence.location, schemaVersion: "\(schema.current)", resources: lines, outbox: outbox)
        report.attention = try await OutboxAttention.gather(from: persistence)
        report.leases = try await StatusLease.gather(from: persistence, now: now)
        report.rejects = try await StatusReject.gather(from: persistence)
        report.orderPages = try await StatusOrderPages.gather(from: persistence, stores: stores)
        return report
    }

    var text: String {
        var rows = [["STORE", "RESOURCE", "RECORDS", "LAST SYNC", "LAG", "LAST ERROR"]]
        for line in resources {
            let lastSync = line.lastSuccessAt.map(Timestamp.format) ?? "never"
            var error = "-"
            if let lastError = line.lastError, let at = line.lastErrorAt {
                error = "\(Timestamp.format(at)) \(lastError)"
            }
            let lag = line.lagSeconds.map { SyncSummary.duration(Double($0)) } ?? "-"
            rows.append([line.store.rawValue, line.resource.rawValue, "\(line.records)", lastSync, lag, error])
        }
        var output = "database: \(database)\n"
        output += TextTable.render(rows)
        let states = OutboxState.allCases.map { "\($0.rawValue) \(outbox[$0.rawValue] ?? 0)" }
        output += "\noutbox: " + states.joined(separator: ", ")
        output += OutboxAttention.text(attention)
        output += StatusLease.text(leases)
        output += StatusReject.text(rejects)
        output += StatusOrderPages.text(orderPages)
        output += StatusStoreFacts.text(storeFacts)
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

/// A failed or unknown outbox action, as `status` lists it.
struct OutboxAttention: Encodable {
    var id: Int64
    var state: String
    var store: String
    var campaign: String
    var action: String
    var attempts: Int
    var lastError: String?
    /// The command that puts it back in the queue.
    var resend: String

    enum CodingKeys: String, CodingKey {
        case id, state, store, campaign, action, attempts, resend
        case lastError = "last_error"
    }

    static func gather(from persistence: any Persistence, limit: Int = 20) async throws -> [OutboxAttention] {
        var rows: [OutboxAttention] = []
        for state in [OutboxState.unknown, .failed] {
            for entry in try await persistence.outboxEntries(in: state, limit: limit) {
                rows.append(
                    OutboxAttention(
                        id: entry.id, state: state.rawValue, store: entry.store.rawValue, campaign: entry.campaign,
                        action: entry.action.rawValue, attempts: entry.attempts, lastError: entry.lastError,
                        resend: "aftercart send --resend \(entry.id)"))
            }
        }
        return rows
    }

    static func text(_ rows: [OutboxAttention]) -> String {
        guard !rows.isEmpty else { return "" }
        var output = "\nneeds attention (an unknown email may or may not have reached the customer):"
        for row in rows {
            output += "\n  #\(row.id) \(row.state) \(row.action) \(row.store)/\(row.campaign): \(row.lastError ?? "-")"
            output += "\n    to retry: \(row.resend)"
        }
        return output
    }
}
