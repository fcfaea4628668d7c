import ArgumentParser
import Foundation
import Server

/// `ddx audit`: lists or exports the daemon's audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List or export the audit log `ddx serve` keeps.",
        discussion: """
            One row per clinical request (rank, normalize) the daemon processed: \
            request_id (JSON text of the JSON-RPC id; empty for a notification), time (UTC), \
            method, case_sha256 (SHA-256 of the normalized case, never the case), top_ids \
            (space-separated), knowledge_base, model, latency_ms and error_code (empty on \
            success). Oldest first, in the order the daemon wrote them.
            """)

    @Option(help: "Audit log file (default: $DDX_HOME/audit.sqlite).") var file: String?
    @Option(help: "text, csv or json (JSON Lines).") var format: AuditFormat = .text
    @Option(parsing: .unconditional, help: "Only the newest N rows.") var limit: Int?
    @Flag(help: "Print only the number of rows.") var count = false

    enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json
    }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() throws {
        let path = file ?? Workspace().directory.root.appendingPathComponent("audit.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("\(path): no audit log (start `ddx serve` first, or give --file)")
        }
        let store: AuditStore
        let records: [AuditRecord]
        do {
            store = try AuditStore(path: path)
            if count {
                Terminal.output(String(try store.count()))
                return
            }
            records = try store.records(limit: limit)
        } catch {
            throw CommandFailure("\(path): cannot read the audit log: \(error)")
        }
        switch format {
        case .csv:
            Terminal.output(Self.columns.joined(separator: ","))
            for record in records { Terminal.output(Self.fields(record).map(Self.csvField).joined(separator: ",")) }
        case .json:
            for record in records {
                let object = Dictionary(uniqueKeysWithValues: zip(Self.columns, Self.jsonValues(record)))
                let data = try JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                Terminal.output(String(decoding: data, as: UTF8.self))
            }
        case .text:
            for record in records {
                let outcome = record.errorCode.map { "error \($0)" } ?? "ok"
                Terminal.output(
                    "\(AuditStore.timestamp(record.time))  \(record.method)  id \(record.requestID)  \(outcome)  "
                        + String(format: "%.2f ms", record.latencyMilliseconds) + "  "
                        + (record.topIDs.first.map { "top \($0)" } ?? "-"))
            }
        }
    }

    private static let columns = [
        "request_id", "time", "method", "case_sha256", "top_ids", "knowledge_base", "model", "latency_ms",
        "error_code",
    ]

    private static func fields(_ record: AuditRecord) -> [String] {
        [
            record.requestID, AuditStore.timestamp(record.time), record.method, record.caseDigest ?? "",
            record.topIDs.joined(separator: " "), record.knowledgeBase, record.model,
            String(record.latencyMilliseconds), record.errorCode.map(String.init) ?? "",
        ]
    }

    private static func jsonValues(_ record: AuditRecord) -> [Any] {
        [
            record.requestID, AuditStore.timestamp(record.time), record.method, record.caseDigest ?? NSNull(),
            record.topIDs, record.knowledgeBase, record.model, record.latencyMilliseconds,
            record.errorCode ?? NSNull(),
        ]
    }

    /// RFC 4180: quoted when it holds a comma, quote or newline.
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
