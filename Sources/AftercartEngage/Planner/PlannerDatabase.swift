public import AftercartStore

/// What the planner needs from persistence: records to read, the outbox to
/// write, and the bulk planning views. ``SQLitePersistence`` is one.
public typealias PlannerDatabase = RecordStore & OutboxStore & PlanningStore
