extension JSONWriter {
    /// Room for the longest text ``writeBackward(_:)`` formats: a sign, twenty digits and a point.
    private static let scratchCapacity = 32

    /// Writes, in one append, the bytes `fill` puts at the end of a scratch buffer of at least
    /// 32 bytes: `fill` writes backward from the buffer's end and returns where its bytes start.
    /// Numbers and term ids are formatted so, without building a `String`.
    mutating func writeBackward(_ fill: (_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchCapacity) { buffer in
            let start = fill(buffer)
            write(json: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Puts the decimal digits of `value`, with leading zeros up to `minimumCount` digits, in
    /// `buffer` before `end`; returns where they start.
    static func putDigits(
        of value: UInt64, minimumCount: Int = 1, in buffer: UnsafeMutableBufferPointer<UInt8>, before end: Int
    ) -> Int {
        var start = end
        var rest = value
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0 || end - start < minimumCount
        return start
    }

    /// Puts `byte` in `buffer` before `end`; returns its index.
    static func put(_ byte: UInt8, in buffer: UnsafeMutableBufferPointer<UInt8>, before end: Int) -> Int {
        buffer[end - 1] = byte
        return end - 1
    }
}
