/// A read position in JSON bytes, for readers that take a few members straight from the text
/// (``PlainPhenopacket``) instead of building every value: plain strings, booleans and small
/// whole numbers are read, objects and arrays walked member by member, and anything else
/// stepped over as strictly as ``StrictJSONParser`` would read it. So text such a reader
/// accepts is JSON the parser accepts too.
///
/// Each method answers nil or false to decline — an escape, a `null`, a repeated member, a
/// number of another form, nesting over the limit — and the reader then gives up, leaving the
/// text to the parser. The bytes must be valid UTF-8 (checked by the caller).
public struct PlainJSONCursor {
    public let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var index: Int
    /// How deep the value at `index` is nested, counting from the text's outermost value.
    private var depth: Int
    private let maxDepth: Int

    /// A cursor at `index`, inside `depth` enclosing values, allowing nesting to `maxDepth`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0, depth: Int = 0, maxDepth: Int) {
        self.bytes = bytes
        self.index = index
        self.depth = depth
        self.maxDepth = maxDepth
    }

    /// Whether only whitespace is left.
    public var atEnd: Bool {
        mutating get {
            skipWhitespace()
            return index == bytes.count
        }
    }

    /// A string without escapes or control characters (nor a byte order mark at its start,
    /// which `JSONSerialization` would drop).
    public mutating func plainString() -> String? {
        plainStringContent().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// Where the content of the plain string at the cursor lies (the cursor is moved past it).
    private mutating func plainStringContent() -> Range<Int>? {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        if bytes.count - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            return nil
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            guard bytes[end] >= 0x20, bytes[end] != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        index = end + 1
        return start..<end
    }

    /// `true` or `false`.
    public mutating func bool() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// A whole number of one to nine digits, without sign, fraction, exponent or leading zero.
    public mutating func smallWholeNumber() -> Int? {
        skipWhitespace()
        var value = 0
        var end = index
        while end < bytes.count, end - index < 10, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[end] - UInt8(ascii: "0"))
            end += 1
        }
        let digits = end - index
        guard (1...9).contains(digits), !(digits > 1 && bytes[index] == UInt8(ascii: "0")) else { return nil }
        if end < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[end]) {
            return nil
        }
        index = end
        return value
    }

    /// Steps over any value, checked as the parser checks it (a string without escapes, the
    /// usual case, here).
    public mutating func skipValue() -> Bool {
        if plainStringContent() != nil { return true }
        guard let end = StrictJSONParser.endOfValue(in: bytes, from: index, depth: depth, maxDepth: maxDepth) else {
            return false
        }
        index = end
        return true
    }

    /// Walks an object: `member` gets each key (a plain string) and must read or step over
    /// its value, or decline.
    public mutating func object(_ member: (inout PlainJSONCursor, String) -> Bool) -> Bool {
        guard enter("{") else { return false }
        if take("}") { return leave() }
        repeat {
            guard let key = plainString(), take(":"), member(&self, key) else { return false }
        } while take(",")
        return take("}") && leave()
    }

    /// Walks an array: `element` must read or step over each element, or decline.
    public mutating func array(_ element: (inout PlainJSONCursor) -> Bool) -> Bool {
        guard enter("[") else { return false }
        if take("]") { return leave() }
        repeat {
            skipWhitespace()
            guard element(&self) else { return false }
        } while take(",")
        return take("]") && leave()
    }

    private mutating func enter(_ opening: StaticString) -> Bool {
        guard take(opening) else { return false }
        depth += 1
        return depth <= maxDepth
    }

    private mutating func leave() -> Bool {
        depth -= 1
        return true
    }

    /// Takes `text` if it comes next, after whitespace.
    private mutating func take(_ text: StaticString) -> Bool {
        skipWhitespace()
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }
}
