import Testing

@testable import FastFeedforward

@Suite struct MatrixKernelTests {
    struct Shape: Sendable, CustomStringConvertible {
        let m: Int, n: Int, k: Int
        var description: String { "\(m)x\(n)x\(k)" }
    }

    /// Crosses every blocking edge: rows past the 96-row block and 6-row sliver, columns past
    /// the 1024-column block and 8-column panel, depth past the 256 depth block.
    @Test(arguments: [Shape(m: 13, n: 17, k: 300), Shape(m: 100, n: 1030, k: 3), Shape(m: 1, n: 1, k: 1)])
    func productsMatchNaiveForEveryTransposition(shape: Shape) {
        var data = TestData(seed: UInt64(shape.m * 31 + shape.n))
        let a = data.vector(shape.m * shape.k)
        let b = data.vector(shape.k * shape.n)
        let initial = data.vector(shape.m * shape.n)
        var expected = [Double](repeating: 0, count: shape.m * shape.n)
        for i in 0..<shape.m {
            for j in 0..<shape.n {
                var sum = Double(initial[i * shape.n + j])
                for q in 0..<shape.k { sum += Double(a[i * shape.k + q]) * Double(b[q * shape.n + j]) }
                expected[i * shape.n + j] = sum
            }
        }
        // Stored transposes of the same matrices.
        var aT = [Float](repeating: 0, count: a.count)
        for i in 0..<shape.m { for q in 0..<shape.k { aT[q * shape.m + i] = a[i * shape.k + q] } }
        var bT = [Float](repeating: 0, count: b.count)
        for q in 0..<shape.k { for j in 0..<shape.n { bT[j * shape.k + q] = b[q * shape.n + j] } }

        for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
            var c = initial
            (transposeA ? aT : a).withUnsafeBufferPointer { pa in
                (transposeB ? bT : b).withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        let viewA =
                            transposeA
                            ? MatrixView(rowMajor: pa.baseAddress!, rows: shape.k, columns: shape.m).transposed
                            : MatrixView(rowMajor: pa.baseAddress!, rows: shape.m, columns: shape.k)
                        let viewB =
                            transposeB
                            ? MatrixView(rowMajor: pb.baseAddress!, rows: shape.n, columns: shape.k).transposed
                            : MatrixView(rowMajor: pb.baseAddress!, rows: shape.k, columns: shape.n)
                        MatrixKernels.multiplyAdd(viewA, viewB, into: pc.baseAddress!, ldc: shape.n)
                    }
                }
            }
            let worst = zip(c, expected).map { abs(Double($0) - $1) }.max() ?? 0
            #expect(worst <= 1e-4, "transposeA \(transposeA) transposeB \(transposeB)")
        }
    }
}
