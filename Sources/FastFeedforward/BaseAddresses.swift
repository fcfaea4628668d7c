// Raw access to several arrays at once, so kernels need not nest one
// `withUnsafe(Mutable)BufferPointer` closure per array.
//
// Every array passed must be non-empty (a non-empty array always has storage); callers return
// early for empty batches and layer tensors are never empty.

@inline(__always)
private func base(_ buffer: UnsafeBufferPointer<Float>) -> UnsafePointer<Float> {
    precondition(!buffer.isEmpty, "raw access to an empty array")
    return buffer.baseAddress.unsafelyUnwrapped
}

@inline(__always)
private func base(_ buffer: UnsafeMutableBufferPointer<Float>) -> UnsafeMutablePointer<Float> {
    precondition(!buffer.isEmpty, "raw access to an empty array")
    return buffer.baseAddress.unsafelyUnwrapped
}

/// Calls `body` with the start of `a`'s storage.
@inline(__always)
func withBaseAddresses<Result>(_ a: [Float], _ body: (UnsafePointer<Float>) -> Result) -> Result {
    a.withUnsafeBufferPointer { body(base($0)) }
}

/// Calls `body` with the starts of `a`'s and `b`'s storage.
@inline(__always)
func withBaseAddresses<Result>(
    _ a: [Float], _ b: [Float], _ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> Result
) -> Result {
    a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in body(base(pa), base(pb)) } }
}

/// Calls `body` with the starts of `a`'s, `b`'s and `c`'s storage.
@inline(__always)
func withBaseAddresses<Result>(
    _ a: [Float], _ b: [Float], _ c: [Float],
    _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>) -> Result
) -> Result {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in c.withUnsafeBufferPointer { pc in body(base(pa), base(pb), base(pc)) } }
    }
}

/// Calls `body` with the start of `a`'s storage, for writing.
@inline(__always)
func withMutableBaseAddresses<Result>(
    _ a: inout [Float], _ body: (UnsafeMutablePointer<Float>) -> Result
) -> Result {
    a.withUnsafeMutableBufferPointer { body(base($0)) }
}

/// Calls `body` with the starts of `a`'s and `b`'s storage, for writing.
@inline(__always)
func withMutableBaseAddresses<Result>(
    _ a: inout [Float], _ b: inout [Float],
    _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Result
) -> Result {
    a.withUnsafeMutableBufferPointer { pa in b.withUnsafeMutableBufferPointer { pb in body(base(pa), base(pb)) } }
}

/// Calls `body` with the starts of `a`'s, `b`'s and `c`'s storage, for writing.
@inline(__always)
func withMutableBaseAddresses<Result>(
    _ a: inout [Float], _ b: inout [Float], _ c: inout [Float],
    _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Result
) -> Result {
    a.withUnsafeMutableBufferPointer { pa in
        b.withUnsafeMutableBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in body(base(pa), base(pb), base(pc)) }
        }
    }
}
