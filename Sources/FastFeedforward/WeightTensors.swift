import Statistics

/// The three trainable tensors both layer kinds keep — `inputWeights`, `biases`,
/// `outputWeights`, in that order — and the parameter access the optimiser uses, written once.
protocol WeightTensors {
    var inputWeights: [Float] { get set }
    var biases: [Float] { get set }
    var outputWeights: [Float] { get set }
}

extension WeightTensors {
    /// Key paths in ``FeedforwardLayer/parameterDescriptors`` order.
    static var tensorPaths: [WritableKeyPath<Self, [Float]>] { [\.inputWeights, \.biases, \.outputWeights] }

    /// `inputWeights`, `biases`, `outputWeights`; biases are not weight-decayed.
    var tensorDescriptors: [ParameterDescriptor] {
        ParameterDescriptor.feedforwardLayout(
            inputWeights: inputWeights.count, biases: biases.count, outputWeights: outputWeights.count)
    }

    /// The tensor at `index`.
    func tensor(at index: Int) -> [Float] {
        precondition(Self.tensorPaths.indices.contains(index), "a layer has 3 parameter tensors, asked for \(index)")
        return self[keyPath: Self.tensorPaths[index]]
    }

    /// Lets `update` modify the tensor at `index` in place; its size must not change.
    mutating func updateTensor(at index: Int, _ update: (inout [Float]) -> Void) {
        precondition(Self.tensorPaths.indices.contains(index), "a layer has 3 parameter tensors, asked for \(index)")
        let path = Self.tensorPaths[index]
        let count = self[keyPath: path].count
        update(&self[keyPath: path])
        precondition(self[keyPath: path].count == count, "updateParameter changed the size of tensor \(index)")
    }

    /// Seeded uniform initialisation (see ``WeightInitialization``): input weights and biases
    /// within the bound for `inputWidth`, output weights within the bound for `outputFanIn`
    /// (the number of hidden contributions each output sums at inference).
    mutating func initializeTensors(seed: UInt64, inputWidth: Int, outputFanIn: Int) {
        var generator = SeededGenerator(seed: seed)
        let inputBound = WeightInitialization.fanInBound(inputWidth)
        WeightInitialization.fillUniform(&inputWeights, bound: inputBound, using: &generator)
        WeightInitialization.fillUniform(&biases, bound: inputBound, using: &generator)
        WeightInitialization.fillUniform(
            &outputWeights, bound: WeightInitialization.fanInBound(outputFanIn), using: &generator)
    }

    /// Zero gradients shaped like the three tensors, in parameter order.
    func zeroTensorGradients() -> [[Float]] {
        [inputWeights, biases, outputWeights].map { [Float](repeating: 0, count: $0.count) }
    }
}
