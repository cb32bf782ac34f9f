public import AftercartModel
public import Foundation

extension SQLPersistence: ShipmentEventStore {
    public func recordShipmentEvent(_ event: ShipmentEvent, recordedAt: Date) async throws -> Bool {
        try await executor.transaction("recording a shipment event of \(event.store)") { connection in
            let reached =
                try await connection.query(
                    "SELECT stage FROM shipment_events WHERE store = ? AND order_id = ? AND tracking_number = ?",
                    [.text(event.store.rawValue), .text(event.orderID), .text(event.trackingNumber)]
                ).map { ShipmentStatus(rawValue: try $0.text(0)).map(ShipmentStatus.progress) ?? 0 }.max() ?? 0
            guard ShipmentStatus.progress(event.stage) > reached else { return false }
            try await connection.execute(
                """
                INSERT INTO shipment_events
                    (store, order_id, tracking_number, stage, event_at, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(event.store.rawValue), .text(event.orderID), .text(event.trackingNumber),
                    .text(event.stage.rawValue), .time(event.at), .text(event.source), .time(recordedAt),
                ])
            return true
        }
    }

    public func shipmentEvents(store: StoreID) async throws -> [ShipmentEvent] {
        try await executor.read("reading the shipment events of \(store)") { connection in
            try await connection.query(
                """
                SELECT order_id, tracking_number, stage, event_at, source FROM shipment_events
                WHERE store = ? ORDER BY order_id, tracking_number, event_at
                """,
                [.text(store.rawValue)]
            ).compactMap { row in
                // A stage this binary does not name (a newer one's) is left out.
                guard let stage = ShipmentStatus(rawValue: try row.text(2)) else { return nil }
                return ShipmentEvent(
                    store: store, orderID: try row.text(0), trackingNumber: try row.text(1), stage: stage,
                    at: try row.time(3), source: try row.text(4))
            }
        }
    }

    public func rememberTrackedParcel(_ parcel: TrackedParcelRecord) async throws {
        try await executor.transaction("remembering a tracked parcel of \(parcel.store)") { connection in
            try await connection.execute(
                """
                INSERT INTO tracked_parcels
                    (store, tracking_number, order_id, service, service_id, refusal, registered_at, heard_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (store, tracking_number) DO NOTHING
                """,
                [
                    .text(parcel.store.rawValue), .text(parcel.trackingNumber), .text(parcel.orderID),
                    .text(parcel.service), .text(parcel.serviceID), .text(parcel.refusal), .time(parcel.registeredAt),
                    .time(parcel.heardAt),
                ])
        }
    }

    public func trackedParcels(store: StoreID) async throws -> [TrackedParcelRecord] {
        try await parcels(store: store, "", [])
    }

    public func trackedParcel(store: StoreID, trackingNumber: String) async throws -> TrackedParcelRecord? {
        try await parcels(store: store, " AND tracking_number = ?", [.text(trackingNumber)]).first
    }

    private func parcels(store: StoreID, _ condition: String, _ arguments: [SQLValue]) async throws
        -> [TrackedParcelRecord]
    {
        try await executor.read("reading the tracked parcels of \(store)") { connection in
            try await connection.query(
                """
                SELECT tracking_number, order_id, service, service_id, refusal, registered_at, heard_at
                FROM tracked_parcels WHERE store = ?\(condition) ORDER BY tracking_number
                """,
                [.text(store.rawValue)] + arguments
            ).map { row in
                TrackedParcelRecord(
                    store: store, trackingNumber: try row.text(0), orderID: try row.text(1), service: try row.text(2),
                    serviceID: try row.optionalText(3), refusal: try row.optionalText(4),
                    registeredAt: try row.time(5), heardAt: try row.optionalTime(6))
            }
        }
    }

    public func markParcelHeard(store: StoreID, trackingNumber: String, at: Date) async throws {
        try await executor.transaction("noting a tracked parcel of \(store) heard of") { connection in
            try await connection.execute(
                "UPDATE tracked_parcels SET heard_at = ? WHERE store = ? AND tracking_number = ?",
                [.time(at), .text(store.rawValue), .text(trackingNumber)])
        }
    }
}
