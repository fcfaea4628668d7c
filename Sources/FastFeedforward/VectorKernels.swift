/// Allocation-free vector kernels on raw pointers, written with SIMD types (public and
/// inlinable, so the rankers' per-candidate loops use them too).
///
/// Products are written as `a * b + acc`: on Swift's default x86-64 target (no FMA)
/// `SIMD.addProduct` becomes a library call per lane, while a separate multiply and add
/// compiles to vector instructions.
public enum VectorKernels {
    /// `Σ a[i]·b[i]` over `count` elements, with four independent accumulators so that the
    /// additions can overlap.
    @inlinable @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        var acc0 = SIMD8<Float>()
        var acc1 = SIMD8<Float>()
        var acc2 = SIMD8<Float>()
        var acc3 = SIMD8<Float>()
        var i = 0
        while i &+ 32 <= count {
            let offset = i &* 4
            acc0 =
                ra.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) + acc0
            acc1 =
                ra.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self) + acc1
            acc2 =
                ra.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<Float>.self) + acc2
            acc3 =
                ra.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: offset &+ 96, as: SIMD8<Float>.self) + acc3
            i &+= 32
        }
        while i &+ 8 <= count {
            let offset = i &* 4
            acc0 =
                ra.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rb.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) + acc0
            i &+= 8
        }
        var sum = ((acc0 + acc1) + (acc2 + acc3)).sum()
        while i < count {
            sum = a[i] * b[i] + sum
            i &+= 1
        }
        return sum
    }

    /// `y[i] += alpha·x[i]` over `count` elements.
    @inlinable @inline(__always)
    public static func addScaled(
        _ alpha: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int
    ) {
        let rx = UnsafeRawPointer(x)
        let ry = UnsafeMutableRawPointer(y)
        let scale = SIMD8<Float>(repeating: alpha)
        var i = 0
        while i &+ 16 <= count {
            let offset = i &* 4
            let y0 = ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let y1 = ry.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            let x0 = rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let x1 = rx.loadUnaligned(fromByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            ry.storeBytes(of: x0 * scale + y0, toByteOffset: offset, as: SIMD8<Float>.self)
            ry.storeBytes(of: x1 * scale + y1, toByteOffset: offset &+ 32, as: SIMD8<Float>.self)
            i &+= 16
        }
        while i &+ 8 <= count {
            let offset = i &* 4
            let y0 = ry.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let x0 = rx.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            ry.storeBytes(of: x0 * scale + y0, toByteOffset: offset, as: SIMD8<Float>.self)
            i &+= 8
        }
        while i < count {
            y[i] = x[i] * alpha + y[i]
            i &+= 1
        }
    }
}
