import Testing

@testable import FastFeedforward

@Suite struct AdamWTests {
    @Test func firstStepMovesEachParameterByTheLearningRateAgainstItsGradient() throws {
        var layer = try FFFLayer(
            inputWidth: 1, outputWidth: 1, depth: 0, inputWeights: [2], biases: [1], outputWeights: [-1])
        var optimizer = AdamW(for: layer, learningRate: 0.1, weightDecay: 0.5)
        optimizer.step(&layer, gradients: [[0.5], [-2], [0.25]])
        // Bias-corrected m̂/√v̂ = sign(g) on the first step; decay 1 − lr·λ = 0.95 on weights only.
        #expect(abs(layer.inputWeights[0] - (2 * 0.95 - 0.1)) < 1e-6)
        #expect(abs(layer.biases[0] - (1 + 0.1)) < 1e-6)
        #expect(abs(layer.outputWeights[0] - (-1 * 0.95 - 0.1)) < 1e-6)
        #expect(optimizer.stepCount == 1)
    }

    @Test func plainTensorStepMatchesLayerStep() throws {
        var layer = try FFFLayer(inputWidth: 3, outputWidth: 2, depth: 1, seed: 12)
        var tensors = (0..<3).map { layer.parameterValues(at: $0) }
        var data = TestData(seed: 13)
        var layerOptimizer = AdamW(for: layer, learningRate: 0.05)
        var tensorOptimizer = AdamW(parameterDescriptors: layer.parameterDescriptors, learningRate: 0.05)
        for _ in 0..<3 {
            let gradients = layer.parameterDescriptors.map { data.vector($0.count) }
            layerOptimizer.step(&layer, gradients: gradients)
            tensorOptimizer.step(tensors: &tensors, gradients: gradients)
        }
        for index in 0..<3 {
            #expect(bitIdentical(tensors[index], layer.parameterValues(at: index)))
        }
        #expect(!bitIdentical(tensors[0], try FFFLayer(inputWidth: 3, outputWidth: 2, depth: 1, seed: 12).inputWeights))
    }

    /// Trains `layer` to imitate a fixed teacher for `steps` AdamW steps on a mean squared
    /// error, returning the trained layer and the losses before and after.
    static func train<Layer: FeedforwardLayer>(
        _ layer: Layer, steps: Int
    ) throws -> (layer: Layer, before: Double, after: Double) {
        let teacher = try DenseLayer(inputWidth: 4, outputWidth: 2, hiddenWidth: 3, seed: 999)
        var data = TestData(seed: 1234)
        let inputs = data.batch(count: 32, width: 4)
        let targets = teacher.forward(batch: inputs)
        func meanSquaredError(_ output: SampleBatch) -> Double {
            zip(output.values, targets.values).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
                / Double(output.values.count)
        }
        var layer = layer
        var optimizer = AdamW(for: layer, learningRate: 0.02, weightDecay: 0.01)
        let before = meanSquaredError(layer.forward(batch: inputs))
        for _ in 0..<steps {
            let (output, trace) = layer.forwardForTraining(batch: inputs)
            let scale = 2 / Float(output.values.count)
            let gradient = try SampleBatch(
                count: output.count, width: output.width,
                values: zip(output.values, targets.values).map { scale * ($0 - $1) })
            let gradients = layer.backward(outputGradient: gradient, trace: trace)
            optimizer.step(&layer, gradients: gradients.parameters)
        }
        return (layer, before, meanSquaredError(layer.forward(batch: inputs)))
    }

    @Test func trainingReducesRegressionLossForBothLayerKinds() throws {
        let fff = try Self.train(try FFFLayer(inputWidth: 4, outputWidth: 2, depth: 2, seed: 5), steps: 60)
        #expect(fff.after < 0.5 * fff.before, "FFF loss \(fff.before) → \(fff.after)")
        let dense = try Self.train(try DenseLayer(inputWidth: 4, outputWidth: 2, hiddenWidth: 7, seed: 5), steps: 60)
        #expect(dense.after < 0.5 * dense.before, "dense loss \(dense.before) → \(dense.after)")
    }

    @Test func sameSeedTrainsToBitIdenticalWeights() throws {
        let first = try Self.train(try FFFLayer(inputWidth: 4, outputWidth: 2, depth: 2, seed: 8), steps: 10).layer
        let second = try Self.train(try FFFLayer(inputWidth: 4, outputWidth: 2, depth: 2, seed: 8), steps: 10).layer
        let other = try Self.train(try FFFLayer(inputWidth: 4, outputWidth: 2, depth: 2, seed: 9), steps: 10).layer
        for index in 0..<3 {
            #expect(bitIdentical(first.parameterValues(at: index), second.parameterValues(at: index)))
        }
        #expect(!bitIdentical(first.inputWeights, other.inputWeights))

        let denseA = try Self.train(try DenseLayer(inputWidth: 4, outputWidth: 2, hiddenWidth: 7, seed: 8), steps: 10)
            .layer
        let denseB = try Self.train(try DenseLayer(inputWidth: 4, outputWidth: 2, hiddenWidth: 7, seed: 8), steps: 10)
            .layer
        #expect(denseA == denseB)
        #expect(bitIdentical(denseA.outputWeights, denseB.outputWeights))
    }
}
