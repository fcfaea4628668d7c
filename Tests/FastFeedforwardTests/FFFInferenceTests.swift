import Testing

@testable import FastFeedforward

@Suite struct FFFInferenceTests {
    @Test(arguments: 0...6)
    func pathOnlyInferenceMatchesMaskedReference(depth: Int) throws {
        let layer = try FFFLayer(inputWidth: 19, outputWidth: 11, depth: depth, seed: UInt64(100 + depth))
        var data = TestData(seed: 7)
        for _ in 0..<24 {
            let input = data.vector(19)
            let fast = layer.forwardPath(input)
            let reference = layer.forwardReference(input)
            #expect(maximumDifference(fast, reference) <= 1e-5)
        }
    }

    @Test func pathOnlyInferenceMatchesReferenceAtLargerDepth() throws {
        let layer = try FFFLayer(inputWidth: 6, outputWidth: 3, depth: 11, seed: 11)
        var data = TestData(seed: 8)
        var leaves = Set<Int>()
        for _ in 0..<8 {
            let input = data.vector(6)
            #expect(maximumDifference(layer.forwardPath(input), layer.forwardReference(input)) <= 1e-5)
            leaves.insert(layer.path(for: input).last ?? -1)
        }
        #expect(leaves.count > 1, "random inputs should not all reach the same leaf")
    }

    @Test func referenceAppliesTheMaskRatherThanSummingAllNodes() throws {
        let layer = try FFFLayer(inputWidth: 8, outputWidth: 4, depth: 3, seed: 3)
        let dense = DenseLayer(twinOf: layer)
        var data = TestData(seed: 9)
        let input = data.vector(8)
        #expect(maximumDifference(layer.forwardReference(input), dense.forward(input)) > 1e-3)
    }

    @Test func pathVisitsOneNodePerLevelFollowingTheSign() throws {
        let layer = try FFFLayer(inputWidth: 5, outputWidth: 2, depth: 4, seed: 5)
        var data = TestData(seed: 10)
        let input = data.vector(5)
        let path = layer.path(for: input)
        #expect(path.count == 5)
        #expect(path.first == 0)
        for (level, node) in path.enumerated() {
            let levelStart = (1 << level) - 1
            #expect((levelStart..<(2 * levelStart + 1)).contains(node))
            if level + 1 < path.count {
                var a = layer.biases[node]
                for k in 0..<5 { a += layer.inputWeights[node * 5 + k] * input[k] }
                #expect(path[level + 1] == 2 * node + (a > 0 ? 2 : 1))
            }
        }
    }

    @Test func batchedAndTrainingForwardEqualSingleSampleForward() throws {
        let layer = try FFFLayer(inputWidth: 13, outputWidth: 7, depth: 5, seed: 21)
        var data = TestData(seed: 22)
        let batch = data.batch(count: 37, width: 13)
        let batched = layer.forward(batch: batch)
        let training = layer.forwardForTraining(batch: batch).output
        for s in 0..<batch.count {
            let single = layer.forwardPath(Array(batch.sample(at: s)))
            #expect(bitIdentical(Array(batched.sample(at: s)), single))
        }
        #expect(bitIdentical(training.values, batched.values))
    }

    @Test func rejectsImpossibleShapes() {
        #expect(throws: FeedforwardError.invalidDimension(name: "inputWidth", value: 0)) {
            try FFFLayer(inputWidth: 0, outputWidth: 3, depth: 2)
        }
        #expect(throws: FeedforwardError.depthOutOfRange(depth: 25, supported: 0...24)) {
            try FFFLayer(inputWidth: 2, outputWidth: 3, depth: 25)
        }
        #expect(throws: FeedforwardError.sizeMismatch(name: "biases", expected: 3, actual: 2)) {
            try FFFLayer(
                inputWidth: 1, outputWidth: 1, depth: 1,
                inputWeights: [1, 2, 3], biases: [0, 0], outputWeights: [1, 2, 3])
        }
    }

    @Test func sameSeedGivesSameWeightsAndOtherSeedDiffers() throws {
        let a = try FFFLayer(inputWidth: 4, outputWidth: 3, depth: 2, seed: 42)
        let b = try FFFLayer(inputWidth: 4, outputWidth: 3, depth: 2, seed: 42)
        let c = try FFFLayer(inputWidth: 4, outputWidth: 3, depth: 2, seed: 43)
        #expect(bitIdentical(a.inputWeights, b.inputWeights))
        #expect(bitIdentical(a.outputWeights, b.outputWeights))
        #expect(!bitIdentical(a.inputWeights, c.inputWeights))
        let bound = WeightInitialization.fanInBound(4)
        #expect(a.inputWeights.allSatisfy { abs($0) <= bound })
    }
}
