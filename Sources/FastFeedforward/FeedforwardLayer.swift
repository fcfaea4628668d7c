/// The seam between a model and its hidden layer: a fast feedforward ``FFFLayer`` and its dense
/// twin ``DenseLayer`` both conform, so a ranker can swap one for the other and an optimiser
/// such as ``AdamW`` can train either.
///
/// A layer maps `inputWidth` features to `outputWidth` features through `hiddenWidth` GELU
/// neurons and has no output bias. Gradients are sums over the samples of a batch: to train on
/// a mean loss, pass output gradients already divided by the batch size.
public protocol FeedforwardLayer: Sendable {
    /// The number of features each input sample has.
    var inputWidth: Int { get }
    /// The number of features each output sample has.
    var outputWidth: Int { get }
    /// The number of hidden neurons stored (for a fast feedforward layer, the tree's nodes).
    var hiddenWidth: Int { get }

    /// Inference on one sample.
    ///
    /// - Precondition: `input.count == inputWidth`.
    func forward(_ input: [Float]) -> [Float]

    /// Inference on a batch.
    ///
    /// - Precondition: `batch.width == inputWidth`.
    func forward(batch: SampleBatch) -> SampleBatch

    /// Inference on a batch that also records what ``backward(outputGradient:trace:)`` needs.
    ///
    /// The output equals ``forward(batch:)``'s.
    func forwardForTraining(batch: SampleBatch) -> (output: SampleBatch, trace: ForwardTrace)

    /// Gradients of the loss with respect to every parameter tensor and to the input, given the
    /// loss gradient with respect to the output of the forward pass that produced `trace`.
    ///
    /// - Precondition: `trace` came from this layer's ``forwardForTraining(batch:)`` and
    ///   `outputGradient` has the trace's sample count and `outputWidth` columns.
    func backward(outputGradient: SampleBatch, trace: ForwardTrace) -> LayerGradients

    /// The trainable tensors in a fixed order; gradients and optimiser state use the same order.
    var parameterDescriptors: [ParameterDescriptor] { get }

    /// The values of the tensor at `index` in ``parameterDescriptors``.
    func parameterValues(at index: Int) -> [Float]

    /// Lets `update` modify the tensor at `index` in place; it must keep the tensor's size.
    mutating func updateParameter(at index: Int, _ update: (inout [Float]) -> Void)
}
