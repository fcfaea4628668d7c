import GRDB

extension KnowledgeStore {
    /// The schema, one migration per version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "metadata") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "term") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull()
                t.column("definition", .text)
                t.column("is_obsolete", .boolean).notNull()
                t.column("replaced_by", .integer)
            }
            try db.create(table: "synonym") { t in
                t.column("term_id", .integer).notNull().indexed()
                t.column("text", .text).notNull()
                t.column("scope", .text).notNull()
                t.column("type", .text)
            }
            try db.create(table: "alt_id") { t in
                t.primaryKey("alt_id", .integer)
                t.column("term_id", .integer).notNull()
            }
            try db.create(table: "consider") { t in
                t.column("term_id", .integer).notNull().indexed()
                t.column("consider_id", .integer).notNull()
            }
            try db.create(table: "is_a") { t in
                t.column("term_id", .integer).notNull().indexed()
                t.column("parent_id", .integer).notNull()
            }
            try db.create(table: "disease") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("database", .text).notNull()
            }
            try db.create(table: "annotation") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("disease_id", .text).notNull().indexed()
                t.column("term_id", .integer).notNull().indexed()
                t.column("negated", .boolean).notNull()
                t.column("frequency_text", .text)
                t.column("frequency", .double)
                t.column("onset", .integer)
                t.column("sex", .text)
                t.column("modifiers", .text).notNull()
                t.column("references", .text).notNull()
                t.column("evidence", .text).notNull()
                t.column("aspect", .text).notNull()
                t.column("biocuration", .text).notNull()
            }
        }
        return migrator
    }
}
