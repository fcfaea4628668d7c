extension FFFLayer {
    /// Path-only inference: evaluates the `depth + 1` nodes on the sample's root-to-leaf path.
    ///
    /// This is the fast path; ``forwardReference(_:)`` computes the same output the slow way.
    ///
    /// - Precondition: `input.count == inputWidth`.
    public func forwardPath(_ input: [Float]) -> [Float] {
        precondition(input.count == inputWidth, "input has \(input.count) values, layer expects \(inputWidth)")
        var output = [Float](repeating: 0, count: outputWidth)
        withBaseAddresses(input) { x in
            withMutableBaseAddresses(&output) { y in
                withWeightPointers { win, b, wout in
                    accumulatePath(input: x, output: y, win: win, b: b, wout: wout)
                }
            }
        }
        return output
    }

    /// Path-only inference on every sample of a batch, one sample at a time.
    ///
    /// Organised per sample rather than per node: a sample's input and output rows stay in L1
    /// for all its `depth + 1` nodes, while a per-node (level-synchronous) organisation would
    /// stream every input and output row through memory once per tree level, which costs more
    /// than the weight rows it saves re-reading. Interleaving four samples' paths to overlap
    /// their weight fetches was measured and gave no gain, so the simple loop stays.
    ///
    /// - Precondition: `batch.width == inputWidth`.
    public func forward(batch: SampleBatch) -> SampleBatch {
        precondition(batch.width == inputWidth, "batch width \(batch.width), layer expects \(inputWidth)")
        var output = SampleBatch(zerosWithCount: batch.count, width: outputWidth)
        guard batch.count > 0 else { return output }
        withBaseAddresses(batch.values) { xs in
            withMutableBaseAddresses(&output.values) { ys in
                withWeightPointers { win, b, wout in
                    for s in 0..<batch.count {
                        accumulatePath(
                            input: xs + s * inputWidth, output: ys + s * outputWidth, win: win, b: b, wout: wout)
                    }
                }
            }
        }
        return output
    }

    /// Slow reference: computes the pre-activation of **every** node in double precision,
    /// derives the hard path mask from them, and sums `mask[i]·gelu(a[i])·outputWeights[i]`
    /// over all nodes. It shares no kernel with ``forwardPath(_:)`` and exists to check it.
    ///
    /// - Precondition: `input.count == inputWidth`.
    public func forwardReference(_ input: [Float]) -> [Float] {
        precondition(input.count == inputWidth, "input has \(input.count) values, layer expects \(inputWidth)")
        let nodes = nodeCount
        var preActivations = [Double](repeating: 0, count: nodes)
        for node in 0..<nodes {
            var sum = Double(biases[node])
            for k in 0..<inputWidth {
                sum += Double(inputWeights[node * inputWidth + k]) * Double(input[k])
            }
            preActivations[node] = sum
        }
        var mask = [Double](repeating: 0, count: nodes)
        var node = 0
        while node < nodes {
            mask[node] = 1
            node = 2 * node + (preActivations[node] > 0 ? 2 : 1)
        }
        var output = [Double](repeating: 0, count: outputWidth)
        for node in 0..<nodes {
            let contribution = mask[node] * GELU.value(preActivations[node])
            for o in 0..<outputWidth {
                output[o] += contribution * Double(outputWeights[node * outputWidth + o])
            }
        }
        return output.map { Float($0) }
    }

    /// The nodes a sample visits from the root to a leaf, as the fast path routes it.
    ///
    /// - Precondition: `input.count == inputWidth`.
    public func path(for input: [Float]) -> [Int] {
        precondition(input.count == inputWidth, "input has \(input.count) values, layer expects \(inputWidth)")
        var nodes: [Int] = []
        nodes.reserveCapacity(pathLength)
        withBaseAddresses(input) { x in
            withWeightPointers { win, b, _ in
                var node = 0
                for _ in 0...depth {
                    nodes.append(node)
                    let a = VectorKernels.dot(win + node * inputWidth, x, count: inputWidth) + b[node]
                    node = Self.child(of: node, preActivation: a)
                }
            }
        }
        return nodes
    }

    /// Adds the path's contributions for one sample into `output`; allocation-free.
    @inline(__always)
    func accumulatePath(
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        win: UnsafePointer<Float>, b: UnsafePointer<Float>, wout: UnsafePointer<Float>
    ) {
        var node = 0
        for _ in 0...depth {
            let a = VectorKernels.dot(win + node &* inputWidth, x, count: inputWidth) + b[node]
            VectorKernels.addScaled(GELU.value(a), wout + node &* outputWidth, to: y, count: outputWidth)
            node = Self.child(of: node, preActivation: a)
        }
    }
}
