import Foundation
import GRDB

/// The audit log's SQLite file (WAL mode): its schema, batched inserts and reads.
public struct AuditStore: Sendable {
    private let pool: DatabasePool

    /// Opens (creating when needed) the audit database at `path`.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { database in
            try database.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS audit (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id TEXT NOT NULL,
                        time TEXT NOT NULL,
                        method TEXT NOT NULL,
                        case_sha256 TEXT,
                        top_ids TEXT NOT NULL,
                        knowledge_base TEXT NOT NULL,
                        model TEXT NOT NULL,
                        latency_ms REAL NOT NULL,
                        error_code INTEGER
                    )
                    """)
        }
    }

    /// Writes the records in one transaction.
    public func append(_ records: [AuditRecord]) throws {
        guard !records.isEmpty else { return }
        try pool.write { database in
            let statement = try database.cachedStatement(
                sql: """
                    INSERT INTO audit (request_id, time, method, case_sha256, top_ids, knowledge_base, model,
                                       latency_ms, error_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for record in records {
                try statement.execute(arguments: [
                    record.requestID, Self.timestamp(record.time), record.method, record.caseDigest,
                    record.topIDs.joined(separator: " "), record.knowledgeBase, record.model,
                    record.latencyMilliseconds, record.errorCode,
                ])
            }
        }
    }

    /// All records, oldest first, at most `limit` (the newest ones) when given.
    public func records(limit: Int? = nil) throws -> [AuditRecord] {
        try pool.read { database in
            let sql =
                if let limit {
                    "SELECT * FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT \(max(0, limit))) ORDER BY seq"
                } else {
                    "SELECT * FROM audit ORDER BY seq"
                }
            return try Row.fetchAll(database, sql: sql).map(Self.record)
        }
    }

    /// The number of records.
    public func count() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit") ?? 0 }
    }

    private static func record(_ row: Row) -> AuditRecord {
        let ids: String = row["top_ids"] ?? ""
        let time: String = row["time"] ?? ""
        return AuditRecord(
            requestID: row["request_id"] ?? "", time: parseTimestamp(time) ?? Date(timeIntervalSince1970: 0),
            method: row["method"] ?? "", caseDigest: row["case_sha256"],
            topIDs: ids.split(separator: " ").map(String.init), knowledgeBase: row["knowledge_base"] ?? "",
            model: row["model"] ?? "", latencyMilliseconds: row["latency_ms"] ?? 0, errorCode: row["error_code"])
    }

    /// ISO 8601 in UTC with milliseconds: `2026-11-29T23:01:02.345Z`.
    public static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        let milliseconds = min(999, Int((seconds - Double(whole)) * 1000))
        var parts = tm()
        gmtime_r(&whole, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func append(_ value: Int, digits: Int, then separator: Character?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while value / divisor >= 10 { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            if let separator, let ascii = separator.asciiValue { text.append(ascii) }
        }
        append(Int(parts.tm_year) + 1900, digits: 4, then: "-")
        append(Int(parts.tm_mon) + 1, digits: 2, then: "-")
        append(Int(parts.tm_mday), digits: 2, then: "T")
        append(Int(parts.tm_hour), digits: 2, then: ":")
        append(Int(parts.tm_min), digits: 2, then: ":")
        append(Int(parts.tm_sec), digits: 2, then: ".")
        append(milliseconds, digits: 3, then: "Z")
        return String(decoding: text, as: UTF8.self)
    }

    private static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
