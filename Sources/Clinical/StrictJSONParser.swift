import Foundation

/// A fast path for ``JSONObjectParser``: parses a JSON object into the same values
/// `JSONSerialization` gives (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`), several
/// times faster on Linux.
///
/// It takes only plain RFC 8259 JSON and gives up on anything else — malformed text, trailing
/// commas, lone surrogates, deep nesting, byte order marks inside strings — so the caller can
/// hand those to `JSONSerialization`, whose result or error message then stands. Numbers are
/// converted by `JSONSerialization` itself (whole numbers of up to 18 digits directly, as the
/// same `NSNumber`s it makes), so they are exactly the `NSNumber`s it would make.
///
/// With a ``JSONPruning`` it leaves out the members a reader does not look at: it checks them
/// as strictly, and gives up on them for the same reasons, but builds nothing for them.
public struct StrictJSONParser {
    /// Thrown to give up; the caller falls back to `JSONSerialization`.
    struct Unsupported: Error {}

    /// Less than `JSONSerialization`'s own nesting limit of 512.
    public static let defaultMaxDepth = 500

    private let bytes: UnsafeBufferPointer<UInt8>
    private var maxDepth = StrictJSONParser.defaultMaxDepth
    private var index = 0
    private var depth = 0
    /// Members of the objects being read, innermost last.
    private var members: [(key: String, value: Any)] = []
    /// Numbers already converted, by their text (ages, counts and ids repeat a lot).
    private var numbers: [Substring: NSNumber] = [:]
    /// `true` and `false` as `NSNumber`s, made on first use and then shared (`excluded: true`
    /// is common, and making an `NSNumber` costs an allocation).
    private var trueNumber: NSNumber?
    private var falseNumber: NSNumber?

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The object the text holds, as far as `pruning` keeps it, or nil when the text is not a
    /// plain JSON object.
    static func object(in text: String, pruning: JSONPruning = .whole) -> [String: Any]? {
        var text = text
        return text.withUTF8 { buffer in
            var parser = StrictJSONParser(bytes: buffer)
            return try? parser.document(pruning)
        }
    }

