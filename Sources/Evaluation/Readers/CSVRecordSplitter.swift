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
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var records: [RawRecord] = []
        var current = Data()
        var line = 1
        var start = 1
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: "\n") {
                line += 1
                if !quoted {
                    if current.last == UInt8(ascii: "\r") { current.removeLast() }
                    records.append(RawRecord(line: start, bytes: current))
                    current = Data()
                    start = line
                    continue
                }
            }
            current.append(byte)
        }
        if !current.isEmpty { records.append(RawRecord(line: start, bytes: current)) }
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
