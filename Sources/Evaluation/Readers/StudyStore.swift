import Foundation
import GRDB

/// A reader study kept in SQLite, so its report can be re-run without the response file:
/// the responses (as imported, with their lines), the grade of every answer of the last run,
/// and people's adjudications.
public struct StudyStore: Sendable {
    private let queue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the study at `path`.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path)
        self.path = path
        try Self.migrator.migrate(queue)
    }

    /// A study kept in memory only, for when its file cannot be written.
    public init() throws {
        queue = try DatabaseQueue()
        path = ":memory:"
        try Self.migrator.migrate(queue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "response") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("reader_id", .text).notNull()
                table.column("case_id", .text).notNull()
                table.column("condition", .text).notNull()
                table.column("rank", .integer).notNull()
                table.column("diagnosis", .text).notNull()
                table.column("line", .integer).notNull()
            }
            try db.create(table: "grading") { table in
                table.column("response_id", .integer).notNull().references("response", onDelete: .cascade)
                table.column("truth", .text).notNull()
                table.column("grade", .text).notNull()
            }
            try db.create(table: "adjudication") { table in
                table.primaryKey("answer_key", .text)
                table.column("answer", .text).notNull()
                table.column("decision", .text).notNull()
            }
            try db.create(table: "study") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
        }
        return migrator
    }

    /// Replaces the stored responses with `responses`, imported from `source`.
    public func replaceResponses(_ responses: [ReaderResponse], source: String) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grading")
            try db.execute(sql: "DELETE FROM response")
            for response in responses {
                try db.execute(
                    sql:
                        "INSERT INTO response (reader_id, case_id, condition, rank, diagnosis, line) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        response.readerID, response.caseID, response.condition, response.rank, response.diagnosis,
                        response.line,
                    ])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO study (key, value) VALUES ('responses_source', ?)", arguments: [source])
        }
    }

    /// The stored responses in import order.
    public func responses() throws -> [ReaderResponse] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT reader_id, case_id, condition, rank, diagnosis, line FROM response ORDER BY id"
            ).map {
                ReaderResponse(
                    readerID: $0[0], caseID: $0[1], condition: $0[2], rank: $0[3], diagnosis: $0[4], line: $0[5])
            }
        }
    }

    /// The file the stored responses came from.
    public func responsesSource() throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM study WHERE key = 'responses_source'") }
    }

    /// Records the grade of every answer (replacing the previous run's).
    public func saveGradings(_ gradings: [(ReaderResponse, AnswerGrade)], truths: [String: String]) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grading")
            var ids: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, reader_id, case_id, condition, rank FROM response") {
                let key = Self.key(row[1], row[2], row[3], row[4])
                ids[key] = row[0]
            }
            let insert = try db.makeStatement(sql: "INSERT INTO grading (response_id, truth, grade) VALUES (?, ?, ?)")
            for (response, grade) in gradings {
                let key = Self.key(response.readerID, response.caseID, response.condition, response.rank)
                guard let id = ids[key] else { continue }
                try insert.execute(
                    arguments: [id, truths[response.caseID] ?? "", grade.rawValue])
            }
        }
    }

    /// Stored grade counts, for `ddx eval` to say what the last run found.
    public func gradeCounts() throws -> [String: Int] {
        try queue.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT grade, COUNT(*) FROM grading GROUP BY grade") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    /// Adds or replaces decisions, keyed by answer key.
    public func saveAdjudications(_ decisions: [(key: String, answer: String, decision: Adjudications.Decision)]) throws
    {
        try queue.write { db in
            for item in decisions {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO adjudication (answer_key, answer, decision) VALUES (?, ?, ?)",
                    arguments: [item.key, item.answer, item.decision.text])
            }
        }
    }

    /// Every stored decision.
    public func adjudications() throws -> (decisions: Adjudications, answers: [String: String]) {
        try queue.read { db in
            var decisions: [String: Adjudications.Decision] = [:]
            var answers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT answer_key, answer, decision FROM adjudication") {
                let key: String = row[0]
                if let decision = Adjudications.Decision(text: row[2]) {
                    decisions[key] = decision
                    answers[key] = row[1]
                }
            }
            return (Adjudications(decisions: decisions), answers)
        }
    }

    private static func key(_ reader: String, _ caseID: String, _ condition: String, _ rank: Int) -> String {
        [reader, caseID, condition, String(rank)].joined(separator: "\u{1F}")
    }
}
