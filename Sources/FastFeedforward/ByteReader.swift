/// Reads little-endian integers and floats from a byte buffer, throwing instead of reading
/// past its end.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var isAtEnd: Bool { offset == buffer.count }

    private func require(_ count: Int) throws(ModelFormatError) {
        guard count >= 0, count <= buffer.count - offset else {
            throw .malformed(offset: offset, reason: "needs \(count) more bytes, \(buffer.count - offset) left")
        }
    }

    mutating func readInteger<Integer: FixedWidthInteger>() throws(ModelFormatError) -> Integer {
        try require(MemoryLayout<Integer>.size)
        let value = Integer(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Integer.self))
        offset += MemoryLayout<Integer>.size
        return value
    }

    mutating func readBytes(_ count: Int) throws(ModelFormatError) -> [UInt8] {
        try require(count)
        let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]))
        offset += count
        return bytes
    }

    /// A `UInt32` byte count followed by that many bytes of UTF-8.
    mutating func readString(named name: String) throws(ModelFormatError) -> String {
        let count: UInt32 = try readInteger()
        let start = offset
        let bytes = try readBytes(Int(count))
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(offset: start, reason: "\(name) is not valid UTF-8")
        }
        return string
    }

    mutating func readFloats(_ count: Int) throws(ModelFormatError) -> [Float] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: 4)
        guard !overflow else { throw .malformed(offset: offset, reason: "tensor of \(count) values is too large") }
        try require(byteCount)
        let start = offset
        let values = [Float](unsafeUninitializedCapacity: count) { destination, initialized in
            #if _endian(little)
                UnsafeMutableRawBufferPointer(destination).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + byteCount)]))
            #else
                for i in 0..<count {
                    let bits = UInt32(
                        littleEndian: buffer.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self))
                    destination[i] = Float(bitPattern: bits)
                }
            #endif
            initialized = count
        }
        offset += byteCount
        return values
    }
}
