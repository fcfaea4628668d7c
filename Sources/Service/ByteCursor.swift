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

    /// A term id as a JSON string, `"HP:0001166"`, as ``JSONWriter/write(term:)`` writes it.
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
        append(raw: "\"HP:")
        precondition(digits < buffer.count - count, "ByteCursor: the buffer is too small")
        _ = JSONWriter.putDigits(of: UInt64(id.rawValue), minimumCount: 7, in: buffer, before: count + digits)
        count += digits
        append(raw: "\"")
    }

    /// A term's label as ``TermLabels`` holds it, or when there is none, the term's id.
    mutating func append(label: UnsafeBufferPointer<UInt8>?, of id: TermID) {
        if let label { append(label) } else { append(term: id) }
    }
}
