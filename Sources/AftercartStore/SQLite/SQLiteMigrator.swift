import GRDB

/// ``SchemaMigrations`` in SQLite's types, registered with GRDB's migrator,
/// which records them in its own table and runs each in one transaction.
enum SQLiteMigrator {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in SchemaMigrations.all(.sqlite) {
            migrator.registerMigration(migration.identifier) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }()
}
