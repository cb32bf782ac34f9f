/// Everything Aftercart keeps between runs: synced records with their sync
/// checkpoints, leases that keep two workers off the same store, and the
/// outbox of planned actions.
///
/// The sync engine, the engagement planner, the delivery executor and the
/// CLI all talk to this protocol, never to a database. ``SQLitePersistence``
/// implements it for one process with a file; a PostgreSQL backend for
/// several workers implements the same contract:
///
/// - a page of records and its checkpoint commit together or not at all;
/// - upserts are keyed by (store, platform id) and a re-applied page changes nothing;
/// - time is always passed in (`now:` / `at:`), never read inside;
/// - every failure is a ``PersistenceError``.
///
/// Parts of the system that need only one area can depend on the narrower
/// protocols (``RecordStore``, ``CheckpointStore``, ``LeaseStore``, ``OutboxStore``).
public protocol Persistence: RecordStore, CheckpointStore, LeaseStore, OutboxStore, RejectStore {
    /// Where the data lives, safe to print (a file path or a password-free URL).
    var location: String { get }

    /// The schema version of the database and of this binary.
    func schemaStatus() async throws -> SchemaStatus

    /// Releases connections. Calls after `close()` fail with a ``PersistenceError``.
    func close() async throws
}
