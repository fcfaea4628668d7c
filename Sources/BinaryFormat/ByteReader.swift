/// Reads little-endian integers, floats and length-prefixed UTF-8 strings from bytes, checking
/// every length against the bytes left: a truncated or damaged file is an error, never a crash.
///
/// A read past the end, or a string that is not UTF-8, throws `Failure`, the error of the format
/// being read, made from a ``ByteReadProblem``.
public struct ByteReader<Failure: ByteReadFailure> {
    private let bytes: ArraySlice<UInt8>
    /// Where the next read starts, counted from the first byte given to the reader.
    public private(set) var offset: Int

    /// A reader of `bytes` whose first read starts `offset` bytes in.
    public init(_ bytes: ArraySlice<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// A reader of `bytes` whose first read starts `offset` bytes in.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes[...], offset: offset)
    }

    /// The number of bytes not yet read.
    public var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    private func require(_ count: Int) throws(Failure) {
        guard count >= 0, count <= remaining else {
            throw Failure(.endOfData(offset: offset, needed: count, available: remaining))
        }
    }

    /// The next integer, stored in `MemoryLayout<Integer>.size` little-endian bytes.
    public mutating func readInteger<Integer: FixedWidthInteger>() throws(Failure) -> Integer {
        let size = MemoryLayout<Integer>.size
        try require(size)
        let start = offset
        let value = bytes.withUnsafeBytes { raw in
            Integer(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: Integer.self))
        }
        offset += size
        return value
    }

    /// The next `count` bytes.
    public mutating func readBytes(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        try require(count)
        let start = bytes.startIndex + offset
        offset += count
        return bytes[start..<(start + count)]
    }

    /// A `UInt32` count of items that must fit in the bytes left, each item taking at least
    /// `itemSize` bytes; so a damaged count cannot make the caller reserve memory for nothing.
    public mutating func readCount(itemSize: Int = 1) throws(Failure) -> Int {
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
    public mutating func readString() throws(Failure) -> String {
        let start = offset
        let count = Int(try readInteger() as UInt32)
        let utf8 = try readBytes(count)
        guard let string = String(validating: utf8, as: UTF8.self) else {
            throw Failure(.invalidUTF8(offset: start))
        }
        return string
    }

    /// The next `count` floats, each stored as the little-endian bits of a `Float`.
    public mutating func readFloats(_ count: Int) throws(Failure) -> [Float] {
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
        offset += byteCount
        return values
    }
}
