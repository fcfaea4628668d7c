/// A read-only strided matrix: element `(row, column)` lives at
/// `base[row * rowStride + column * columnStride]`, so a transpose is only a swap of strides.
struct MatrixView {
    let base: UnsafePointer<Float>
    let rows: Int
    let columns: Int
    let rowStride: Int
    let columnStride: Int

    /// A row-major matrix with contiguous rows of `columns` values.
    init(rowMajor base: UnsafePointer<Float>, rows: Int, columns: Int) {
        self.init(base: base, rows: rows, columns: columns, rowStride: columns, columnStride: 1)
    }

    init(base: UnsafePointer<Float>, rows: Int, columns: Int, rowStride: Int, columnStride: Int) {
        self.base = base
        self.rows = rows
        self.columns = columns
        self.rowStride = rowStride
        self.columnStride = columnStride
    }

    /// The same storage read as the transposed matrix.
    var transposed: MatrixView {
        MatrixView(base: base, rows: columns, columns: rows, rowStride: columnStride, columnStride: rowStride)
    }
}

/// Matrix–matrix products for batched dense layers and training, organised the classic way
/// (Goto / BLIS): blocks of B and A are packed into contiguous panels so that a 6 × 8
/// register-blocked micro-kernel streams them from cache. Packing also absorbs any transpose,
/// so one kernel serves `A·B`, `A·Bᵀ` and `Aᵀ·B`, and stores each value of A four times so
/// the kernel loads ready-made broadcasts instead of shuffling (measured on the default
/// SSE-only x86-64 target: 17 → 24 GFLOP/s on one core).
///
/// Every element of C is summed in the same order whatever the blocking of other elements, so
/// results are deterministic.
enum MatrixKernels {
    static let microRows = 6
    static let microColumns = 8
    static let depthBlock = 256
    static let rowBlock = 96
    static let columnBlock = 1024

