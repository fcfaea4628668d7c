import Foundation

/// The CSV side of ``ResponseFileReader``: header, records and per-row decoding.
enum CSVResponses {
    static func records(in data: Data, source: String, errors: inout [ResponseRowError]) -> [ResponseRecord] {
        let raw = CSVRecordSplitter.records(in: data).filter { !isBlank($0.bytes) }
        guard let headerRecord = raw.first else {
            errors.append(ResponseRowError(source: source, line: nil, reason: "the file is empty; expected a header"))
            return []
        }
        guard let headerText = String(data: headerRecord.bytes, encoding: .utf8),
            let header = CSVRecordSplitter.fields(of: headerText)?.map({
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            })
        else {
            errors.append(
                ResponseRowError(source: source, line: headerRecord.line, reason: "the header is not readable CSV"))
            return []
        }
        let missing = ResponseFileReader.columns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            errors.append(
                ResponseRowError(
                    source: source, line: headerRecord.line,
                    reason: "the header lacks column \(missing.joined(separator: ", ")); expected "
                        + ResponseFileReader.columns.joined(separator: ",")))
            return []
        }
        var records: [ResponseRecord] = []
        for record in raw.dropFirst() {
            guard let text = String(data: record.bytes, encoding: .utf8) else {
                errors.append(ResponseRowError(source: source, line: record.line, reason: "bad encoding: not UTF-8"))
                continue
            }
            guard let fields = CSVRecordSplitter.fields(of: text) else {
                errors.append(
                    ResponseRowError(source: source, line: record.line, reason: "malformed CSV: unbalanced quotes"))
                continue
            }
            var named: [String: String] = [:]
            for (index, column) in header.enumerated() where index < fields.count {
                named[column] = fields[index]
            }
            records.append(ResponseRecord(line: record.line, fields: named))
        }
        return records
    }

    private static func isBlank(_ bytes: Data) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