    /// The object the bytes hold, as far as `pruning` keeps it, or nil when they are not a
    /// plain JSON object nested at most `maxDepth` deep. The bytes must be valid UTF-8 (checked
    /// by the caller): strings are not.
    public static func object(
        in bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth, pruning: JSONPruning = .whole
    ) -> [String: Any]? {
        var parser = StrictJSONParser(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        parser.maxDepth = min(maxDepth, defaultMaxDepth)
        return try? parser.document(pruning)
    }

    /// The end of the JSON value that starts at `start` in `bytes` (after whitespace), checked
    /// as strictly as a value this parser builds and counted from nesting `depth` (at most
    /// `maxDepth`); nil where the parser would give up. For readers that take what they need
    /// straight from the bytes and step over the rest.
    static func endOfValue(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int, maxDepth: Int = defaultMaxDepth
    ) -> Int? {
        var parser = StrictJSONParser(bytes: bytes)
        parser.index = start
        parser.depth = depth
        parser.maxDepth = min(maxDepth, defaultMaxDepth)
        parser.skipWhitespace()
        guard (try? parser.skipValue()) != nil else { return nil }
        return parser.index
    }

    private mutating func document(_ pruning: JSONPruning) throws(Unsupported) -> [String: Any] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw Unsupported() }
        let object = try parseObject(pruning.isWhole ? nil : pruning)
        skipWhitespace()
        guard index == bytes.count else { throw Unsupported() }
        return object
    }

    // MARK: - Values

    /// The value at `index`, as far as `pruning` keeps it (nil: whole).
    private mutating func parseValue(_ pruning: JSONPruning? = nil) throws(Unsupported) -> Any {
        guard let byte = peek() else { throw Unsupported() }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(pruning)
        case UInt8(ascii: "["): return try parseArray(pruning)
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "t"): return try literal("true", boolean(true))
        case UInt8(ascii: "f"): return try literal("false", boolean(false))
        case UInt8(ascii: "n"): return try literal("null", NSNull())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Unsupported()
        }
    }

    private mutating func parseObject(_ pruning: JSONPruning? = nil) throws(Unsupported) -> [String: Any] {
        try enter()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return [:]
        }
        // Members wait on a stack shared by all levels, so that each dictionary is made at its
        // final size instead of growing (and rehashing) member by member.
        let firstMember = members.count
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw Unsupported() }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            if let value = try parseMember(key, pruning) { members.append((key, value)) }
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                break
            }
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
        return makeObject(from: firstMember)
    }

    /// A member's value as `pruning` (the object's; nil: whole) keeps it, or nil when it
    /// leaves the member out (the value is then stepped over, and checked all the same).
    private mutating func parseMember(_ key: String, _ pruning: JSONPruning?) throws(Unsupported) -> Any? {
        guard let pruning else { return try parseValue() }
        if let inner = pruning.members[key] { return try parseValue(inner.isWhole ? nil : inner) }
        if pruning.keepsOtherMembers { return try parseValue() }
        try skipValue()
        return nil
    }

    /// The object of the members from `firstMember` to the top of the stack, which it pops.
    /// Members are moved off the stack, last first, rather than copied and then destroyed.
    private mutating func makeObject(from firstMember: Int) -> [String: Any] {
        var object = [String: Any](minimumCapacity: members.count - firstMember)
        while members.count > firstMember {
            let (key, value) = members.removeLast()
            if let later = object.updateValue(value, forKey: key) {
                object[key] = later  // a repeated key keeps its last value, as in JSONSerialization
            }
        }
        return object
    }

    private mutating func parseArray(_ pruning: JSONPruning? = nil) throws(Unsupported) -> [Any] {
        try enter()
        var array: [Any] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return array
        }
        while true {
            array.append(try parseValue(pruning))
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return array
            }
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
    }

    /// Steps over the opening `{` or `[`.
    private mutating func enter() throws(Unsupported) {
        index += 1
        depth += 1
        guard depth <= maxDepth else { throw Unsupported() }
    }

    /// The `NSNumber` for a JSON boolean, as `JSONSerialization` makes it.
    private mutating func boolean(_ flag: Bool) -> NSNumber {
        if let number = flag ? trueNumber : falseNumber { return number }
        let number = NSNumber(value: flag)
        if flag { trueNumber = number } else { falseNumber = number }
        return number
    }

    private mutating func literal(_ word: StaticString, _ value: Any) throws(Unsupported) -> Any {
        try skipWord(word)
        return value
    }

    private mutating func skipWord(_ word: StaticString) throws(Unsupported) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count,
            memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        else { throw Unsupported() }
        index += count
    }

    // MARK: - Values left out

    /// Steps over a value, checking it as ``parseValue(_:)`` would (numbers are converted, so
    /// one `JSONSerialization` rejects is given up on here too) without building it.
    private mutating func skipValue() throws(Unsupported) {
        guard let byte = peek() else { throw Unsupported() }
        switch byte {
        case UInt8(ascii: "{"): try skipContainer(closedBy: UInt8(ascii: "}"), withKeys: true)
        case UInt8(ascii: "["): try skipContainer(closedBy: UInt8(ascii: "]"), withKeys: false)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try skipWord("true")
        case UInt8(ascii: "f"): try skipWord("false")
        case UInt8(ascii: "n"): try skipWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try parseNumber()
        default: throw Unsupported()
        }
    }

    /// Steps over an object (`withKeys`: each value after a string key and a colon) or an array.
    private mutating func skipContainer(closedBy closing: UInt8, withKeys: Bool) throws(Unsupported) {
        try enter()
        skipWhitespace()
        if peek() == closing {
            index += 1
            depth -= 1
            return
        }
        while true {
            if withKeys {
                guard peek() == UInt8(ascii: "\"") else { throw Unsupported() }
                try skipString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
            }
            try skipValue()
            skipWhitespace()
            if peek() == closing {
                index += 1
                depth -= 1
                return
            }
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
    }

    // MARK: - Strings

    private mutating func parseString() throws(Unsupported) -> String {
        let (start, escaped) = try scanToQuoteOrEscape()
        if escaped { return try parseEscapedString(from: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }

    /// Steps over a string, checking it as ``parseString()`` would.
    private mutating func skipString() throws(Unsupported) {
        let (start, escaped) = try scanToQuoteOrEscape()
        if escaped { _ = try parseEscapedString(from: start) }  // rare: checked by decoding it
    }

    /// Steps from a string's opening quote over its plain bytes: to after the closing quote, or
    /// to the first backslash (`escaped`). Gives up on a control character, a missing closing
    /// quote or a byte order mark at the start. `start` is where the content begins.
    private mutating func scanToQuoteOrEscape() throws(Unsupported) -> (start: Int, escaped: Bool) {
        index += 1  // the opening quote
        let start = index
        try checkNoByteOrderMark(at: start)
        skipPlainStringBytes()
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return (start, false)
            case UInt8(ascii: "\\"):
                return (start, true)
            case 0..<0x20:
                throw Unsupported()
            default:
                index += 1
            }
        }
        throw Unsupported()
    }

    /// Steps over string bytes eight at a time while none of them is a quote, a backslash or a
    /// control character; the byte loop of ``parseString()`` takes over from the first word
    /// that has one (or from the last few bytes).
    private mutating func skipPlainStringBytes() {
        let raw = UnsafeRawBufferPointer(bytes)
        while bytes.count - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard !Self.hasSpecialByte(word) else { return }
            index += 8
        }
    }

    /// Whether any of the eight bytes is `"`, `\` or below 0x20 (exact: the classic
    /// "has a zero byte" / "has a byte less than n" bit tricks).
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highBits != 0
    }

    /// The rest of a string that has escapes, from its first byte; `index` is at a backslash.
    private mutating func parseEscapedString(from start: Int) throws(Unsupported) -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
                try checkNoByteOrderMark(at: index)
            case 0..<0x20:
                throw Unsupported()
            case let byte:
                utf8.append(byte)
                index += 1
            }
        }
        throw Unsupported()
    }

    /// Decodes the escape after a backslash.
    private mutating func appendEscape(to utf8: inout [UInt8]) throws(Unsupported) {
        guard let letter = peek() else { throw Unsupported() }
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var value = UInt32(try hex4())
            if value & 0xFC00 == 0xD800 {  // a high surrogate: a low one must follow
                guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else { throw Unsupported() }
                index += 2
                let low = UInt32(try hex4())
                guard low & 0xFC00 == 0xDC00 else { throw Unsupported() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw Unsupported() }
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw Unsupported()
        }
    }

    private mutating func hex4() throws(Unsupported) -> UInt16 {
        guard bytes.count - index >= 4 else { throw Unsupported() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let digit: UInt8
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = bytes[index] - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = bytes[index] - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = bytes[index] - UInt8(ascii: "A") + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// `JSONSerialization` drops a U+FEFF that starts a string, or follows an escape in one;
    /// such rare strings are left to it.
    private func checkNoByteOrderMark(at position: Int) throws(Unsupported) {
        if bytes.count - position >= 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB,
            bytes[position + 2] == 0xBF
        {
            throw Unsupported()
        }
    }

    // MARK: - Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, converted by `JSONSerialization`.
    private mutating func parseNumber() throws(Unsupported) -> NSNumber {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() else { throw Unsupported() }
        }
        var isWhole = true
        if peek() == UInt8(ascii: ".") {
            isWhole = false
            index += 1
            guard skipDigits() else { throw Unsupported() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isWhole = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw Unsupported() }
        }
        let text = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isWhole, index - start <= 18, let whole = Int(text) {
            // JSONSerialization makes the same NSNumber (type and value) for these; checked in tests.
            return NSNumber(value: whole)
        }
        if let number = numbers[text] { return number }
        guard
            let number = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
                as? NSNumber
        else { throw Unsupported() }
        numbers[text] = number
        return number
    }

    /// Steps over one or more digits; false when there are none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
        return index > start
    }

    // MARK: - Bytes

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(Unsupported) {
        guard peek() == byte else { throw Unsupported() }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }
}