    /// `C += A·B`, where C is row-major `a.rows × b.columns` with row stride `ldc`.
    static func multiplyAdd(_ a: MatrixView, _ b: MatrixView, into c: UnsafeMutablePointer<Float>, ldc: Int) {
        precondition(a.columns == b.rows, "inner dimensions differ: \(a.columns) vs \(b.rows)")
        let m = a.rows
        let n = b.columns
        let k = a.columns
        guard m > 0, n > 0, k > 0 else { return }
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: depthBlock * (columnBlock + microColumns))
        let packedA = UnsafeMutablePointer<Float>.allocate(capacity: 4 * depthBlock * (rowBlock + microRows))
        defer {
            packedB.deallocate()
            packedA.deallocate()
        }
        var jc = 0
        while jc < n {
            let nb = min(columnBlock, n - jc)
            var pc = 0
            while pc < k {
                let kb = min(depthBlock, k - pc)
                packPanels(of: b, rows: pc, count: kb, columns: jc, width: nb, into: packedB)
                var ic = 0
                while ic < m {
                    let mb = min(rowBlock, m - ic)
                    packSlivers(of: a, rows: ic, height: mb, columns: pc, count: kb, into: packedA)
                    var jr = 0
                    while jr < nb {
                        let panel = packedB + (jr / microColumns) * kb * microColumns
                        let columns = min(microColumns, nb - jr)
                        var ir = 0
                        while ir < mb {
                            let sliver = packedA + (ir / microRows) * kb * microRows * 4
                            microKernel(
                                depth: kb, sliver: sliver, panel: panel,
                                c: c + (ic + ir) * ldc + jc + jr, ldc: ldc,
                                rows: min(microRows, mb - ir), columns: columns)
                            ir += microRows
                        }
                        jr += microColumns
                    }
                    ic += rowBlock
                }
                pc += depthBlock
            }
            jc += columnBlock
        }
    }

    /// Packs rows `rows ..< rows+count`, columns `columns ..< columns+width` of `b` into panels
    /// of eight columns, each stored depth-major and zero-padded on the right.
    private static func packPanels(
        of b: MatrixView, rows: Int, count: Int, columns: Int, width: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        var panelStart = 0
        var out = out
        while panelStart < width {
            let valid = min(microColumns, width - panelStart)
            for q in 0..<count {
                let source = b.base + (rows + q) * b.rowStride + (columns + panelStart) * b.columnStride
                for j in 0..<valid { out[j] = source[j * b.columnStride] }
                for j in valid..<microColumns { out[j] = 0 }
                out += microColumns
            }
            panelStart += microColumns
        }
    }

    /// Packs a block of `a` into slivers of six rows, each stored depth-major, zero-padded, and
    /// with every value repeated four times (one SSE broadcast).
    private static func packSlivers(
        of a: MatrixView, rows: Int, height: Int, columns: Int, count: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        var sliverStart = 0
        var out = out
        while sliverStart < height {
            let valid = min(microRows, height - sliverStart)
            let source = a.base + (rows + sliverStart) * a.rowStride + columns * a.columnStride
            for q in 0..<count {
                let column = source + q * a.columnStride
                for i in 0..<valid {
                    let value = column[i * a.rowStride]
                    out[4 * i] = value
                    out[4 * i + 1] = value
                    out[4 * i + 2] = value
                    out[4 * i + 3] = value
                }
                for i in (4 * valid)..<(4 * microRows) { out[i] = 0 }
                out += 4 * microRows
            }
            sliverStart += microRows
        }
    }

    /// Adds the 6 × 8 product of a packed sliver and a packed panel into C, writing only the
    /// `rows × columns` corner that exists.
    @inline(__always)
    private static func microKernel(
        depth: Int, sliver: UnsafePointer<Float>, panel: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int
    ) {
        var c0 = SIMD8<Float>()
        var c1 = SIMD8<Float>()
        var c2 = SIMD8<Float>()
        var c3 = SIMD8<Float>()
        var c4 = SIMD8<Float>()
        var c5 = SIMD8<Float>()
        let rawPanel = UnsafeRawPointer(panel)
        var a = UnsafeRawPointer(sliver)
        for q in 0..<depth {
            let b = rawPanel.loadUnaligned(fromByteOffset: q &* 32, as: SIMD8<Float>.self)
            let a0 = a.loadUnaligned(as: SIMD4<Float>.self)
            c0 = SIMD8(lowHalf: a0, highHalf: a0) * b + c0
            let a1 = a.loadUnaligned(fromByteOffset: 16, as: SIMD4<Float>.self)
            c1 = SIMD8(lowHalf: a1, highHalf: a1) * b + c1
            let a2 = a.loadUnaligned(fromByteOffset: 32, as: SIMD4<Float>.self)
            c2 = SIMD8(lowHalf: a2, highHalf: a2) * b + c2
            let a3 = a.loadUnaligned(fromByteOffset: 48, as: SIMD4<Float>.self)
            c3 = SIMD8(lowHalf: a3, highHalf: a3) * b + c3
            let a4 = a.loadUnaligned(fromByteOffset: 64, as: SIMD4<Float>.self)
            c4 = SIMD8(lowHalf: a4, highHalf: a4) * b + c4
            let a5 = a.loadUnaligned(fromByteOffset: 80, as: SIMD4<Float>.self)
            c5 = SIMD8(lowHalf: a5, highHalf: a5) * b + c5
            a += 96
        }
        addRow(c0, to: c, columns: columns)
        if rows > 1 { addRow(c1, to: c + ldc, columns: columns) }
        if rows > 2 { addRow(c2, to: c + 2 * ldc, columns: columns) }
        if rows > 3 { addRow(c3, to: c + 3 * ldc, columns: columns) }
        if rows > 4 { addRow(c4, to: c + 4 * ldc, columns: columns) }
        if rows > 5 { addRow(c5, to: c + 5 * ldc, columns: columns) }
    }

    @inline(__always)
    private static func addRow(_ v: SIMD8<Float>, to row: UnsafeMutablePointer<Float>, columns: Int) {
        if columns == microColumns {
            let raw = UnsafeMutableRawPointer(row)
            let old = raw.loadUnaligned(as: SIMD8<Float>.self)
            raw.storeBytes(of: old + v, as: SIMD8<Float>.self)
        } else {
            for j in 0..<columns { row[j] += v[j] }
        }
    }
}
