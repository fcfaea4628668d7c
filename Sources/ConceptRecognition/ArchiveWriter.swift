/// Appends little-endian integers and length-prefixed UTF-8 strings to a byte buffer: the
/// writing half of the concept dictionary's binary format.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int32) { append(UInt32(bitPattern: value)) }

    mutating func append(_ string: String) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func append(_ values: [UInt8]) { bytes.append(contentsOf: values) }
}
