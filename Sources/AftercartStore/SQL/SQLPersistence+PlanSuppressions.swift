public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func recordSuppressedOccurrences(_ occurrences: [SuppressedOccurrence], store: StoreID, now: Date)
        async throws
    {
        guard !occurrences.isEmpty else { return }
        let secret = try await forgetSecret()
        let rows = occurrences.map { occurrence in
            [
                SQLValue.text(store.rawValue), .text(occurrence.campaign),
                .text(ForgottenCustomers.key(of: occurrence.occurrenceKey, store: store, secret: secret)),
                .text(ForgottenCustomers.key(of: occurrence.email, store: store, secret: secret)),
                .text(occurrence.reason), .time(now),
            ]
        }
        try await executor.transaction("recording suppressed occurrences of \(store)") { connection in
            for chunk in rows.chunked(Self.maximumRowsPerStatement) {
                // The first reason stays: a period counts an occurrence once, when it was first suppressed.
                try await connection.execute(
                    """
                    INSERT INTO plan_suppressions (store, campaign, occurrence, customer, reason, first_seen_at)
                    VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", "))
                    ON CONFLICT (store, campaign, occurrence) DO NOTHING
                    """,
                    chunk.flatMap { $0 })
            }
        }
    }

    /// Deletes the suppressed occurrences of the customer whose keyed hash is `key`.
    func eraseSuppressedOccurrences(customerKey key: String, store: StoreID, on connection: Executor.Connection)
        async throws -> Int
    {
        try await connection.count(
            "DELETE FROM plan_suppressions WHERE store = ? AND customer = ? RETURNING 1",
            [.text(store.rawValue), .text(key)])
    }
}
