import Foundation

/// Reads reader responses in either format of SPEC — CSV with the header
/// `reader_id,case_id,condition,rank,diagnosis` (any column order, extra columns ignored,
/// quoted fields, CRLF, BOM) or JSON Lines objects with the same keys — and checks every row.
///
/// A bad row (unknown case id, rank outside 1…10, a rank given twice in one list, a missing
/// column, bytes that are not UTF-8, …) is refused with its line and reason; every valid row is
/// kept. A file whose CSV header lacks a column refuses all of its rows.
public struct ResponseFileReader: Sendable {
    /// The columns (CSV) or keys (JSON Lines) every row needs.
    public static let columns = ["reader_id", "case_id", "condition", "rank", "diagnosis"]
    /// Ranks a list may use.
    public static let ranks = 1...10

    /// Case ids of the evaluated set; a row naming another case is refused.
    public var caseIDs: Set<String>
    /// Cases of the input left out of the evaluation (no truth, another publication side): a row
    /// naming one is refused with that reason.
    public var excludedCaseIDs: Set<String>

    public init(caseIDs: Set<String>, excludedCaseIDs: Set<String> = []) {
        self.caseIDs = caseIDs
        self.excludedCaseIDs = excludedCaseIDs
    }

    /// The valid rows in file order, and the refused ones.
    public struct Result: Sendable {
        public var responses: [ReaderResponse]
        public var errors: [ResponseRowError]
    }

    /// Reads the file at `path`.
    public func read(path: String) throws(ResponseRowError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResponseRowError(source: path, line: nil, reason: "cannot read the file (missing or not readable)")
        }
        return read(data, source: path)
    }

    /// Reads responses already in memory; `source` names them in errors.
    public func read(_ data: Data, source: String) -> Result {
        var errors: [ResponseRowError] = []
        let records =
            isJSONLines(data)
            ? JSONLinesResponses.records(in: data, source: source, errors: &errors)
            : CSVResponses.records(in: data, source: source, errors: &errors)
        var responses: [ReaderResponse] = []
        var ranksSeen: [ReaderResponse.ListKey: [Int: Int]] = [:]
        for record in records {
            switch validate(record) {
            case .failure(let reason):
                errors.append(ResponseRowError(source: source, line: record.line, reason: reason))
            case .success(let response):
                if let earlier = ranksSeen[response.listKey]?[response.rank] {
                    errors.append(
                        ResponseRowError(
                            source: source, line: record.line,
                            reason: "rank \(response.rank) is given twice in the list of reader "
                                + "\"\(response.readerID)\", case \"\(response.caseID)\", condition "
                                + "\"\(response.condition)\" (first on line \(earlier))"))
                    continue
                }
                ranksSeen[response.listKey, default: [:]][response.rank] = record.line
                responses.append(response)
            }
        }
        errors.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return Result(responses: responses, errors: errors)
    }

    private func isJSONLines(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{")
    }

    private enum Validation {
        case success(ReaderResponse)
        case failure(String)
    }

    private func validate(_ record: ResponseRecord) -> Validation {
        let missing = Self.columns.filter { record.fields[$0] == nil }
        guard missing.isEmpty else {
            return .failure("missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
        }
        var values: [String: String] = [:]
        for column in Self.columns {
            let raw = record.fields[column] ?? ""
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return .failure("\(column) is empty") }
            values[column] = value
        }
        let caseID = values["case_id", default: ""]
        if excludedCaseIDs.contains(caseID) && !caseIDs.contains(caseID) {
            return .failure("case \"\(caseID)\" is not evaluated (it has no truth or was left out of this run)")
        }
        guard caseIDs.contains(caseID) else { return .failure("unknown case id \"\(caseID)\" (not in the case set)") }
        let rankText = values["rank", default: ""]
        guard let rank = Int(rankText) else { return .failure("rank \"\(rankText)\" is not a whole number") }
        guard Self.ranks.contains(rank) else { return .failure("rank \(rank) is outside 1…10") }
        return .success(
            ReaderResponse(
                readerID: values["reader_id", default: ""], caseID: caseID, condition: values["condition", default: ""],
                rank: rank, diagnosis: values["diagnosis", default: ""], line: record.line))
    }
}
