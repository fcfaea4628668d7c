import Foundation

/// The CSV a person fills in to settle answers the grader could not resolve:
/// `answer,decision,count,example_case,example_truth,suggestion`. `decision` is a disease id
/// (`OMIM:…`, `ORPHA:…`) or `wrong`; an empty decision is still pending.
public struct AdjudicationFile: Sendable {
    public static let header = ["answer", "decision", "count", "example_case", "example_truth", "suggestion"]

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// A row of the file.
    public struct Row: Sendable, Equatable {
        public var answer: String
        public var decision: String
        public var count: Int
        public var exampleCase: String
        public var exampleTruth: String
        public var suggestion: String

        public init(
            answer: String, decision: String, count: Int = 0, exampleCase: String = "", exampleTruth: String = "",
            suggestion: String = ""
        ) {
            self.answer = answer
            self.decision = decision
            self.count = count
            self.exampleCase = exampleCase
            self.exampleTruth = exampleTruth
            self.suggestion = suggestion
        }
    }

    /// The rows of an existing file (none when it does not exist); rows whose decision is
    /// neither empty, `wrong` nor an id are reported in `errors` as `file:line: reason`.
    public func read() -> (rows: [Row], errors: [ResponseRowError]) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], []) }
        var rows: [Row] = []
        var errors: [ResponseRowError] = []
        let records = CSVRecordSplitter.records(in: data)
        guard let headerRecord = records.first, let headerText = String(data: headerRecord.bytes, encoding: .utf8),
            let header = CSVRecordSplitter.fields(of: headerText), header.contains("answer"),
            header.contains("decision")
        else {
            return ([], [ResponseRowError(source: path, line: 1, reason: "expected a header with answer,decision")])
        }
        for record in records.dropFirst() {
            guard let text = String(data: record.bytes, encoding: .utf8),
                let fields = CSVRecordSplitter.fields(of: text)
            else {
                errors.append(ResponseRowError(source: path, line: record.line, reason: "not readable CSV (UTF-8)"))
                continue
            }
            var named: [String: String] = [:]
            for (index, column) in header.enumerated() where index < fields.count { named[column] = fields[index] }
            let decision = named["decision", default: ""].trimmingCharacters(in: .whitespaces)
            if !decision.isEmpty && Adjudications.Decision(text: decision) == nil {
                errors.append(
                    ResponseRowError(
                        source: path, line: record.line,
                        reason: "decision \"\(decision)\" is neither a disease id (OMIM:…, ORPHA:…) nor \"wrong\""))
                continue
            }
            rows.append(
                Row(
                    answer: named["answer", default: ""], decision: decision,
                    count: Int(named["count", default: ""]) ?? 0,
                    exampleCase: named["example_case", default: ""], exampleTruth: named["example_truth", default: ""],
                    suggestion: named["suggestion", default: ""]))
        }
        return (rows, errors)
    }

    /// Writes `rows` (decided ones too, so the file stays the record of every decision).
    public func write(_ rows: [Row]) throws {
        var lines = [Self.header.joined(separator: ",")]
        for row in rows {
            lines.append(
                [row.answer, row.decision, String(row.count), row.exampleCase, row.exampleTruth, row.suggestion]
                    .map(Self.quoted).joined(separator: ","))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
