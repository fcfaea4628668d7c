import GRDB
import Ontology

extension KnowledgeStore {
    static func insertMetadata(_ info: KnowledgeBaseInfo, _ db: Database) throws {
        var values = [
            "hpo_release": info.hpoRelease,
            "annotation_version": info.annotationVersion,
            "schema_version": String(info.schemaVersion),
            "built_at": info.builtAt,
        ]
        for (file, checksum) in info.checksums { values["sha256:\(file)"] = checksum }
        let statement = try db.makeStatement(sql: "INSERT INTO metadata (key, value) VALUES (?, ?)")
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [key, value])
        }
    }

    static func insertTerms(_ terms: [Term], _ db: Database) throws {
        let term = try db.makeStatement(
            sql: "INSERT INTO term (id, name, definition, is_obsolete, replaced_by) VALUES (?, ?, ?, ?, ?)")
        let synonym = try db.makeStatement(sql: "INSERT INTO synonym (term_id, text, scope, type) VALUES (?, ?, ?, ?)")
        let alternate = try db.makeStatement(sql: "INSERT OR IGNORE INTO alt_id (alt_id, term_id) VALUES (?, ?)")
        let consider = try db.makeStatement(sql: "INSERT INTO consider (term_id, consider_id) VALUES (?, ?)")
        let parent = try db.makeStatement(sql: "INSERT INTO is_a (term_id, parent_id) VALUES (?, ?)")
        for entry in terms {
            let id = entry.id.rawValue
            try term.execute(arguments: [
                id, entry.name, entry.definition, entry.isObsolete, entry.replacedBy?.rawValue,
            ])
            for item in entry.synonyms {
                try synonym.execute(arguments: [id, item.text, item.scope.rawValue, item.type])
            }
            for item in entry.alternateIDs { try alternate.execute(arguments: [item.rawValue, id]) }
            for item in entry.consider { try consider.execute(arguments: [id, item.rawValue]) }
            for item in entry.parents { try parent.execute(arguments: [id, item.rawValue]) }
        }
    }

    static func insertDiseases(_ diseases: [Disease], _ db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO disease (id, name, database) VALUES (?, ?, ?)")
        for disease in diseases {
            try statement.execute(arguments: [disease.id, disease.name, disease.database])
        }
    }

    static func insertAnnotations(_ annotations: [Annotation], _ db: Database) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO annotation (disease_id, term_id, negated, frequency_text, frequency, onset, sex,
                                        modifiers, "references", evidence, aspect, biocuration)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for item in annotations {
            try statement.execute(arguments: [
                item.diseaseID, item.term.rawValue, item.isNegated, item.frequency?.text, item.frequency?.value,
                item.onset?.rawValue, item.sex, item.modifiers.map(\.description).joined(separator: ";"),
                item.referenceList, item.evidence, item.aspect.rawValue, item.biocuration,
            ])
        }
    }
}
