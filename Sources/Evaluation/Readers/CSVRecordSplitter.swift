import Foundation

/// Splits CSV bytes (RFC 4180) into records: a line break inside double quotes belongs to
/// the field; CRLF and LF both end a record; a leading UTF-8 byte order mark is dropped. Each
/// record keeps the line it starts on, and its bytes are decoded on their own so that one row
/// with bad UTF-8 fails alone.
struct CSVRecordSplitter {
    /// A record's raw bytes (without its line break) and first line.
    struct RawRecord {
        var line: Int
        var bytes: Data
    }

    static func records(in data: Data) -> [RawRecord] {
        let bytes = [UInt8](data)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records: [RawRecord] = []
        var line = 1
        var startLine = 1
        var quoted = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "\n") {
                line += 1
                if !quoted {
                    var end = index
                    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    records.append(RawRecord(line: startLine, bytes: Data(bytes[start..<end])))
                    start = index + 1
                    startLine = line
                }
            }
        }
        var end = bytes.count
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if start < end { records.append(RawRecord(line: startLine, bytes: Data(bytes[start..<end]))) }
        return records
    }

    /// The fields of one decoded record; nil when a quote is left open or text follows a
    /// closing quote.
    static func fields(of text: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = characters.next()
        while let scalar = pending {
            pending = characters.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "," {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if scalar == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if wasQuoted {
                return nil
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }
}
