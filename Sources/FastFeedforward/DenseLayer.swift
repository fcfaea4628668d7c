import Statistics

/// The dense twin of ``FFFLayer``: an ordinary two-layer feedforward block
/// `y = W_out·gelu(W_in·x + b)` whose hidden width equals an FFF layer's node count.
///
/// It stores exactly the parameters an FFF layer of the same node count stores, in the same
/// layout (`inputWeights` is `hiddenWidth × inputWidth`, `biases` is `hiddenWidth`,
/// `outputWeights` is `hiddenWidth × outputWidth`), but every neuron runs for every sample.
/// It serves as the accuracy and speed baseline a ranker can swap in through
/// ``FeedforwardLayer``.
public struct DenseLayer: Sendable, Equatable {
    /// The number of features each input sample has.
    public let inputWidth: Int
    /// The number of features each output sample has.
    public let outputWidth: Int
    /// The number of hidden GELU neurons.
    public let hiddenWidth: Int
    /// Row-major `hiddenWidth × inputWidth` input weights.
    public internal(set) var inputWeights: [Float]
    /// One bias per hidden neuron.
    public internal(set) var biases: [Float]
    /// Row-major `hiddenWidth × outputWidth` output weights.
    public internal(set) var outputWeights: [Float]

    /// Creates a layer with all weights zero.
    public init(inputWidth: Int, outputWidth: Int, hiddenWidth: Int) throws(FeedforwardError) {
        let layout = try Self.parameterLayout(
            inputWidth: inputWidth, outputWidth: outputWidth, hiddenWidth: hiddenWidth)
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.hiddenWidth = hiddenWidth
        self.inputWeights = [Float](repeating: 0, count: layout[0].count)
        self.biases = [Float](repeating: 0, count: layout[1].count)
        self.outputWeights = [Float](repeating: 0, count: layout[2].count)
    }

    /// Creates a layer with seeded random weights (see ``WeightInitialization``): the same seed
    /// gives bit-identical weights on every run.
    public init(inputWidth: Int, outputWidth: Int, hiddenWidth: Int, seed: UInt64) throws(FeedforwardError) {
        try self.init(inputWidth: inputWidth, outputWidth: outputWidth, hiddenWidth: hiddenWidth)
        initializeTensors(seed: seed, inputWidth: inputWidth, outputFanIn: hiddenWidth)
    }

    /// Creates a layer from explicit weights, checking every array against the shape.
    public init(
        inputWidth: Int, outputWidth: Int, hiddenWidth: Int,
        inputWeights: [Float], biases: [Float], outputWeights: [Float]
    ) throws(FeedforwardError) {
        let layout = try Self.parameterLayout(
            inputWidth: inputWidth, outputWidth: outputWidth, hiddenWidth: hiddenWidth)
        try layout.checkSizes(of: [inputWeights, biases, outputWeights])
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.hiddenWidth = hiddenWidth
        self.inputWeights = inputWeights
        self.biases = biases
        self.outputWeights = outputWeights
    }

    /// The dense twin of `layer`: same input and output widths, hidden width = its node count,
    /// and its weights, so that both compute `Σ gelu(a_i)·w_out[i]`, FFF over one path only.
    public init(twinOf layer: FFFLayer) {
        self.inputWidth = layer.inputWidth
        self.outputWidth = layer.outputWidth
        self.hiddenWidth = layer.nodeCount
        self.inputWeights = layer.inputWeights
        self.biases = layer.biases
        self.outputWeights = layer.outputWeights
    }

    /// The validated tensor layout of a layer of this shape, computed without allocating it.
    static func parameterLayout(
        inputWidth: Int, outputWidth: Int, hiddenWidth: Int
    ) throws(FeedforwardError) -> [ParameterDescriptor] {
        guard inputWidth > 0 else { throw .invalidDimension(name: "inputWidth", value: inputWidth) }
        guard outputWidth > 0 else { throw .invalidDimension(name: "outputWidth", value: outputWidth) }
        guard hiddenWidth > 0 else { throw .invalidDimension(name: "hiddenWidth", value: hiddenWidth) }
        return ParameterDescriptor.feedforwardLayout(
            inputWeights: try checkedProduct(hiddenWidth, inputWidth, name: "inputWeights"),
            biases: hiddenWidth,
            outputWeights: try checkedProduct(hiddenWidth, outputWidth, name: "outputWeights"))
    }

    /// Gives `body` raw pointers to the three weight arrays for the duration of the call.
    @inline(__always)
    func withWeightPointers<Result>(
        _ body: (
            _ inputWeights: UnsafePointer<Float>, _ biases: UnsafePointer<Float>,
            _ outputWeights: UnsafePointer<Float>
        ) -> Result
    ) -> Result {
        withBaseAddresses(inputWeights, biases, outputWeights, body)
    }
}
