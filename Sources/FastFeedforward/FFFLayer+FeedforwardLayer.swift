extension FFFLayer: FeedforwardLayer {
    /// The number of stored neurons, ``nodeCount``; only ``pathLength`` of them run per sample.
    public var hiddenWidth: Int { nodeCount }

    /// Inference on one sample: the path-only ``forwardPath(_:)``.
    public func forward(_ input: [Float]) -> [Float] {
        forwardPath(input)
    }

    /// `inputWeights`, `biases`, `outputWeights`; biases are not weight-decayed.
    public var parameterDescriptors: [ParameterDescriptor] {
        ParameterDescriptor.feedforwardLayout(
            inputWeights: inputWeights.count, biases: biases.count, outputWeights: outputWeights.count)
    }

    /// The tensor at `index` in ``parameterDescriptors``.
    public func parameterValues(at index: Int) -> [Float] {
        switch index {
        case 0: return inputWeights
        case 1: return biases
        case 2: return outputWeights
        default: preconditionFailure("FFFLayer has 3 parameter tensors, asked for \(index)")
        }
    }

    /// Lets `update` modify the tensor at `index` in place; its size must not change.
    public mutating func updateParameter(at index: Int, _ update: (inout [Float]) -> Void) {
        switch index {
        case 0:
            let count = inputWeights.count
            update(&inputWeights)
            precondition(inputWeights.count == count, "updateParameter changed the size of inputWeights")
        case 1:
            let count = biases.count
            update(&biases)
            precondition(biases.count == count, "updateParameter changed the size of biases")
        case 2:
            let count = outputWeights.count
            update(&outputWeights)
            precondition(outputWeights.count == count, "updateParameter changed the size of outputWeights")
        default:
            preconditionFailure("FFFLayer has 3 parameter tensors, asked for \(index)")
        }
    }
}
