extension DenseLayer: FeedforwardLayer, WeightTensors {
    /// `inputWeights`, `biases`, `outputWeights`; biases are not weight-decayed.
    public var parameterDescriptors: [ParameterDescriptor] { tensorDescriptors }

    /// The tensor at `index` in ``parameterDescriptors``.
    public func parameterValues(at index: Int) -> [Float] { tensor(at: index) }

    /// Lets `update` modify the tensor at `index` in place; its size must not change.
    public mutating func updateParameter(at index: Int, _ update: (inout [Float]) -> Void) {
        updateTensor(at: index, update)
    }
}
