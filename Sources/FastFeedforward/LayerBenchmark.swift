import Statistics

/// The shape of a fast feedforward layer: input width, output width and tree depth.
public struct LayerShape: Sendable, Hashable, CustomStringConvertible {
    /// The number of features each input sample has.
    public let inputWidth: Int
    /// The number of features each output sample has.
    public let outputWidth: Int
    /// The tree depth; a path visits `depth + 1` of `2^(depth+1) − 1` nodes.
    public let depth: Int

    /// A shape; it is validated when a layer is built from it.
    public init(inputWidth: Int, outputWidth: Int, depth: Int) {
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.depth = depth
    }

    /// For example `768x768 depth 11`.
    public var description: String { "\(inputWidth)x\(outputWidth) depth \(depth)" }
}

/// The time per sample of one computation, over several timed repeats.
public struct TimingSummary: Sendable {
    /// The median over the repeats, in microseconds per sample.
    public let medianMicroseconds: Double
    /// The fastest repeat, in microseconds per sample.
    public let bestMicroseconds: Double
    /// The number of timed repeats.
    public let repeats: Int
    /// The number of samples each repeat processed.
    public let samplesPerRepeat: Int
}

/// The largest difference between two computations of the same outputs, judged relative to
/// the size of the outputs.
public struct OutputCheck: Sendable {
    /// What was compared with what.
    public let name: String
    /// The number of samples whose outputs were compared.
    public let samplesCompared: Int
    /// Samples left out because a node's pre-activation lies so close to 0 that rounding may
    /// legitimately send single and double precision down different branches.
    public let samplesSkipped: Int
    /// The largest `|a − b|` over every compared output value.
    public let maximumDifference: Double
    /// The largest `|b|` over every compared output value (`b` being the expected side).
    public let outputScale: Double
    /// The largest acceptable `maximumDifference / outputScale`.
    public let tolerance: Double

    /// `maximumDifference / outputScale` (0 when both are 0).
    public var relativeDifference: Double {
        maximumDifference == 0 ? 0 : maximumDifference / outputScale
    }

    /// Whether something was compared and the relative difference is within tolerance.
    public var passed: Bool { samplesCompared > 0 && relativeDifference <= tolerance }
}

/// Fast feedforward against dense twin at one batch size.
public struct BatchMeasurement: Sendable {
    /// Samples per call: 1 times the single-sample API, more times `forward(batch:)`.
    public let batchSize: Int
    /// Path-only inference of the ``FFFLayer``.
    public let fastFeedforward: TimingSummary
    /// Inference of its ``DenseLayer`` twin.
    public let dense: TimingSummary
    /// Batched against per-sample outputs; empty at batch size 1.
    public let checks: [OutputCheck]
    /// A sum of output values, to be printed so that no timed work can be optimised away.
    public let checksum: Double

    /// How many times faster the fast feedforward layer is, median against median.
    public var speedup: Double { dense.medianMicroseconds / fastFeedforward.medianMicroseconds }
}

/// Times, on the calling thread, path-only inference of a seeded random ``FFFLayer`` against
/// its ``DenseLayer`` twin, and checks the fast outputs against slower computations of them.
///
/// Inputs are uniform in `[−1, 1)`, drawn from streams of the weights' seed (reproducible).
public struct LayerBenchmark: Sendable {
    /// The acceptable difference relative to the output scale.
    public static let tolerance = 1e-4
    /// A pre-activation closer to 0 than this fraction of `Σ|w·x| + |b|` counts as a routing tie.
    static let tieMargin = 1e-4
    /// Distinct samples cycled through when timing the single-sample API (a power of two).
    static let singleSamplePoolSize = 1024
    /// Dense batched outputs are compared with this many single-sample outputs at most, as a
    /// single dense sample is slow.
    static let denseRowsChecked = 32

    /// The layer shape.
    public let shape: LayerShape
    /// The fast feedforward layer.
    public let fastFeedforward: FFFLayer
    /// Its dense twin: the same neurons, all of them run per sample.
    public let dense: DenseLayer
    /// The seed of the weights and inputs.
    public let seed: UInt64
    /// The least wall-clock time one timed repeat should take (calls are repeated to fill it).
    public var minimumRepeatDuration: Duration = .milliseconds(50)

    /// The ratio of neurons the dense twin runs to neurons the fast path runs.
    public var theoreticalSpeedup: Double {
        Double(fastFeedforward.nodeCount) / Double(fastFeedforward.pathLength)
    }

    /// Builds both layers with seeded weights; throws for an invalid shape.
    public init(shape: LayerShape, seed: UInt64) throws(FeedforwardError) {
        self.shape = shape
        self.seed = seed
        self.fastFeedforward = try FFFLayer(
            inputWidth: shape.inputWidth, outputWidth: shape.outputWidth, depth: shape.depth, seed: seed)
        self.dense = DenseLayer(twinOf: fastFeedforward)
    }

