import Ontology

/// Writes bytes one after another into a buffer the caller sized, so that a fragment of JSON
/// assembled from many small pieces reaches ``JSONWriter`` in one append (see
/// ``JSONWriter/write(assembling:_:)``): each piece is a copy, not an array append.
struct ByteCursor {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    /// The longest text ``append(term:)`` writes: quotes, `HP:` and an `Int32` with its sign.
    static let maxTermCount = 16
    /// The longest text ``append(thousandths:)`` writes: a sign, 16 digits and a point.
    static let maxNumberCount = 24

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The bytes written, a view of the buffer.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    /// Copies `bytes`; the buffer must have room for them.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= buffer.count - count, "ByteCursor: the buffer is too small")
        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Copies text known to need no escaping.
    @inline(__always)
    mutating func append(raw text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// A term id as a JSON string, `"HP:0001166"`, its `description` quoted. The bytes are
    /// stored one by one: hundreds of ids go into an answer, and a copy call per piece cost
    /// more than the digits.
    mutating func append(term id: TermID) {
        guard id.rawValue >= 0 else {
            var description = id.description  // no quote, backslash or control character to escape
            append(raw: "\"")
            description.withUTF8 { append($0) }
            return append(raw: "\"")
        }
        var digits = 7
        var limit = 10_000_000
        while Int(id.rawValue) >= limit {
            digits += 1
            limit *= 10
        }
        precondition(digits + 5 <= buffer.count - count, "ByteCursor: the buffer is too small")
        buffer[count] = UInt8(ascii: "\"")
        buffer[count + 1] = UInt8(ascii: "H")
        buffer[count + 2] = UInt8(ascii: "P")
        buffer[count + 3] = UInt8(ascii: ":")
        let end = count + 4 + digits
        Self.putDigits(of: UInt32(id.rawValue), count: digits, in: buffer, before: end)
        buffer[end] = UInt8(ascii: "\"")
        count = end + 1
    }

    /// "00" to "99": the two digits of each number below 100, one pair after another.
    private static let digitPairs: [UInt8] = (0..<100).flatMap {
        [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)]
    }

    /// Puts the last `count` decimal digits of `value` (with leading zeros) before `end`, two
    /// at a time.
    private static func putDigits(
        of value: UInt32, count: Int, in buffer: UnsafeMutableBufferPointer<UInt8>, before end: Int
    ) {
        let first = end - count
        var start = end
        var rest = value
        digitPairs.withUnsafeBufferPointer { pairs in
            while start - first >= 2 {
                let pair = Int(rest % 100) &* 2
                rest /= 100
                buffer[start - 2] = pairs[pair]
                buffer[start - 1] = pairs[pair + 1]
                start -= 2
            }
            if start > first { buffer[start - 1] = UInt8(ascii: "0") + UInt8(rest % 10) }
        }
    }

    /// A count of thousandths as the decimal it stands for, as ``JSONWriter/write(double:)``
    /// writes that number: `3` for 3,000, `-12.5` for -12,500, `0.007` for 7.
    mutating func append(thousandths: Int64) {
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000
        var fraction = magnitude % 1000
        var fractionDigits = 3
        while fractionDigits > 0, fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        let length =
            (thousandths < 0 ? 1 : 0) + Self.digitCount(of: whole) + (fractionDigits > 0 ? 1 + fractionDigits : 0)
        precondition(length <= buffer.count - count, "ByteCursor: the buffer is too small")
        var start = count + length
        if fractionDigits > 0 {
            start = JSONWriter.putDigits(of: fraction, minimumCount: fractionDigits, in: buffer, before: start)
            start = JSONWriter.put(UInt8(ascii: "."), in: buffer, before: start)
        }
        start = JSONWriter.putDigits(of: whole, in: buffer, before: start)
        if thousandths < 0 { _ = JSONWriter.put(UInt8(ascii: "-"), in: buffer, before: start) }
        count += length
    }

    /// `value` rounded to three decimals, as ``JSONWriter/write(roundingToThousandths:)``
    /// writes it; false, with nothing written, for a value that is not finite or has a
    /// trillion thousandths or more (the writer's general path takes those).
    mutating func append(roundingToThousandths value: Double) -> Bool {
        let scaled = (value * 1000).rounded()
        guard abs(scaled) < 1e12 else { return false }
        append(thousandths: Int64(scaled))
        return true
    }

    private static func digitCount(of value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// A term's label as ``TermLabels`` holds it, or when there is none, the term's id.
    mutating func append(label: UnsafeBufferPointer<UInt8>?, of id: TermID) {
        if let label { append(label) } else { append(term: id) }
    }
}
