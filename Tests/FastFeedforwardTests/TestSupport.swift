import Statistics
@testable import FastFeedforward

/// Deterministic random data for tests.
struct TestData {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// A uniform value in `[-scale, scale)`.
    mutating func value(scale: Float = 1) -> Float {
        (2 * generator.nextUnitFloat() - 1) * scale
    }

    mutating func vector(_ count: Int, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in value(scale: scale) }
    }

    mutating func batch(count: Int, width: Int, scale: Float = 1) -> SampleBatch {
        // The shape is valid by construction.
        try! SampleBatch(count: count, width: width, values: vector(count * width, scale: scale))
    }
}

/// The largest absolute elementwise difference of two equally long arrays.
func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// Whether two arrays hold the same bit patterns, element by element.
func bitIdentical(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

/// A smooth test loss `Σ c·y + ½·y²` in double precision, with its gradient `c + y`.
struct QuadraticProbeLoss {
    let coefficients: [Float]

    func value(_ output: SampleBatch) -> Double {
        zip(output.values, coefficients).reduce(0.0) { sum, pair in
            let y = Double(pair.0)
            return sum + Double(pair.1) * y + 0.5 * y * y
        }
    }

    func gradient(_ output: SampleBatch) -> SampleBatch {
        try! SampleBatch(
            count: output.count, width: output.width,
            values: zip(output.values, coefficients).map { $0 + $1 })
    }
}

/// Central finite differences of `loss(forward(layer))` with respect to every parameter and
/// every input value, compared with the analytic gradients of `backward`.
struct GradientCheck<Layer: FeedforwardLayer> {
    let layer: Layer
    let batch: SampleBatch
    let loss: QuadraticProbeLoss
    let step: Float

    func numericParameterGradient(tensor: Int, index: Int) -> Double {
        var plus = layer
        plus.updateParameter(at: tensor) { $0[index] += step }
        var minus = layer
        minus.updateParameter(at: tensor) { $0[index] -= step }
        let difference = loss.value(plus.forward(batch: batch)) - loss.value(minus.forward(batch: batch))
        return difference / (2 * Double(step))
    }

    func numericInputGradient(index: Int) -> Double {
        var plus = batch
        plus.values[index] += step
        var minus = batch
        minus.values[index] -= step
        let difference = loss.value(layer.forward(batch: plus)) - loss.value(layer.forward(batch: minus))
        return difference / (2 * Double(step))
    }

    /// The worst violation of `|analytic − numeric| ≤ absolute + relative·|numeric|`, as a
    /// ratio (≤ 1 passes), over all parameters and inputs; and how many entries were checked.
    func worstRatio(absolute: Double, relative: Double) -> (ratio: Double, checked: Int, worst: String) {
        let (_, trace) = layer.forwardForTraining(batch: batch)
        let output = layer.forward(batch: batch)
        let gradients = layer.backward(outputGradient: loss.gradient(output), trace: trace)
        var worst = 0.0
        var worstName = ""
        var checked = 0
        func record(_ analytic: Float, _ numeric: Double, _ name: String) {
            let ratio = abs(Double(analytic) - numeric) / (absolute + relative * abs(numeric))
            checked += 1
            if ratio > worst {
                worst = ratio
                worstName = "\(name): analytic \(analytic), numeric \(numeric)"
            }
        }
        for (tensor, descriptor) in layer.parameterDescriptors.enumerated() {
            for index in 0..<descriptor.count {
                record(
                    gradients.parameters[tensor][index], numericParameterGradient(tensor: tensor, index: index),
                    "\(descriptor.name)[\(index)]")
            }
        }
        for index in 0..<batch.values.count {
            record(gradients.input.values[index], numericInputGradient(index: index), "input[\(index)]")
        }
        return (worst, checked, worstName)
    }
}
