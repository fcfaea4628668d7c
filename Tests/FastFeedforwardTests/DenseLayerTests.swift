import Testing

@testable import FastFeedforward

@Suite struct DenseLayerTests {
    /// `Σ_j gelu(w_in[j]·x + b[j]) · w_out[j]` in double precision.
    static func reference(_ layer: DenseLayer, _ input: [Float]) -> [Float] {
        var output = [Double](repeating: 0, count: layer.outputWidth)
        for j in 0..<layer.hiddenWidth {
            var a = Double(layer.biases[j])
            for k in 0..<layer.inputWidth {
                a += Double(layer.inputWeights[j * layer.inputWidth + k]) * Double(input[k])
            }
            let g = GELU.value(a)
            for o in 0..<layer.outputWidth {
                output[o] += g * Double(layer.outputWeights[j * layer.outputWidth + o])
            }
        }
        return output.map { Float($0) }
    }

    @Test func gradientsMatchCentralFiniteDifferences() throws {
        let layer = try DenseLayer(inputWidth: 5, outputWidth: 3, hiddenWidth: 7, seed: 61)
        var data = TestData(seed: 62)
        let batch = data.batch(count: 4, width: 5)
        let loss = QuadraticProbeLoss(coefficients: data.vector(12))
        let check = GradientCheck(layer: layer, batch: batch, loss: loss, step: 1e-3)
        let result = check.worstRatio(absolute: 2e-3, relative: 1e-2)
        #expect(result.checked == 7 * 5 + 7 + 7 * 3 + 4 * 5)
        #expect(result.ratio <= 1, "\(result.worst)")
    }

    @Test(arguments: [1, 3, 4, 300])
    func forwardMatchesDoublePrecisionReference(count: Int) throws {
        let layer = try DenseLayer(inputWidth: 10, outputWidth: 9, hiddenWidth: 15, seed: 71)
        var data = TestData(seed: 72)
        let batch = data.batch(count: count, width: 10)
        let batched = layer.forward(batch: batch)
        let training = layer.forwardForTraining(batch: batch).output
        for s in 0..<count {
            let input = Array(batch.sample(at: s))
            let reference = Self.reference(layer, input)
            #expect(maximumDifference(layer.forward(input), reference) <= 1e-5)
            #expect(maximumDifference(Array(batched.sample(at: s)), reference) <= 1e-5)
            #expect(maximumDifference(Array(training.sample(at: s)), reference) <= 1e-5)
        }
    }

    @Test func twinHoldsTheFFFWeightsAndConformsToTheSameSeam() throws {
        let fff = try FFFLayer(inputWidth: 4, outputWidth: 3, depth: 2, seed: 81)
        let twin = DenseLayer(twinOf: fff)
        let layers: [any FeedforwardLayer] = [fff, twin]
        #expect(layers.map(\.hiddenWidth) == [7, 7])
        #expect(fff.parameterDescriptors == twin.parameterDescriptors)
        for index in 0..<3 {
            #expect(bitIdentical(fff.parameterValues(at: index), twin.parameterValues(at: index)))
        }
    }
}
