import Foundation

/// Writes the JSON values the daemon answers with (`[String: Any]` trees of strings, numbers,
/// booleans, arrays, objects and `NSNull`) as one line with sorted keys.
///
/// It replaces `JSONSerialization.data(withJSONObject:)`, which on Linux spent most of the
/// daemon's own time bridging to `NSDictionary` and sorting keys through ICU collation. Keys
/// are sorted by Unicode scalar values (the same order for the ASCII keys ddx writes); whole
/// doubles are written without a fraction, as `JSONSerialization` does; non-finite numbers
/// (which JSON cannot express) are written as `null`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The value as one line of JSON text.
    static func text(_ value: Any) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    mutating func write(_ value: Any) {
        switch value {
        case let string as String: write(string: string)
        case let object as [String: Any]: write(object: object)
        case let array as [Any]: write(array: array)
        case let number as NSNumber where type(of: value) is NSNumber.Type: write(number: number)
        case let flag as Bool: append(flag ? "true" : "false")
        case let integer as Int: append(String(integer))
        case let double as Double: write(double: double)
        case let float as Float: write(double: Double(float))
        case let integer as Int32: append(String(integer))
        case let integer as Int64: append(String(integer))
        case let integer as UInt32: append(String(integer))
        case let substring as Substring: write(string: String(substring))
        case is NSNull: append("null")
        default: write(string: String(describing: value))
        }
    }

    private mutating func write(object: [String: Any]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for key in object.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(string: key)
            bytes.append(UInt8(ascii: ":"))
            write(object[key] as Any)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func write(array: [Any]) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in array.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func write(number: NSNumber) {
        switch String(cString: number.objCType) {
        case "c", "B": append(number.boolValue ? "true" : "false")
        case "f", "d": write(double: number.doubleValue)
        case "Q", "L", "I", "S", "C": append(number.stringValue)
        default: append(String(number.int64Value))
        }
    }

    private mutating func write(double: Double) {
        guard double.isFinite else { return append("null") }
        if double == double.rounded(), abs(double) < 1e15 {
            append(String(Int64(double)))
        } else {
            append("\(double)")
        }
    }

    private mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
