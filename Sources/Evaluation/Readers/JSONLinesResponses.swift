import Foundation

/// The JSON Lines side of ``ResponseFileReader``: one object per non-blank line; `rank` may
/// be a number or a string of digits.
enum JSONLinesResponses {
    static func records(in data: Data, source: String, errors: inout [ResponseRowError]) -> [ResponseRecord] {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var records: [ResponseRecord] = []
        for (index, lineBytes) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            guard let text = String(data: Data(lineBytes), encoding: .utf8) else {
                errors.append(ResponseRowError(source: source, line: line, reason: "bad encoding: not UTF-8"))
                continue
            }
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                errors.append(ResponseRowError(source: source, line: line, reason: "not a JSON object"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case let text as String: fields[key] = text
                case let number as NSNumber: fields[key] = number.stringValue
                default: continue
                }
            }
            records.append(ResponseRecord(line: line, fields: fields))
        }
        return records
    }
}
