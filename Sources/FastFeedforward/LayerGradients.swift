/// The result of a backward pass: gradients for each parameter tensor and for the input.
public struct LayerGradients: Sendable {
    /// One flattened gradient per tensor, in the order of ``FeedforwardLayer/parameterDescriptors``.
    public var parameters: [[Float]]
    /// The loss gradient with respect to each input sample, so layers can be stacked.
    public var input: SampleBatch

    /// Creates gradients from their parts.
    public init(parameters: [[Float]], input: SampleBatch) {
        self.parameters = parameters
        self.input = input
    }
}
