import Foundation

/// Parses text that should hold one JSON object, with errors that say where it went wrong.
///
/// Plain JSON takes the fast path of ``StrictJSONParser``; anything it gives up on goes to
/// `JSONSerialization`, which decides what it is and words the error.
enum JSONObjectParser {
    /// The object, or a `malformedJSON` / `wrongType` error with the parser's complaint,
    /// the line and column (for multi-line documents) and a short excerpt around the spot.
    /// The fast path leaves out what `pruning` does; what it gives up on is read whole.
    static func object(
        from text: String, at location: InputLocation, pruning: JSONPruning = .whole
    ) throws(CaseInputError) -> [String: Any] {
        if let object = StrictJSONParser.object(in: text, pruning: pruning) { return object }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw location.error(.malformedJSON, reason(for: error, in: text, isBatchLine: location.line != nil))
        }
        guard let object = parsed as? [String: Any] else {
            let hint = parsed is [Any] ? "; for several cases write one object per line (JSON Lines)" : ""
            throw location.error(
                .wrongType, "expected a JSON object for a case, got \(JSONFields.describe(parsed))\(hint)")
        }
        return object
    }

    /// True when the text parses as a JSON object on its own.
    static func isObject(_ text: String) -> Bool {
        guard text.first(where: { !$0.isWhitespace }) == "{" else { return false }
        if StrictJSONParser.object(in: text) != nil { return true }
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        return parsed is [String: Any]
    }

    /// In a batch line the location already names the line, so only the column is given
    /// (the parser's own "line 1" would contradict the batch line number).
    private static func reason(for error: any Error, in text: String, isBatchLine: Bool) -> String {
        let complaint = parserComplaint(error)
        if let escape = loneSurrogate(in: text) {
            return "malformed JSON: the string escape \(escape) is half of a UTF-16 surrogate pair (not a character)"
        }
        if complaint.localizedCaseInsensitiveContains("end of file") {
            return "malformed JSON: the text ends before the JSON does (truncated?): …"
                + excerpt(text.utf8.suffix(30))
        }
        guard let offset = characterOffset(in: complaint), offset <= text.utf8.count else {
            return "malformed JSON: \(complaint): \(excerpt(text.utf8.prefix(40)))…"
        }
        let spot = position(of: offset, in: text, withLine: !isBatchLine)
        return "malformed JSON: \(complaint) (\(spot)): near \(near(offset, in: text))"
    }

    /// The first `\uD800`–`\uDFFF` escape that is not part of a high–low pair: Foundation
    /// rejects it with a misleading "unexpected end of file".
    static func loneSurrogate(in text: String) -> String? {
        let bytes = Array(text.utf8)
        func unit(at index: Int) -> UInt16? {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            return UInt16(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                index += 2  // an escaped backslash
                continue
            }
            guard let value = unit(at: index) else {
                index += 1
                continue
            }
            if value & 0xFC00 == 0xD800, let low = unit(at: index + 6), low & 0xFC00 == 0xDC00 {
                index += 12
                continue
            }
            if value & 0xF800 == 0xD800 { return String(decoding: bytes[index..<index + 6], as: UTF8.self) }
            index += 6
        }
        return nil
    }

    /// What `JSONSerialization` said, without its final period.
    private static func parserComplaint(_ error: any Error) -> String {
        guard let message = (error as NSError).userInfo["NSDebugDescription"] as? String else {
            return "not valid JSON"
        }
        return message.hasSuffix(".") ? String(message.dropLast()) : message
    }

    /// The byte offset in a message like `Invalid value around character 17`.
    private static func characterOffset(in complaint: String) -> Int? {
        guard let range = complaint.range(of: "character ") else { return nil }
        return Int(complaint[range.upperBound...].prefix(while: \.isNumber))
    }

    /// `line 3, column 8` (or `column 8` without the line), 1-based, for a 0-based byte offset.
    private static func position(of offset: Int, in text: String, withLine: Bool) -> String {
        let before = Array(text.utf8.prefix(offset))
        let line = before.count(where: { $0 == 0x0A }) + 1
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = "column \(offset - lineStart + 1)"
        return withLine ? "line \(line), \(column)" : column
    }

    private static func near(_ offset: Int, in text: String) -> String {
        let bytes = text.utf8
        let start = bytes.index(bytes.startIndex, offsetBy: max(0, offset - 20))
        let end = bytes.index(bytes.startIndex, offsetBy: min(bytes.count, offset + 20))
        return excerpt(bytes[start..<end])
    }

    private static func excerpt(_ bytes: some Sequence<UInt8>) -> String {
        let text = String(decoding: Array(bytes), as: UTF8.self)
        return "`" + String(text.map { $0.isNewline ? "⏎" : $0 }) + "`"
    }
}