    /// Roughly the peak memory a measurement at `batchSize` holds, in bytes: the inputs, two
    /// outputs (the last one, kept for the check, and the one being computed), the dense
    /// layer's block of hidden activations and the weights (shared by both layers).
    public static func estimatedBytes(shape: LayerShape, batchSize: Int) -> Double {
        let nodes = Double((1 << (max(0, min(shape.depth, FFFLayer.supportedDepths.upperBound)) + 1)) - 1)
        let rows = Double(batchSize)
        let activations = rows * Double(shape.inputWidth) + 2 * rows * Double(shape.outputWidth)
        let hidden = Double(min(batchSize, DenseLayer.samplesPerBlock)) * nodes
        let weights = nodes * Double(shape.inputWidth + shape.outputWidth + 1)
        return 4 * (activations + hidden + weights)
    }

    // MARK: Output checks

    /// Compares ``FFFLayer/forwardPath(_:)`` with ``FFFLayer/forwardReference(_:)`` on
    /// `sampleCount` fresh inputs, leaving out samples with a routing tie.
    public func referenceCheck(sampleCount: Int) -> OutputCheck {
        var comparison = Comparison()
        var skipped = 0
        for input in randomSamples(count: sampleCount, stream: 1) {
            guard !hasRoutingTie(input) else {
                skipped += 1
                continue
            }
            comparison.add(fastFeedforward.forwardPath(input), expected: fastFeedforward.forwardReference(input))
        }
        return comparison.check(name: "FFF fast path vs reference", skipped: skipped)
    }

    /// Whether some node on the input's path has a pre-activation within rounding of 0,
    /// computed in double precision.
    func hasRoutingTie(_ input: [Float]) -> Bool {
        let layer = fastFeedforward
        var node = 0
        for _ in 0...layer.depth {
            let row = node * layer.inputWidth
            var sum = Double(layer.biases[node])
            var magnitude = abs(sum)
            for k in 0..<layer.inputWidth {
                let term = Double(layer.inputWeights[row + k]) * Double(input[k])
                sum += term
                magnitude += abs(term)
            }
            if abs(sum) <= Self.tieMargin * magnitude { return true }
            node = 2 * node + (sum > 0 ? 2 : 1)
        }
        return false
    }

    /// Compares the rows of a batched FFF output with ``FFFLayer/forwardPath(_:)`` on each row.
    func fastBatchCheck(input: SampleBatch, output: SampleBatch) -> OutputCheck {
        var comparison = Comparison()
        for row in 0..<input.count {
            comparison.add(
                Array(output.sample(at: row)), expected: fastFeedforward.forwardPath(Array(input.sample(at: row))))
        }
        return comparison.check(name: "FFF batch \(input.count) vs per-sample fast path", skipped: 0)
    }

    /// Compares evenly spread rows of a batched dense output with ``DenseLayer/forward(_:)``.
    func denseBatchCheck(input: SampleBatch, output: SampleBatch) -> OutputCheck {
        var comparison = Comparison()
        let step = max(1, input.count / Self.denseRowsChecked)
        for row in stride(from: 0, to: input.count, by: step) {
            comparison.add(Array(output.sample(at: row)), expected: dense.forward(Array(input.sample(at: row))))
        }
        return comparison.check(name: "dense batch \(input.count) vs per-sample", skipped: 0)
    }

    // MARK: Timing

    /// Times both layers at `batchSize` (1: the single-sample API on a pool of inputs; more:
    /// `forward(batch:)` on one batch of distinct inputs) and, for batches, checks the last
    /// batched outputs against per-sample ones.
    public func measure(batchSize: Int, repeats: Int) throws(FeedforwardError) -> BatchMeasurement {
        precondition(batchSize > 0 && repeats > 0, "batch size and repeats must be positive")
        return batchSize == 1 ? measureSingleSamples(repeats: repeats) : try measureBatch(batchSize, repeats: repeats)
    }

    /// Times `forwardPath(_:)` and dense `forward(_:)`, one sample per call.
    func measureSingleSamples(repeats: Int) -> BatchMeasurement {
        let pool = randomSamples(count: Self.singleSamplePoolSize, stream: 2)
        let mask = pool.count - 1
        let fast = time(samplesPerCall: 1, repeats: repeats) { call in
            Self.checksum(fastFeedforward.forwardPath(pool[call & mask]))
        }
        let slow = time(samplesPerCall: 1, repeats: repeats) { call in
            Self.checksum(dense.forward(pool[call & mask]))
        }
        return BatchMeasurement(
            batchSize: 1, fastFeedforward: fast.summary, dense: slow.summary, checks: [],
            checksum: fast.checksum + slow.checksum)
    }

