extension DenseLayer {
    /// Below this many samples a batch is run sample by sample (matrix–vector products, which
    /// are memory-bound anyway); from it on, as blocked matrix–matrix products.
    static let matrixProductThreshold = 4
    /// Samples per block of a batched forward pass, bounding the hidden activations held.
    static let samplesPerBlock = 256

    /// Inference on one sample: every hidden neuron runs.
    ///
    /// - Precondition: `input.count == inputWidth`.
    public func forward(_ input: [Float]) -> [Float] {
        precondition(input.count == inputWidth, "input has \(input.count) values, layer expects \(inputWidth)")
        var output = [Float](repeating: 0, count: outputWidth)
        withBaseAddresses(input) { x in
            withMutableBaseAddresses(&output) { y in
                withWeightPointers { win, b, wout in
                    accumulateSample(input: x, output: y, win: win, b: b, wout: wout)
                }
            }
        }
        return output
    }

    /// Inference on a batch, as blocked matrix–matrix products for all but tiny batches.
    ///
    /// - Precondition: `batch.width == inputWidth`.
    public func forward(batch: SampleBatch) -> SampleBatch {
        precondition(batch.width == inputWidth, "batch width \(batch.width), layer expects \(inputWidth)")
        var output = SampleBatch(zerosWithCount: batch.count, width: outputWidth)
        guard batch.count > 0 else { return output }
        guard batch.count >= Self.matrixProductThreshold else {
            withBaseAddresses(batch.values) { xs in
                withMutableBaseAddresses(&output.values) { ys in
                    withWeightPointers { win, b, wout in
                        for s in 0..<batch.count {
                            accumulateSample(
                                input: xs + s * inputWidth, output: ys + s * outputWidth, win: win, b: b, wout: wout)
                        }
                    }
                }
            }
            return output
        }
        let blockSamples = Swift.min(Self.samplesPerBlock, batch.count)
        var hidden = [Float](repeating: 0, count: blockSamples * hiddenWidth)
        withBaseAddresses(batch.values) { xs in
            withMutableBaseAddresses(&output.values, &hidden) { ys, hs in
                withWeightPointers { win, b, wout in
                    var start = 0
                    while start < batch.count {
                        let rows = Swift.min(blockSamples, batch.count - start)
                        hiddenActivations(input: xs + start * inputWidth, rows: rows, win: win, b: b, into: hs)
                        for i in 0..<(rows * hiddenWidth) { hs[i] = GELU.value(hs[i]) }
                        MatrixKernels.multiplyAdd(
                            MatrixView(rowMajor: hs, rows: rows, columns: hiddenWidth),
                            MatrixView(rowMajor: wout, rows: hiddenWidth, columns: outputWidth),
                            into: ys + start * outputWidth, ldc: outputWidth)
                        start += rows
                    }
                }
            }
        }
        return output
    }

    /// Writes the pre-activations `X·W_inᵀ + b` of `rows` samples into `hidden`.
    func hiddenActivations(
        input xs: UnsafePointer<Float>, rows: Int, win: UnsafePointer<Float>, b: UnsafePointer<Float>,
        into hidden: UnsafeMutablePointer<Float>
    ) {
        for s in 0..<rows {
            (hidden + s * hiddenWidth).update(from: b, count: hiddenWidth)
        }
        MatrixKernels.multiplyAdd(
            MatrixView(rowMajor: xs, rows: rows, columns: inputWidth),
            MatrixView(rowMajor: win, rows: hiddenWidth, columns: inputWidth).transposed,
            into: hidden, ldc: hiddenWidth)
    }

    /// Adds every neuron's contribution for one sample into `output`; allocation-free.
    @inline(__always)
    func accumulateSample(
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        win: UnsafePointer<Float>, b: UnsafePointer<Float>, wout: UnsafePointer<Float>
    ) {
        for neuron in 0..<hiddenWidth {
            let a = VectorKernels.dot(win + neuron &* inputWidth, x, count: inputWidth) + b[neuron]
            VectorKernels.addScaled(GELU.value(a), wout + neuron &* outputWidth, to: y, count: outputWidth)
        }
    }
}
