/// Names one trainable tensor of a layer and how an optimiser should treat it.
public struct ParameterDescriptor: Sendable, Hashable {
    /// A short name such as `"inputWeights"`.
    public let name: String
    /// The number of scalars in the flattened tensor.
    public let count: Int
    /// Whether decoupled weight decay applies (weights yes, biases no).
    public let decays: Bool

    /// Creates a descriptor.
    public init(name: String, count: Int, decays: Bool) {
        self.name = name
        self.count = count
        self.decays = decays
    }

    /// The three tensors both layer kinds hold: input weights, biases (not decayed) and
    /// output weights.
    static func feedforwardLayout(inputWeights: Int, biases: Int, outputWeights: Int) -> [ParameterDescriptor] {
        [
            ParameterDescriptor(name: "inputWeights", count: inputWeights, decays: true),
            ParameterDescriptor(name: "biases", count: biases, decays: false),
            ParameterDescriptor(name: "outputWeights", count: outputWeights, decays: true),
        ]
    }
}

extension [ParameterDescriptor] {
    /// Checks explicit tensors against this layout (same order): each must hold exactly its
    /// descriptor's count of scalars.
    func checkSizes(of tensors: [[Float]]) throws(FeedforwardError) {
        for (descriptor, values) in zip(self, tensors) where values.count != descriptor.count {
            throw .sizeMismatch(name: descriptor.name, expected: descriptor.count, actual: values.count)
        }
    }
}
