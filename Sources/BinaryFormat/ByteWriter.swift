/// Appends little-endian integers, floats and length-prefixed UTF-8 strings to a growing byte
/// array: the writing half of ``ByteReader``.
public struct ByteWriter {
    // Inlinable, as ``ByteReader``, so that appending in another module is specialised there.
    @usableFromInline var storage: [UInt8] = []

    /// An empty writer.
    @inlinable public init() {}

    /// Everything appended so far.
    @inlinable public var bytes: [UInt8] { storage }

    /// Makes room for `count` bytes in all, so a writer of known size allocates once.
    @inlinable public mutating func reserve(_ count: Int) {
        storage.reserveCapacity(count)
    }

    /// Appends `more` as they are.
    @inlinable public mutating func append(bytes more: some Sequence<UInt8>) {
        storage.append(contentsOf: more)
    }

    /// Appends `value` in `MemoryLayout<Integer>.size` little-endian bytes.
    @inlinable public mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { storage.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 byte count of `string` as a `UInt32`, then its UTF-8.
    ///
    /// - Precondition: the UTF-8 fits in `UInt32.max` bytes.
    @inlinable public mutating func append(_ string: String) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count))
        storage.append(contentsOf: utf8)
    }

    /// Appends each value as the little-endian bits of a `Float`.
    @inlinable public mutating func append(floats values: [Float]) {
        #if _endian(little)
            values.withUnsafeBytes { storage.append(contentsOf: $0) }
        #else
            for value in values { append(value.bitPattern) }
        #endif
    }
}
