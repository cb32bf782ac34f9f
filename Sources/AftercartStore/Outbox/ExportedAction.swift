import Foundation

/// An outbox row as `export actions` prints it.
public struct ExportedAction: Encodable, Sendable {
    let entry: OutboxEntry

    /// The row `entry` as exported.
    public init(_ entry: OutboxEntry) { self.entry = entry }

    enum CodingKeys: String, CodingKey {
        case id
        case idempotencyKey = "idempotency_key"
        case store, campaign
        case subjectKind = "subject_kind"
        case subjectID = "subject_id"
        case action, state, attempts
        case notBefore = "not_before"
        case result
        case lastError = "last_error"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case payload
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(entry.id), forKey: .id)
        try container.encode(entry.idempotencyKey, forKey: .idempotencyKey)
        try container.encode(entry.store, forKey: .store)
        try container.encode(entry.campaign, forKey: .campaign)
        try container.encode(entry.subjectKind, forKey: .subjectKind)
        try container.encode(entry.subjectID, forKey: .subjectID)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.state, forKey: .state)
        try container.encode(entry.attempts, forKey: .attempts)
        try container.encode(entry.notBefore, forKey: .notBefore)
        try container.encode(entry.result, forKey: .result)
        try container.encode(entry.lastError, forKey: .lastError)
        try container.encode(entry.createdAt, forKey: .createdAt)
        try container.encode(entry.updatedAt, forKey: .updatedAt)
        try container.encode(entry.payload, forKey: .payload)
    }
}
