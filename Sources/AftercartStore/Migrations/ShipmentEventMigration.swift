/// Migration v9: `shipment_events` (each stage a tracking source reported
/// for a parcel, once) and `tracked_parcels` (each tracking number handed to
/// a tracking service, once, with when it was last heard of).
enum ShipmentEventMigration {
    static func statements(_ types: SQLColumnTypes) -> [String] {
        [
            """
            CREATE TABLE shipment_events (
                store \(types.key) NOT NULL,
                order_id \(types.key) NOT NULL,
                tracking_number \(types.key) NOT NULL CHECK (tracking_number <> ''),
                stage \(types.key) NOT NULL,
                event_at \(types.time) NOT NULL,
                source TEXT NOT NULL,
                recorded_at \(types.time) NOT NULL,
                PRIMARY KEY (store, order_id, tracking_number, stage)
            )
            """,
            """
            CREATE TABLE tracked_parcels (
                store \(types.key) NOT NULL,
                tracking_number \(types.key) NOT NULL CHECK (tracking_number <> ''),
                order_id TEXT NOT NULL,
                service TEXT NOT NULL,
                service_id TEXT,
                refusal TEXT,
                registered_at \(types.time) NOT NULL,
                heard_at \(types.time),
                PRIMARY KEY (store, tracking_number)
            )
            """,
        ]
    }
}
