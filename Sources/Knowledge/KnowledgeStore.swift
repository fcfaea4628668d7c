import Foundation
import GRDB
import Ontology

/// The SQLite file that holds a built knowledge base (schema managed by GRDB migrations).
///
/// Building writes to a temporary file and renames it into place (``AtomicFile``), so a reader
/// never sees a half-built store.
public enum KnowledgeStore {
    /// Bumped whenever the schema or the meaning of a column changes.
    public static let schemaVersion = 1

    /// Writes a new store at `url`, replacing any previous one.
    public static func write(
        ontology: Ontology, diseases: [Disease], annotations: [Annotation], info: KnowledgeBaseInfo, to url: URL
    ) throws {
        let temporary = AtomicFile.temporaryURL(beside: url)
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try migrator.migrate(queue)
            try queue.write { db in
                try insertMetadata(info, db)
                try insertTerms(ontology.terms, db)
                try insertDiseases(diseases, db)
                try insertAnnotations(annotations, db)
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        do {
            try AtomicFile.replace(url, with: temporary)
        } catch {
            throw KnowledgeStoreError.unwritable(url.path, reason: error.reason)
        }
    }

    /// Reads the whole store into memory.
    public static func load(from url: URL) throws -> KnowledgeBase {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw KnowledgeStoreError.missing(url.path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        return try queue.read { db in
            let info = try readMetadata(db)
            guard info.schemaVersion == schemaVersion else {
                throw KnowledgeStoreError.schemaMismatch(found: info.schemaVersion, expected: schemaVersion)
            }
            let ontology = Ontology(release: info.hpoRelease, terms: try readTerms(db))
            let diseases = try Row.fetchAll(db, sql: "SELECT id, name FROM disease").map {
                Disease(id: $0[0], name: $0[1])
            }
            let annotations = try readAnnotations(db)
            return KnowledgeBase(info: info, ontology: ontology, diseases: diseases, annotations: annotations)
        }
    }

    /// Reads only the metadata, for `ddx kb info` and staleness checks.
    public static func info(at url: URL) throws -> KnowledgeBaseInfo {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw KnowledgeStoreError.missing(url.path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: url.path, configuration: configuration).read(readMetadata)
    }

    /// Row counts of the main tables, by table name.
    public static func counts(at url: URL) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: url.path, configuration: configuration).read { db in
            var counts: [String: Int] = [:]
            for table in ["term", "synonym", "alt_id", "is_a", "disease", "annotation"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            counts["obsolete_term"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM term WHERE is_obsolete") ?? 0
            counts["negated_annotation"] =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM annotation WHERE negated") ?? 0
            return counts
        }
    }
}

/// Why a store could not be read.
public enum KnowledgeStoreError: Error, CustomStringConvertible {
    case missing(String)
    case schemaMismatch(found: Int, expected: Int)
    case incomplete(String)
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "no knowledge base at \(path): run `ddx setup` (or `ddx kb build`)"
        case .schemaMismatch(let found, let expected):
            "knowledge base schema \(found) does not match this ddx (\(expected)): run `ddx setup --force` to rebuild"
        case .incomplete(let what):
            "knowledge base is incomplete: \(what); run `ddx setup --force` to rebuild"
        case .unwritable(let path, let reason):
            "could not put the new knowledge base at \(path): \(reason)"
        }
    }
}
