import GRDB
import Ontology

extension KnowledgeStore {
    static func readMetadata(_ db: Database) throws -> KnowledgeBaseInfo {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM metadata") {
            values[row[0]] = row[1]
        }
        guard let release = values["hpo_release"], let schema = values["schema_version"].flatMap(Int.init) else {
            throw KnowledgeStoreError.incomplete("metadata lacks the HPO release or schema version")
        }
        var checksums: [String: String] = [:]
        for (key, value) in values where key.hasPrefix("sha256:") {
            checksums[String(key.dropFirst("sha256:".count))] = value
        }
        return KnowledgeBaseInfo(
            hpoRelease: release, annotationVersion: values["annotation_version"] ?? "",
            checksums: checksums, schemaVersion: schema, builtAt: values["built_at"] ?? "")
    }

    static func readTerms(_ db: Database) throws -> [Term] {
        var terms: [Term] = []
        var position: [Int32: Int] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, name, definition, is_obsolete, replaced_by FROM term")
        while let row = try cursor.next() {
            let id: Int32 = row[0]
            position[id] = terms.count
            terms.append(
                Term(
                    id: TermID(id), name: row[1], definition: row[2], isObsolete: row[3],
                    replacedBy: (row[4] as Int32?).map(TermID.init)))
        }
        func each(_ sql: String, _ body: (Int, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                if let index = position[row[0]] { body(index, row) }
            }
        }
        try each("SELECT term_id, parent_id FROM is_a") { terms[$0].parents.append(TermID($1[1])) }
        try each("SELECT term_id, alt_id FROM alt_id") { terms[$0].alternateIDs.append(TermID($1[1])) }
        try each("SELECT term_id, consider_id FROM consider") { terms[$0].consider.append(TermID($1[1])) }
        try each("SELECT term_id, text, scope, type FROM synonym") { index, row in
            let scope = Synonym.Scope(rawValue: row[2]) ?? .related
            terms[index].synonyms.append(Synonym(text: row[1], scope: scope, type: row[3]))
        }
        return terms
    }

    static func readAnnotations(_ db: Database) throws -> [Annotation] {
        var annotations: [Annotation] = []
        annotations.reserveCapacity(300_000)
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT disease_id, term_id, negated, frequency_text, frequency, onset, sex, modifiers,
                       "references", evidence, aspect, biocuration
                FROM annotation ORDER BY rowid
                """)
        var frequencies: [String: Frequency] = [:]  // few distinct texts: parse each once
        while let row = try cursor.next() {
            var frequency: Frequency?
            if let text = row[3] as String?, let value = row[4] as Double? {
                frequency = frequencies[text] ?? Frequency(text: text, value: value)
                frequencies[text] = frequency
            }
            let modifiers: String = row[7]
            var annotation = Annotation(
                diseaseID: row[0], term: TermID(row[1]), isNegated: row[2], frequency: frequency,
                onset: (row[5] as Int32?).map(TermID.init), sex: row[6],
                modifiers: modifiers.isEmpty ? [] : modifiers.split(separator: ";").compactMap { TermID($0) },
                evidence: row[9], aspect: Annotation.Aspect(rawValue: row[10]) ?? .phenotype,
                biocuration: row[11])
            annotation.referenceList = row[8]
            annotations.append(annotation)
        }
        return annotations
    }
}