    /// Times `forward(batch:)` of both layers on one batch, then checks their last outputs.
    func measureBatch(_ batchSize: Int, repeats: Int) throws(FeedforwardError) -> BatchMeasurement {
        let input = try SampleBatch(
            count: batchSize, width: shape.inputWidth,
            values: randomValues(count: batchSize * shape.inputWidth, stream: 3))
        var lastFast = SampleBatch(zerosWithCount: 0, width: shape.outputWidth)
        let fast = time(samplesPerCall: batchSize, repeats: repeats) { _ in
            lastFast = fastFeedforward.forward(batch: input)
            return Self.checksum(lastFast.values)
        }
        let fastCheck = fastBatchCheck(input: input, output: lastFast)
        lastFast = SampleBatch(zerosWithCount: 0, width: shape.outputWidth)  // free it before dense runs
        var lastDense = SampleBatch(zerosWithCount: 0, width: shape.outputWidth)
        let slow = time(samplesPerCall: batchSize, repeats: repeats) { _ in
            lastDense = dense.forward(batch: input)
            return Self.checksum(lastDense.values)
        }
        return BatchMeasurement(
            batchSize: batchSize, fastFeedforward: fast.summary, dense: slow.summary,
            checks: [fastCheck, denseBatchCheck(input: input, output: lastDense)],
            checksum: fast.checksum + slow.checksum)
    }

    /// Warms up and calibrates (doubling the calls until they fill a quarter of
    /// ``minimumRepeatDuration``), then times `repeats` repeats of enough calls to fill it.
    /// `body` gets the call number and returns a checksum of its output.
    func time(
        samplesPerCall: Int, repeats: Int, _ body: (Int) -> Float
    ) -> (summary: TimingSummary, checksum: Double) {
        let clock = ContinuousClock()
        var checksum: Double = 0
        var calls = 1
        while true {
            let elapsed = clock.measure { checksum += Self.run(body, calls: calls) }
            if elapsed * 4 >= minimumRepeatDuration || calls >= 1 << 30 { break }
            calls *= 2
        }
        var perSample: [Double] = []
        for _ in 0..<repeats {
            let elapsed = clock.measure { checksum += Self.run(body, calls: calls) }
            perSample.append(Self.microseconds(elapsed) / Double(calls * samplesPerCall))
        }
        return (TimingSummary(perSample, samplesPerRepeat: calls * samplesPerCall), checksum)
    }

    /// Calls `body` `calls` times and sums the checksums it returns.
    @inline(never)
    static func run(_ body: (Int) -> Float, calls: Int) -> Double {
        var sum: Float = 0
        for call in 0..<calls { sum += body(call) }
        return Double(sum)
    }

    /// A cheap fingerprint of an output: its first and last values.
    static func checksum(_ values: [Float]) -> Float {
        (values.first ?? 0) + (values.last ?? 0)
    }

    /// A duration in microseconds.
    static func microseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e6 + Double(parts.attoseconds) * 1e-12
    }

    // MARK: Inputs

    /// `count` uniform values in `[−1, 1)` from this benchmark's seed and a stream number, so
    /// that the check, single-sample and batch inputs differ from each other and from weights.
    func randomValues(count: Int, stream: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed &+ stream &* 0x9E37_79B9_7F4A_7C15)
        return (0..<count).map { _ in 2 * generator.nextUnitFloat() - 1 }
    }

    /// `count` input samples of uniform values in `[−1, 1)`.
    func randomSamples(count: Int, stream: UInt64) -> [[Float]] {
        let values = randomValues(count: count * shape.inputWidth, stream: stream)
        return (0..<count).map { Array(values[$0 * shape.inputWidth..<($0 + 1) * shape.inputWidth]) }
    }
}

extension TimingSummary {
    /// Summarises per-sample times of the timed repeats.
    init(_ microsecondsPerSample: [Double], samplesPerRepeat: Int) {
        let sorted = microsecondsPerSample.sorted()
        let middle = sorted.count / 2
        self.medianMicroseconds =
            sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        self.bestMicroseconds = sorted.first ?? 0
        self.repeats = sorted.count
        self.samplesPerRepeat = samplesPerRepeat
    }
}

/// Accumulates the largest difference and the largest expected magnitude over many outputs.
private struct Comparison {
    var samples = 0
    var maximumDifference: Double = 0
    var outputScale: Double = 0

    /// Adds one sample's outputs.
    mutating func add(_ actual: [Float], expected: [Float]) {
        precondition(actual.count == expected.count, "outputs of different widths")
        samples += 1
        for (a, b) in zip(actual, expected) {
            let difference = abs(Double(a) - Double(b))
            // Written so that a NaN counts as an infinite difference instead of being ignored.
            if !(difference <= maximumDifference) { maximumDifference = difference.isNaN ? .infinity : difference }
            outputScale = max(outputScale, abs(Double(b)))
        }
    }

    /// The finished check.
    func check(name: String, skipped: Int) -> OutputCheck {
        OutputCheck(
            name: name, samplesCompared: samples, samplesSkipped: skipped,
            maximumDifference: maximumDifference, outputScale: outputScale, tolerance: LayerBenchmark.tolerance)
    }
}
