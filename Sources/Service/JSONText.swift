import Foundation

/// One-line JSON with sorted keys, for output that scripts and tests compare.
///
/// It writes the same JSON as `JSONSerialization` with `.sortedKeys` and
/// `.withoutEscapingSlashes`, for the values commands build (`[String: Any]`, `[Any]`, strings,
/// integers, floating-point numbers, booleans, `NSNull`), about twenty times faster: Foundation's
/// writer sorts keys through `AnyHashable` and casts every value dynamically, which made JSON
/// output the largest cost of `ddx rank --format json`.
public enum JSONText {
    public static func encode(_ object: Any) throws -> String {
        var writer = Writer()
        try writer.write(object)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A value JSON cannot hold, or a number it cannot write.
    public struct EncodingError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes UTF-8 bytes: escaping works byte by byte, since every byte of a multi-byte
    /// UTF-8 sequence is ≥ 0x80 and only ASCII needs escaping.
    private struct Writer {
        var bytes: [UInt8] = []

        private mutating func append(_ ascii: String) {
            bytes.append(contentsOf: ascii.utf8)
        }

        mutating func write(_ value: Any) throws {
            switch value {
            case let string as String: writeString(string)
            case let object as [String: Any]: try writeObject(object)
            case let array as [Any]: try writeArray(array)
            // Numbers parsed by JSONSerialization are NSNumber objects, which also cast to Bool
            // (1 → true): take them first, by their own type.
            case let number as NSNumber where type(of: value) is NSNumber.Type: try writeFoundationNumber(number)
            case let bool as Bool: append(bool ? "true" : "false")
            case let integer as Int: append(String(integer))
            case let number as Double: try writeNumber(number)
            case let number as Float: try writeNumber(Double(number))
            case let integer as Int64: append(String(integer))
            case let integer as Int32: append(String(integer))
            case let integer as UInt64: append(String(integer))
            case is NSNull: append("null")
            case let number as NSNumber: try writeNumber(number.doubleValue)
            default: throw EncodingError(description: "JSON cannot hold a value of type \(type(of: value))")
            }
        }

        private mutating func writeObject(_ object: [String: Any]) throws {
            append("{")
            for (position, key) in object.keys.sorted().enumerated() {
                if position > 0 { append(",") }
                writeString(key)
                append(":")
                if let value = object[key] { try write(value) }
            }
            append("}")
        }

        private mutating func writeArray(_ array: [Any]) throws {
            append("[")
            for (position, element) in array.enumerated() {
                if position > 0 { append(",") }
                try write(element)
            }
            append("]")
        }

        /// A Foundation number as JSON: booleans (`c`) as true/false, integer types as integers.
        private mutating func writeFoundationNumber(_ number: NSNumber) throws {
            switch String(cString: number.objCType) {
            case "c", "B": append(number.boolValue ? "true" : "false")
            case "s", "i", "l", "q", "S", "I", "L", "Q": append(number.stringValue)
            default: try writeNumber(number.doubleValue)
            }
        }

        /// Integral values as integers (as Foundation writes them), others in the shortest form
        /// that reads back to the same value.
        private mutating func writeNumber(_ number: Double) throws {
            guard number.isFinite else { throw EncodingError(description: "JSON cannot hold the number \(number)") }
            if number == number.rounded(), abs(number) < 1e15 {
                append(String(Int64(number)))
            } else {
                append(String(number))
            }
        }

        private mutating func writeString(_ string: String) {
            bytes.append(UInt8(ascii: "\""))
            let utf8 = string.utf8
            if utf8.contains(where: Self.needsEscape) {
                for byte in utf8 {
                    if Self.needsEscape(byte) { append(Self.escape(byte)) } else { bytes.append(byte) }
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private static func needsEscape(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
        }

        private static func escape(_ byte: UInt8) -> String {
            switch byte {
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "\n"): "\\n"
            case UInt8(ascii: "\r"): "\\r"
            case UInt8(ascii: "\t"): "\\t"
            case 0x08: "\\b"
            case 0x0C: "\\f"
            default:
                "\\u" + String(repeating: "0", count: 4 - String(byte, radix: 16).count) + String(byte, radix: 16)
            }
        }
    }
}
