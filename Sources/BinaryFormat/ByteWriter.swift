/// Appends little-endian integers, floats and length-prefixed UTF-8 strings to a growing byte
/// array: the writing half of ``ByteReader``.
public struct ByteWriter {
    /// Everything appended so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Makes room for `count` bytes in all, so a writer of known size allocates once.
    public mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Appends `more` as they are.
    public mutating func append(bytes more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Appends `value` in `MemoryLayout<Integer>.size` little-endian bytes.
    public mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 byte count of `string` as a `UInt32`, then its UTF-8.
    ///
    /// - Precondition: the UTF-8 fits in `UInt32.max` bytes.
    public mutating func append(_ string: String) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends each value as the little-endian bits of a `Float`.
    public mutating func append(floats values: [Float]) {
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            for value in values { append(value.bitPattern) }
        #endif
    }
}
