import Statistics

/// A fast feedforward layer (Belcak & Wattenhofer 2023) with UltraFastBERT's single-neuron
/// nodes: a binary tree of depth `D` holding `2^(D+1) − 1` GELU neurons.
///
/// Node `i` computes `a = inputWeights[i]·x + biases[i]`, adds `gelu(a)·outputWeights[i]` to
/// the output and hands over to node `2i + 1` when `a ≤ 0` or `2i + 2` when `a > 0`. Inference
/// therefore evaluates only the `D + 1` nodes on one root-to-leaf path, while the layer stores
/// as many neurons as a dense layer of width `2^(D+1) − 1` (see ``DenseLayer``).
///
/// Weights are flat row-major `[Float]` arrays, one row per node:
/// `inputWeights` is `nodeCount × inputWidth`, `biases` is `nodeCount`, `outputWeights` is
/// `nodeCount × outputWidth`. Nodes are numbered breadth-first from the root (0).
public struct FFFLayer: Sendable, Equatable {
    /// The depths this implementation accepts; node indices must fit in `Int32` paths.
    public static let supportedDepths: ClosedRange<Int> = 0...24

    /// The number of features each input sample has.
    public let inputWidth: Int
    /// The number of features each output sample has.
    public let outputWidth: Int
    /// The tree depth `D`: a path visits `D + 1` nodes.
    public let depth: Int
    /// Row-major `nodeCount × inputWidth` input weights.
    public internal(set) var inputWeights: [Float]
    /// One bias per node.
    public internal(set) var biases: [Float]
    /// Row-major `nodeCount × outputWidth` output weights.
    public internal(set) var outputWeights: [Float]

    /// The number of nodes, `2^(depth+1) − 1`.
    public var nodeCount: Int { (1 << (depth + 1)) - 1 }

    /// The number of nodes evaluated per sample at inference, `depth + 1`.
    public var pathLength: Int { depth + 1 }

    /// Creates a layer with all weights zero.
    public init(inputWidth: Int, outputWidth: Int, depth: Int) throws(FeedforwardError) {
        let layout = try Self.parameterLayout(inputWidth: inputWidth, outputWidth: outputWidth, depth: depth)
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.depth = depth
        self.inputWeights = [Float](repeating: 0, count: layout[0].count)
        self.biases = [Float](repeating: 0, count: layout[1].count)
        self.outputWeights = [Float](repeating: 0, count: layout[2].count)
    }

    /// Creates a layer with seeded random weights (see ``WeightInitialization``): the same seed
    /// gives bit-identical weights on every run.
    public init(inputWidth: Int, outputWidth: Int, depth: Int, seed: UInt64) throws(FeedforwardError) {
        try self.init(inputWidth: inputWidth, outputWidth: outputWidth, depth: depth)
        // Each output feature sums depth + 1 node contributions at inference.
        initializeTensors(seed: seed, inputWidth: inputWidth, outputFanIn: depth + 1)
    }

    /// Creates a layer from explicit weights, checking every array against the shape.
    public init(
        inputWidth: Int, outputWidth: Int, depth: Int,
        inputWeights: [Float], biases: [Float], outputWeights: [Float]
    ) throws(FeedforwardError) {
        let layout = try Self.parameterLayout(inputWidth: inputWidth, outputWidth: outputWidth, depth: depth)
        try layout.checkSizes(of: [inputWeights, biases, outputWeights])
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.depth = depth
        self.inputWeights = inputWeights
        self.biases = biases
        self.outputWeights = outputWeights
    }

    /// The validated tensor layout of a layer of this shape, computed without allocating it.
    static func parameterLayout(
        inputWidth: Int, outputWidth: Int, depth: Int
    ) throws(FeedforwardError) -> [ParameterDescriptor] {
        guard inputWidth > 0 else { throw .invalidDimension(name: "inputWidth", value: inputWidth) }
        guard outputWidth > 0 else { throw .invalidDimension(name: "outputWidth", value: outputWidth) }
        guard supportedDepths.contains(depth) else {
            throw .depthOutOfRange(depth: depth, supported: supportedDepths)
        }
        let nodes = (1 << (depth + 1)) - 1
        return ParameterDescriptor.feedforwardLayout(
            inputWeights: try checkedProduct(nodes, inputWidth, name: "inputWeights"),
            biases: nodes,
            outputWeights: try checkedProduct(nodes, outputWidth, name: "outputWeights"))
    }

    /// The child a node hands over to: `2i + 1` when `a ≤ 0`, `2i + 2` when `a > 0`.
    @inline(__always)
    static func child(of node: Int, preActivation a: Float) -> Int {
        2 &* node &+ (a > 0 ? 2 : 1)
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
