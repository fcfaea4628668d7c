extension DenseLayer {
    /// Forward pass over a batch that keeps every hidden pre-activation for
    /// ``backward(outputGradient:trace:)``. The output equals ``forward(batch:)``'s for batches
    /// of at least ``matrixProductThreshold`` samples and agrees to rounding below it.
    ///
    /// - Precondition: `batch.width == inputWidth`.
    public func forwardForTraining(batch: SampleBatch) -> (output: SampleBatch, trace: ForwardTrace) {
        precondition(batch.width == inputWidth, "batch width \(batch.width), layer expects \(inputWidth)")
        var output = SampleBatch(zerosWithCount: batch.count, width: outputWidth)
        var preActivations = [Float](repeating: 0, count: batch.count * hiddenWidth)
        if batch.count > 0 {
            var activations = preActivations
            withBaseAddresses(batch.values) { xs in
                withMutableBaseAddresses(&output.values, &preActivations, &activations) { ys, hs, gs in
                    withWeightPointers { win, b, wout in
                        hiddenActivations(input: xs, rows: batch.count, win: win, b: b, into: hs)
                        for i in 0..<(batch.count * hiddenWidth) { gs[i] = GELU.value(hs[i]) }
                        MatrixKernels.multiplyAdd(
                            MatrixView(rowMajor: gs, rows: batch.count, columns: hiddenWidth),
                            MatrixView(rowMajor: wout, rows: hiddenWidth, columns: outputWidth),
                            into: ys, ldc: outputWidth)
                    }
                }
            }
        }
        let trace = ForwardTrace(
            producer: .dense(hiddenWidth: hiddenWidth), input: batch, preActivations: preActivations, paths: [])
        return (output, trace)
    }

    /// Gradients of all parameters and of the input, summed over the batch.
    ///
    /// With `H` the pre-activations, `G = gelu(H)` and `dY` the output gradient:
    /// `∂W_out = Gᵀ·dY`, `dH = (dY·W_outᵀ) ⊙ gelu′(H)`, `∂b = Σ_samples dH`,
    /// `∂W_in = dHᵀ·X` and `∂X = dH·W_in`, each a blocked matrix product with a fixed
    /// summation order, so results are bit-identical from run to run.
    ///
    /// - Precondition: `trace` came from ``forwardForTraining(batch:)`` on a layer of this
    ///   shape, and `outputGradient` is `trace.input.count × outputWidth`.
    public func backward(outputGradient: SampleBatch, trace: ForwardTrace) -> LayerGradients {
        precondition(
            trace.producer == .dense(hiddenWidth: hiddenWidth),
            "trace was not made by a dense layer of hidden width \(hiddenWidth)")
        precondition(trace.input.width == inputWidth, "trace input width differs from the layer's")
        precondition(
            outputGradient.width == outputWidth && outputGradient.count == trace.input.count,
            "output gradient must be \(trace.input.count) × \(outputWidth)")
        let count = trace.input.count
        var inputGradient = SampleBatch(zerosWithCount: count, width: inputWidth)
        guard count > 0 else { return LayerGradients(parameters: zeroTensorGradients(), input: inputGradient) }
        var inputWeightGradient = [Float](repeating: 0, count: inputWeights.count)
        var biasGradient = [Float](repeating: 0, count: biases.count)
        var outputWeightGradient = [Float](repeating: 0, count: outputWeights.count)
        let hiddenCount = count * hiddenWidth
        var activations = trace.preActivations.map { GELU.value($0) }
        var hiddenGradient = [Float](repeating: 0, count: hiddenCount)
        withBaseAddresses(trace.input.values, trace.preActivations, outputGradient.values) { xs, hs, dys in
            withMutableBaseAddresses(&activations, &hiddenGradient, &inputGradient.values) { gs, dhs, dxs in
                withMutableBaseAddresses(&inputWeightGradient, &biasGradient, &outputWeightGradient) {
                    dwin, db, dwout in
                    let inputView = MatrixView(rowMajor: xs, rows: count, columns: inputWidth)
                    let activationView = MatrixView(rowMajor: gs, rows: count, columns: hiddenWidth)
                    let outputGradientView = MatrixView(rowMajor: dys, rows: count, columns: outputWidth)
                    let hiddenGradientView = MatrixView(rowMajor: dhs, rows: count, columns: hiddenWidth)
                    withWeightPointers { win, _, wout in
                        // ∂W_out = Gᵀ·dY
                        MatrixKernels.multiplyAdd(
                            activationView.transposed, outputGradientView, into: dwout, ldc: outputWidth)
                        // dG = dY·W_outᵀ, then dH = dG ⊙ gelu′(H)
                        MatrixKernels.multiplyAdd(
                            outputGradientView,
                            MatrixView(rowMajor: wout, rows: hiddenWidth, columns: outputWidth).transposed,
                            into: dhs, ldc: hiddenWidth)
                        for i in 0..<hiddenCount { dhs[i] *= GELU.derivative(hs[i]) }
                        for s in 0..<count {
                            VectorKernels.addScaled(1, dhs + s * hiddenWidth, to: db, count: hiddenWidth)
                        }
                        // ∂W_in = dHᵀ·X
                        MatrixKernels.multiplyAdd(hiddenGradientView.transposed, inputView, into: dwin, ldc: inputWidth)
                        // ∂X = dH·W_in
                        MatrixKernels.multiplyAdd(
                            hiddenGradientView, MatrixView(rowMajor: win, rows: hiddenWidth, columns: inputWidth),
                            into: dxs, ldc: inputWidth)
                    }
                }
            }
        }
        return LayerGradients(
            parameters: [inputWeightGradient, biasGradient, outputWeightGradient], input: inputGradient)
    }
}
