import Testing

@testable import FastFeedforward

@Suite struct FFFGradientTests {
    /// A batch whose every visited node has `|a| > margin`, so that the finite-difference
    /// perturbations (≤ step · max |x| or step · max |w|) cannot flip a routing decision.
    static func batchAwayFromRoutingBoundaries(
        layer: FFFLayer, count: Int, margin: Float, seed: UInt64
    ) -> SampleBatch {
        var data = TestData(seed: seed)
        var samples: [[Float]] = []
        while samples.count < count {
            let candidate = data.vector(layer.inputWidth)
            let batch = try! SampleBatch(samples: [candidate], width: layer.inputWidth)
            let trace = layer.forwardForTraining(batch: batch).trace
            if trace.preActivations.allSatisfy({ abs($0) > margin }) {
                samples.append(candidate)
            }
        }
        return try! SampleBatch(samples: samples, width: layer.inputWidth)
    }

    @Test func gradientsMatchCentralFiniteDifferences() throws {
        let layer = try FFFLayer(inputWidth: 6, outputWidth: 3, depth: 3, seed: 31)
        let batch = Self.batchAwayFromRoutingBoundaries(layer: layer, count: 3, margin: 0.05, seed: 32)
        var data = TestData(seed: 33)
        let loss = QuadraticProbeLoss(coefficients: data.vector(batch.count * layer.outputWidth))
        let check = GradientCheck(layer: layer, batch: batch, loss: loss, step: 1e-3)
        let result = check.worstRatio(absolute: 2e-3, relative: 1e-2)
        #expect(result.checked == 15 * 6 + 15 + 15 * 3 + 3 * 6)
        #expect(result.ratio <= 1, "\(result.worst)")
    }

    @Test func onlyVisitedNodesReceiveGradient() throws {
        let layer = try FFFLayer(inputWidth: 4, outputWidth: 2, depth: 3, seed: 41)
        var data = TestData(seed: 42)
        let batch = data.batch(count: 2, width: 4)
        let (output, trace) = layer.forwardForTraining(batch: batch)
        let loss = QuadraticProbeLoss(coefficients: data.vector(4))
        let gradients = layer.backward(outputGradient: loss.gradient(output), trace: trace)
        let visited = Set((0..<2).flatMap { layer.path(for: Array(batch.sample(at: $0))) })
        #expect(visited.count < layer.nodeCount)
        for node in 0..<layer.nodeCount where !visited.contains(node) {
            #expect(gradients.parameters[1][node] == 0)
            #expect(gradients.parameters[0][(node * 4)..<(node * 4 + 4)].allSatisfy { $0 == 0 })
            #expect(gradients.parameters[2][(node * 2)..<(node * 2 + 2)].allSatisfy { $0 == 0 })
        }
        for node in visited {
            #expect(gradients.parameters[2][(node * 2)..<(node * 2 + 2)].contains { $0 != 0 })
        }
    }

    @Test func backwardIsBitIdenticalAcrossRuns() throws {
        let layer = try FFFLayer(inputWidth: 9, outputWidth: 5, depth: 4, seed: 51)
        var data = TestData(seed: 52)
        let batch = data.batch(count: 20, width: 9)
        let (output, trace) = layer.forwardForTraining(batch: batch)
        let gradient = QuadraticProbeLoss(coefficients: data.vector(100)).gradient(output)
        let first = layer.backward(outputGradient: gradient, trace: trace)
        let second = layer.backward(outputGradient: gradient, trace: trace)
        for tensor in 0..<3 {
            #expect(bitIdentical(first.parameters[tensor], second.parameters[tensor]))
        }
        #expect(bitIdentical(first.input.values, second.input.values))
    }
}
