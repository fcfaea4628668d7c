extension JSONWriter {
    /// Writes, in one append, what `assemble` puts into a buffer of `maxCount` bytes: for
    /// fragments of many small pieces, each then a copy rather than an array append.
    mutating func write(assembling maxCount: Int, _ assemble: (inout ByteCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { buffer in
            var cursor = ByteCursor(buffer)
            assemble(&cursor)
            write(json: cursor.written)
        }
    }

    /// As ``write(assembling:_:)``, but the bytes are written only when `assemble` returns
    /// true; false means it met something it cannot assemble, and nothing was written.
    mutating func write(assemblingUnlessDeclined maxCount: Int, _ assemble: (inout ByteCursor) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { buffer in
            var cursor = ByteCursor(buffer)
            guard assemble(&cursor) else { return false }
            write(json: cursor.written)
            return true
        }
    }
}
