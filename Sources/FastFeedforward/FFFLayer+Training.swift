// Training with hard routing and a path mask (UltraFastBERT style).
//
// Training runs the same hard-routed forward pass as inference: each sample descends by the
// sign of `a` and only the `depth + 1` nodes on its path contribute. The layer is then an
// ordinary sum of `gelu(a)·w_out` terms over a sample-dependent mask, so the gradient flows only
// through the visited nodes: their input weights, biases and output weights receive gradient,
// every other node receives exactly zero for that sample.
//
// The routing decision `a > 0` is a step function and has no useful derivative, so the tree
// does not learn where to route through the comparison. It learns routing indirectly: `a` is
// also the argument of `gelu(a)`, whose contribution the loss does differentiate, and a node
// whose contribution is pushed towards the left (negative, GELU near zero) or right (positive)
// side moves the samples with it. Training and inference therefore see the same function,
// which is what lets the fast path be the deployed model.
//
// The alternative is soft routing (Belcak & Wattenhofer's training mode): every node's output
// is weighted by the product of sigmoid branch probabilities along its path, all nodes are
// evaluated, and a hardening loss pushes the probabilities towards 0 or 1 so that the hard
// path can be used at inference. It makes routing differentiable at the price of dense
// training cost and a train/inference mismatch until hardened. Hard routing was chosen for
// simplicity and train/inference equality; the choice is to be revisited by measurement
// (accuracy of the ranker at equal training time) rather than kept by habit.

extension FFFLayer {
    /// Hard-routed forward pass over a batch that records each sample's path (node per level)
    /// and the pre-activations of the visited nodes for ``backward(outputGradient:trace:)``.
    ///
    /// - Precondition: `batch.width == inputWidth`.
    public func forwardForTraining(batch: SampleBatch) -> (output: SampleBatch, trace: ForwardTrace) {
        precondition(batch.width == inputWidth, "batch width \(batch.width), layer expects \(inputWidth)")
        let levels = pathLength
        var output = SampleBatch(zerosWithCount: batch.count, width: outputWidth)
        var preActivations = [Float](repeating: 0, count: batch.count * levels)
        var paths = [Int32](repeating: 0, count: batch.count * levels)
        if batch.count > 0 {
            withBaseAddresses(batch.values) { xs in
                withMutableBaseAddresses(&output.values, &preActivations) { ys, pre in
                    withWeightPointers { win, b, wout in
                        for s in 0..<batch.count {
                            let x = xs + s * inputWidth
                            let y = ys + s * outputWidth
                            var node = 0
                            for level in 0..<levels {
                                let a = VectorKernels.dot(win + node * inputWidth, x, count: inputWidth) + b[node]
                                VectorKernels.addScaled(
                                    GELU.value(a), wout + node * outputWidth, to: y, count: outputWidth)
                                pre[s * levels + level] = a
                                paths[s * levels + level] = Int32(truncatingIfNeeded: node)
                                node = Self.child(of: node, preActivation: a)
                            }
                        }
                    }
                }
            }
        }
        let trace = ForwardTrace(
            producer: .fastFeedforward(depth: depth), input: batch, preActivations: preActivations, paths: paths)
        return (output, trace)
    }

    /// Gradients of the visited nodes' parameters and of the input, summed over the batch.
    ///
    /// For a sample with output gradient `g` and a visited node `i` with pre-activation `a`:
    /// `∂w_out[i] += gelu(a)·g`, `δ = gelu′(a)·(w_out[i]·g)`, `∂b[i] += δ`,
    /// `∂w_in[i] += δ·x` and `∂x += δ·w_in[i]`. Samples are processed in order, so the sums
    /// are bit-identical from run to run. Unvisited nodes get zero gradient.
    ///
    /// - Precondition: `trace` came from ``forwardForTraining(batch:)`` on a layer of this
    ///   shape, and `outputGradient` is `trace.input.count × outputWidth`.
    public func backward(outputGradient: SampleBatch, trace: ForwardTrace) -> LayerGradients {
        precondition(
            trace.producer == .fastFeedforward(depth: depth), "trace was not made by an FFF layer of depth \(depth)")
        precondition(trace.input.width == inputWidth, "trace input width differs from the layer's")
        precondition(
            outputGradient.width == outputWidth && outputGradient.count == trace.input.count,
            "output gradient must be \(trace.input.count) × \(outputWidth)")
        let levels = pathLength
        let count = trace.input.count
        var inputGradient = SampleBatch(zerosWithCount: count, width: inputWidth)
        guard count > 0 else { return LayerGradients(parameters: zeroTensorGradients(), input: inputGradient) }
        var inputWeightGradient = [Float](repeating: 0, count: inputWeights.count)
        var biasGradient = [Float](repeating: 0, count: biases.count)
        var outputWeightGradient = [Float](repeating: 0, count: outputWeights.count)
        withBaseAddresses(trace.input.values, outputGradient.values, trace.preActivations) { xs, gs, pre in
            withMutableBaseAddresses(&inputWeightGradient, &biasGradient, &outputWeightGradient) { dwin, db, dwout in
                withMutableBaseAddresses(&inputGradient.values) { dxs in
                    withWeightPointers { win, _, wout in
                        for s in 0..<count {
                            let x = xs + s * inputWidth
                            let g = gs + s * outputWidth
                            let dx = dxs + s * inputWidth
                            for level in 0..<levels {
                                let node = Int(trace.paths[s * levels + level])
                                let a = pre[s * levels + level]
                                VectorKernels.addScaled(
                                    GELU.value(a), g, to: dwout + node * outputWidth, count: outputWidth)
                                let delta =
                                    GELU.derivative(a)
                                    * VectorKernels.dot(wout + node * outputWidth, g, count: outputWidth)
                                db[node] += delta
                                VectorKernels.addScaled(delta, x, to: dwin + node * inputWidth, count: inputWidth)
                                VectorKernels.addScaled(delta, win + node * inputWidth, to: dx, count: inputWidth)
                            }
                        }
                    }
                }
            }
        }
        return LayerGradients(
            parameters: [inputWeightGradient, biasGradient, outputWeightGradient], input: inputGradient)
    }
}
