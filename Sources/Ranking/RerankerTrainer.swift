import FastFeedforward
import Foundation
import Statistics

/// Trains a ``RerankerNetwork`` with softmax cross-entropy over each example's candidates,
/// mini-batch AdamW, in a fixed order given the seed, so a run is reproducible bit for bit.
public struct RerankerTrainer<Layer: FeedforwardLayer>: Sendable {
    public struct Settings: Sendable, Equatable {
        public var epochs = 6
        public var batchSize = 128
        public var learningRate: Float = 2e-3
        public var weightDecay: Float = 1e-4
        public var seed: UInt64 = 7

        public init() {}
    }

    public private(set) var network: RerankerNetwork<Layer>
    public let settings: Settings
    private var layerOptimizer: AdamW
    private var tensorOptimizer: AdamW

    public init(network: RerankerNetwork<Layer>, settings: Settings = Settings()) {
        self.network = network
        self.settings = settings
        layerOptimizer = AdamW(
            for: network.layer, learningRate: settings.learningRate, weightDecay: settings.weightDecay)
        tensorOptimizer = AdamW(
            parameterDescriptors: network.tensorDescriptors, learningRate: settings.learningRate,
            weightDecay: settings.weightDecay)
    }

    /// Runs all epochs; `progress(epoch, batchesDone, batchesPerEpoch, meanLoss)` after each batch.
    public mutating func train(_ examples: [TrainingExample], progress: (Int, Int, Int, Double) -> Void) {
        var generator = SeededGenerator(seed: settings.seed)
        let batches = (examples.count + settings.batchSize - 1) / settings.batchSize
        for epoch in 0..<settings.epochs {
            var order = Array(examples.indices)
            order.shuffle(using: &generator)
            var lossSum = 0.0
            for batch in 0..<batches {
                let slice = order[(batch * settings.batchSize)..<min(order.count, (batch + 1) * settings.batchSize)]
                lossSum += step(slice.map { examples[$0] })
                progress(epoch, batch + 1, batches, lossSum / Double(batch + 1))
            }
        }
    }

    /// One optimisation step on a mini-batch; returns its mean loss.
    public mutating func step(_ batch: [TrainingExample]) -> Double {
        let width = network.width
        let xs = batch.map { network.encode($0.bag) }
        guard let input = try? SampleBatch(samples: xs, width: width) else { return 0 }
        let (output, trace) = network.layer.forwardForTraining(batch: input)
        var gradients = network.tensorDescriptors.map { [Float](repeating: 0, count: $0.count) }
        var hiddenGradient = SampleBatch(zerosWithCount: batch.count, width: width)
        var loss = 0.0
        let scale = 1 / Float(batch.count)
        for (sample, example) in batch.enumerated() {
            let h = (0..<width).map { input[sample, $0] + output[sample, $0] }
            loss += candidateLoss(
                example, hidden: h, scale: scale, gradients: &gradients, hiddenGradient: &hiddenGradient, sample: sample
            )
        }
        let layerGradients = network.layer.backward(outputGradient: hiddenGradient, trace: trace)
        for (sample, example) in batch.enumerated() {
            var dx = [Float](repeating: 0, count: width)
            for j in 0..<width { dx[j] = hiddenGradient[sample, j] + layerGradients.input[sample, j] }
            scatter(example.bag.present, dx, into: &gradients[RerankerNetwork<Layer>.Tensor.presentEmbedding.rawValue])
            scatter(example.bag.absent, dx, into: &gradients[RerankerNetwork<Layer>.Tensor.absentEmbedding.rawValue])
        }
        layerOptimizer.step(&network.layer, gradients: layerGradients.parameters)
        tensorOptimizer.step(tensors: &network.tensors, gradients: gradients)
        return loss / Double(batch.count)
    }

    /// Mean loss over `examples` with the current weights (no update).
    public func loss(_ examples: [TrainingExample]) -> Double {
        guard !examples.isEmpty else { return 0 }
        var total = 0.0
        for example in examples {
            let h = network.hidden(network.encode(example.bag))
            let logits = network.scores(
                hidden: h, candidates: example.candidates.diseases, classical: example.candidates.standardized)
            let maximum = logits.max() ?? 0
            let sum = logits.reduce(0.0) { $0 + exp(Double($1 - maximum)) }
            total += log(sum) - Double(logits[example.truth] - maximum)
        }
        return total / Double(examples.count)
    }

    /// Softmax cross-entropy of one example; adds (scaled) gradients for the disease tensors and h.
    private func candidateLoss(
        _ example: TrainingExample, hidden h: [Float], scale: Float, gradients: inout [[Float]],
        hiddenGradient: inout SampleBatch, sample: Int
    ) -> Double {
        typealias Tensor = RerankerNetwork<Layer>.Tensor
        let width = network.width
        let candidates = example.candidates
        let logits = network.scores(hidden: h, candidates: candidates.diseases, classical: candidates.standardized)
        let maximum = logits.max() ?? 0
        let exponentials = logits.map { exp(Double($0 - maximum)) }
        let total = exponentials.reduce(0, +)
        let vectors = network.tensors[Tensor.diseaseVectors.rawValue]
        for (position, disease) in candidates.diseases.enumerated() {
            let probability = exponentials[position] / total
            let g = Float(probability - (position == example.truth ? 1 : 0)) * scale
            let row = Int(disease) * width
            for j in 0..<width {
                gradients[Tensor.diseaseVectors.rawValue][row + j] += g * h[j]
                hiddenGradient[sample, j] += g * vectors[row + j]
            }
            gradients[Tensor.diseaseBias.rawValue][Int(disease)] += g
            gradients[Tensor.classicalWeight.rawValue][0] += g * candidates.standardized[position]
        }
        return -log(exponentials[example.truth] / total)
    }

    private func scatter(_ bag: [(term: Int32, weight: Float)], _ dx: [Float], into gradient: inout [Float]) {
        let width = network.width
        for item in bag {
            let row = Int(item.term) * width
            for j in 0..<width { gradient[row + j] += item.weight * dx[j] }
        }
    }
}
