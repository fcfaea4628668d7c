import Foundation

/// Writes `[String: Any]` trees of strings, numbers, booleans, arrays, objects and `NSNull` as
/// one line of JSON with sorted keys: the one JSON writer behind ``JSONText``.
///
/// It replaces `JSONSerialization.data(withJSONObject:)`, which on Linux spent most of the time
/// of `ddx rank --format json` and of the daemon bridging to `NSDictionary` and sorting keys
/// through ICU collation. Keys are sorted as Swift orders strings (by code point for the ASCII
/// keys ddx writes); whole doubles are written without a fraction, as `JSONSerialization` does.
/// What JSON cannot hold (a non-finite number, a value of another type) is written as `null`
/// or as its description, and remembered in ``problem`` for callers that refuse it.
///
/// Renderings on a hot path (`ddx rank`, `ddx normalize` and the daemon's answers) skip the
/// dictionaries and write typed values in key order themselves, through ``write(raw:)``,
/// ``write(string:)``, ``write(double:)``, ``write(roundingToThousandths:)`` and
/// ``write(integer:)``: the same bytes, without the boxing and sorting. Numbers and term ids
/// are formatted in a stack buffer and appended at once (`JSONWriter+Digits.swift`).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// The first value JSON cannot hold, described; nil when every value was written faithfully.
    public private(set) var problem: String?

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Makes room for at least `minimumCapacity` bytes in all, so that writing up to that many
    /// grows the buffer at most once.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        bytes.reserveCapacity(minimumCapacity)
    }

    /// Text written as it is: punctuation, literals and keys known to need no escaping.
    public mutating func write(raw text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Bytes that are already JSON, written as they are.
    public mutating func write(json bytes: some Sequence<UInt8>) {
        self.bytes.append(contentsOf: bytes)
    }

    /// An integer, as the dynamic path writes an `Int`.
    public mutating func write(integer: Int) {
        write(magnitude: UInt64(integer.magnitude), negative: integer < 0)
    }

    /// An integer given as its magnitude and sign, as `String` writes it.
    private mutating func write(magnitude: UInt64, negative: Bool) {
        writeBackward { buffer in
            let start = Self.putDigits(of: magnitude, in: buffer, before: buffer.count)
            return negative ? Self.put(UInt8(ascii: "-"), in: buffer, before: start) : start
        }
    }

    /// The strings as an array.
    public mutating func write(strings: [String]) {
        write(elements: strings) { $0.write(string: $1) }
    }

    /// The elements as an array, each written by `each`.
    public mutating func write<Element>(elements: [Element], each: (inout JSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            each(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Any value of the kinds the type comment lists, dispatched on its type.
    public mutating func write(_ value: Any) {
        // Dispatch on the exact type first: a conditional cast of a native value to NSNumber
        // (or of an NSNumber to Bool) would bridge it, allocating on every value.
        let type = Swift.type(of: value)
        if type == String.self, let string = value as? String {
            write(string: string)
        } else if type == Double.self, let double = value as? Double {
            write(double: double)
        } else if type == Int.self, let integer = value as? Int {
            append(String(integer))
        } else if type == [String: Any].self, let object = value as? [String: Any] {
            write(object: object)
        } else if type == [[String: Any]].self, let objects = value as? [[String: Any]] {
            write(elements: objects) { $0.write(object: $1) }
        } else if type == [String].self, let strings = value as? [String] {
            write(elements: strings) { $0.write(string: $1) }
        } else if type == Bool.self, let flag = value as? Bool {
            append(flag ? "true" : "false")
        } else if let number = value as? NSNumber, type is NSNumber.Type {
            write(number: number)
        } else {
            writeOther(value)
        }
    }

    /// Values of other types: casts, slower but complete.
    private mutating func writeOther(_ value: Any) {
        switch value {
        case let string as String: write(string: string)
        case let object as [String: Any]: write(object: object)
        case let array as [Any]: write(elements: array) { $0.write($1) }
        case let float as Float: write(double: Double(float))
        case let integer as Int32: append(String(integer))
        case let integer as Int64: append(String(integer))
        case let integer as UInt32: append(String(integer))
        case let integer as UInt64: append(String(integer))
        case let integer as UInt: append(String(integer))
        case let substring as Substring: write(string: String(substring))
        case is NSNull: append("null")
        default:
            if problem == nil { problem = "JSON cannot hold a value of type \(Swift.type(of: value))" }
            write(string: String(describing: value))
        }
    }

    private mutating func write(object: [String: Any]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(string: key)
            bytes.append(UInt8(ascii: ":"))
            write(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func write(number: NSNumber) {
        switch String(cString: number.objCType) {
        case "c", "B": append(number.boolValue ? "true" : "false")
        case "f", "d": write(double: number.doubleValue)
        case "Q", "L", "I", "S", "C": append(number.stringValue)
        default: append(String(number.int64Value))
        }
    }

    /// A number as the dynamic path writes a `Double` (whole numbers without a fraction).
    public mutating func write(double: Double) {
        guard double.isFinite else {
            if problem == nil { problem = "JSON cannot hold the number \(double)" }
            return append("null")
        }
        if double == double.rounded(), abs(double) < 1e15 {
            let whole = Int64(double)
            write(magnitude: whole.magnitude, negative: whole < 0)
        } else if let thousandths = Self.wholeThousandths(double) {
            write(thousandths: thousandths)
        } else {
            append("\(double)")
        }
    }

    /// `value` rounded to three decimals, exactly as `write(double: (value * 1000).rounded() / 1000)`
    /// writes it, without dividing and checking the quotient again (for values under a billion).
    public mutating func write(roundingToThousandths value: Double) {
        // Under a trillion thousandths, a whole number of them divided by 1000 is whole exactly
        // when the count is a multiple of 1000, and otherwise is the double `wholeThousandths`
        // maps back to the same count: the cursor writes the count. Beyond (or not finite), the
        // general path.
        let written = write(assemblingUnlessDeclined: ByteCursor.maxNumberCount) {
            $0.append(roundingToThousandths: value)
        }
        if !written { write(double: (value * 1000).rounded() / 1000) }
    }

    /// `double` in thousandths, when it is the double nearest to a whole number of them (what
    /// rounding to three decimals gives) and under a billion. Such a value's shortest decimal
    /// form, which Swift's `description` writes, is its three decimals without trailing zeros:
    /// any shorter decimal lies at least 0.001 away, far more than the value's spacing.
    private static func wholeThousandths(_ double: Double) -> Int64? {
        guard abs(double) < 1e9 else { return nil }
        let scaled = (double * 1000).rounded()
        guard scaled / 1000 == double else { return nil }
        return Int64(scaled)
    }

    /// A number of thousandths as a decimal: `-12.5` for -12,500.
    private mutating func write(thousandths: Int64) {
        write(assembling: ByteCursor.maxNumberCount) { $0.append(thousandths: thousandths) }
    }

    /// A string literal, escaped.
    public mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        let plain =
            string.utf8.withContiguousStorageIfAvailable { utf8 in
                !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
            } ?? false
        if plain {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
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
