/// Reads little-endian integers, floats and length-prefixed UTF-8 strings from bytes, checking
/// every length against the bytes left: a truncated or damaged file is an error, never a crash.
///
/// A read past the end, or a string that is not UTF-8, throws `Failure`, the error of the format
/// being read, made from a ``ByteReadProblem``.
public struct ByteReader<Failure: ByteReadFailure> {
    // The methods are inlinable so that a reader made in another module is specialised for its
    // error type there: a generic read through witness tables made loading the concept
    // dictionary twice as slow.
    @usableFromInline let bytes: ArraySlice<UInt8>
    @usableFromInline var position: Int

    /// A reader of `bytes` whose first read starts `offset` bytes in.
    @inlinable public init(_ bytes: ArraySlice<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.position = offset
    }

    /// Where the next read starts, counted from the first byte given to the reader.
    @inlinable public var offset: Int { position }

    /// A reader of `bytes` whose first read starts `offset` bytes in.
    @inlinable public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes[...], offset: offset)
    }

    /// The number of bytes not yet read.
    @inlinable public var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { offset == bytes.count }

    @inlinable func require(_ count: Int) throws(Failure) {
        guard count >= 0, count <= remaining else {
            throw Failure(.endOfData(offset: offset, needed: count, available: remaining))
        }
    }

    /// The next integer, stored in `MemoryLayout<Integer>.size` little-endian bytes.
    @inlinable public mutating func readInteger<Integer: FixedWidthInteger>() throws(Failure) -> Integer {
        let size = MemoryLayout<Integer>.size
        try require(size)
        let start = offset
        let value = bytes.withUnsafeBytes { raw in
            Integer(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: Integer.self))
        }
        position += size
        return value
    }

    /// The next `count` bytes.
    @inlinable public mutating func readBytes(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        try require(count)
        let start = bytes.startIndex + offset
        position += count
        return bytes[start..<(start + count)]
    }

    /// A `UInt32` count of items that must fit in the bytes left, each item taking at least
    /// `itemSize` bytes; so a damaged count cannot make the caller reserve memory for nothing.
    @inlinable public mutating func readCount(itemSize: Int = 1) throws(Failure) -> Int {
        let start = offset
        let count = Int(try readInteger() as UInt32)
        let (needed, overflow) = count.multipliedReportingOverflow(by: max(itemSize, 1))
        guard !overflow, needed <= remaining else {
            throw Failure(.endOfData(offset: start, needed: overflow ? .max : needed, available: remaining))
        }
        return count
    }

    /// A `UInt32` byte count followed by that many bytes of UTF-8, as ``ByteWriter/append(_:)-(String)``
    /// writes it.
    @inlinable public mutating func readString() throws(Failure) -> String {
        let start = offset
        let count = Int(try readInteger() as UInt32)
        let utf8 = try readBytes(count)
        // Decoding repairs bad UTF-8 with U+FFFD, so the bytes come back unchanged exactly when
        // they were valid; this is faster than `String(validating:)` (10 ms on the dictionary).
        let decoded = utf8.withUnsafeBufferPointer { buffer -> String? in
            var string = String(decoding: buffer, as: UTF8.self)
            return string.withUTF8 { $0.elementsEqual(buffer) } ? string : nil
        }
        guard let string = decoded else {
            throw Failure(.invalidUTF8(offset: start))
        }
        return string
    }

    /// The next `count` floats, each stored as the little-endian bits of a `Float`.
    @inlinable public mutating func readFloats(_ count: Int) throws(Failure) -> [Float] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Float>.size)
        guard !overflow else {
            throw Failure(.endOfData(offset: offset, needed: .max, available: remaining))
        }
        try require(byteCount)
        let start = offset
        let values = bytes.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { destination, initialized in
                #if _endian(little)
                    UnsafeMutableRawBufferPointer(destination).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + byteCount)]))
                #else
                    for index in 0..<count {
                        let bits = UInt32(
                            littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self))
                        destination[index] = Float(bitPattern: bits)
                    }
                #endif
                initialized = count
            }
        }
        position += byteCount
        return values
    }
}
