public import AftercartStore

/// What the planner needs from persistence: records to read, the outbox to
/// write, the bulk planning views, and who was forgotten.
/// ``SQLitePersistence`` is one.
public typealias PlannerDatabase = RecordStore & OutboxStore & PlanningStore & PersonalDataStore
