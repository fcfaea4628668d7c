import Clinical
import Foundation
import Service

/// Reading and writing the JSON of one protocol line, defensively.
///
/// Plain objects are read by the case reader's ``StrictJSONParser``, which gives the values
/// `JSONSerialization` would, several times faster; everything else goes to `JSONSerialization`.
/// Before either sees a line, a scan checks that it is UTF-8 and nested no deeper
/// than ``maxDepth``, so hostile input (10,000 nested arrays, invalid bytes) gets a precise
/// error instead of reaching the parser. Numbers the parser cannot represent (`1e999`) come
/// back as parse errors from `JSONSerialization` itself.
enum JSONLine {
    /// Deep enough for any case (a phenopacket nests about 8 levels), far below the parser's own limit.
    static let maxDepth = 64

    /// The parsed value of a line, or a -32700 error that says what is wrong with it. The fast
    /// parser leaves out what `pruning` does (a line it gives up on is read whole).
    static func parse(_ bytes: UnsafeRawBufferPointer, pruning: JSONPruning = .whole) -> Result<Any, RPCError> {
        // A request is a plain object nearly always: the case reader's fast parser gives the
        // values JSONSerialization would, and checks the nesting depth itself. Anything it
        // leaves (batches, errors, deep nesting) is scanned and goes to JSONSerialization.
        if isUTF8(bytes), let object = StrictJSONParser.object(in: bytes, maxDepth: maxDepth, pruning: pruning) {
            return .success(object)
        }
        if let problem = scan(bytes) { return .failure(.parseError(problem)) }
        do {
            let data = Data(bytes)
            return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            return .failure(.parseError(complaint(error)))
        }
    }

    /// Nesting depth over the limit, or invalid UTF-8: described; nil when the line may be parsed.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> String? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    return "nested deeper than \(maxDepth) levels (at byte \(offset + 1))"
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        if let bad = firstInvalidUTF8(bytes) { return "not UTF-8: invalid byte sequence at byte \(bad + 1)" }
        return nil
    }

    /// Whether the bytes are valid UTF-8; ASCII (the usual case) is checked eight bytes at a time.
    static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        isASCII(bytes) || firstInvalidUTF8(bytes) == nil
    }

    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let words = bytes.count / 8
        var high: UInt64 = 0
        for word in 0..<words {
            high |= bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
        }
        for offset in (words * 8)..<bytes.count { high |= UInt64(bytes[offset]) }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    private static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        if isASCII(bytes) { return nil }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// What `JSONSerialization` said, without its final period.
    private static func complaint(_ error: any Error) -> String {
        guard let message = (error as NSError).userInfo["NSDebugDescription"] as? String else {
            return "not valid JSON"
        }
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        return "not valid JSON: \(trimmed)"
    }

    /// A JSON string literal.
    static func quoted(_ string: String) -> String { JSONText.line(string) }

    /// One-line JSON with sorted keys.
    static func encode(_ object: Any) -> String { JSONText.line(object) }
}
