/// Reads what ``ArchiveWriter`` wrote, checking every length against the bytes left: a
/// truncated or damaged archive is an error, never a crash.
struct ArchiveReader {
    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    mutating func readByte() throws(DictionaryArchiveError) -> UInt8 {
        guard remaining >= 1 else { throw .truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt32() throws(DictionaryArchiveError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated }
        var value: UInt32 = 0
        for shift in 0..<4 { value |= UInt32(bytes[position + shift]) << (8 * shift) }
        position += 4
        return value
    }

    mutating func readUInt64() throws(DictionaryArchiveError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << (8 * shift) }
        position += 8
        return value
    }

    mutating func readInt32() throws(DictionaryArchiveError) -> Int32 { Int32(bitPattern: try readUInt32()) }

    /// A count that must be satisfiable by the bytes left (each item at least `itemSize` bytes).
    mutating func readCount(itemSize: Int = 1) throws(DictionaryArchiveError) -> Int {
        let count = Int(try readUInt32())
        guard count <= remaining / max(itemSize, 1) else { throw .truncated }
        return count
    }

    mutating func readString() throws(DictionaryArchiveError) -> String {
        let length = try readCount()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func readBytes(_ count: Int) throws(DictionaryArchiveError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw .truncated }
        defer { position += count }
        return bytes[position..<position + count]
    }
}
