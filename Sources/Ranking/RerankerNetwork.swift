import FastFeedforward
import Statistics

/// The learned part of the neural rankers: it re-scores the candidates of the classical
/// stage.
///
/// A case becomes x = Σ w·P[t] over its observed terms and ancestors plus Σ w·A[t] over its
/// excluded ones (P and A are learned term embeddings, w the IC weights of ``FindingBag``);
/// a residual feedforward block gives h = x + F(x), where F is a fast feedforward layer or its
/// dense twin; a candidate disease d scores h·D[d] + b[d] + γ·z[d], with D learned disease
/// vectors and z the classical score standardised over the candidates. Trained with softmax
/// cross-entropy over the candidates.
public struct RerankerNetwork<Layer: FeedforwardLayer>: Sendable {
    public let width: Int
    public var layer: Layer
    /// The learned tensors besides the layer, in ``Tensor`` order.
    public var tensors: [[Float]]

    /// Names of the tensors besides the layer.
    public enum Tensor: Int, CaseIterable, Sendable {
        case presentEmbedding, absentEmbedding, diseaseVectors, diseaseBias, classicalWeight

        public var name: String { String(describing: self) }
        /// Weight decay applies to the matrices, not to biases and the mixing weight.
        public var decays: Bool { self == .presentEmbedding || self == .absentEmbedding || self == .diseaseVectors }
    }

    /// A fresh network: small random embeddings, zero disease vectors (so the untrained
    /// network ranks exactly as the classical stage), γ = 1.
    public init(layer: Layer, termCount: Int, diseaseCount: Int, seed: UInt64) {
        precondition(layer.inputWidth == layer.outputWidth, "the residual block needs equal widths")
        width = layer.inputWidth
        self.layer = layer
        var generator = SeededGenerator(seed: seed)
        let scale = 1 / Float(width).squareRoot()
        func random(_ count: Int) -> [Float] {
            (0..<count).map { _ in Float(Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1) * scale }
        }
        tensors = [
            random(termCount * width), random(termCount * width),
            [Float](repeating: 0, count: diseaseCount * width), [Float](repeating: 0, count: diseaseCount), [1],
        ]
    }

    public init(layer: Layer, tensors: [[Float]]) {
        width = layer.inputWidth
        self.layer = layer
        self.tensors = tensors
    }

    public var tensorDescriptors: [ParameterDescriptor] {
        Tensor.allCases.map { ParameterDescriptor(name: $0.name, count: tensors[$0.rawValue].count, decays: $0.decays) }
    }

    /// x for one case.
    public func encode(_ bag: FindingBag) -> [Float] {
        var x = [Float](repeating: 0, count: width)
        accumulate(bag.present, table: tensors[Tensor.presentEmbedding.rawValue], into: &x)
        accumulate(bag.absent, table: tensors[Tensor.absentEmbedding.rawValue], into: &x)
        return x
    }

    private func accumulate(_ items: [(term: Int32, weight: Float)], table: [Float], into x: inout [Float]) {
        let width = width
        table.withUnsafeBufferPointer { table in
            x.withUnsafeMutableBufferPointer { x in
                guard let table = table.baseAddress, let x = x.baseAddress else { return }
                for item in items {
                    VectorKernels.addScaled(item.weight, table + Int(item.term) * width, to: x, count: width)
                }
            }
        }
    }

    /// h for one case.
    public func hidden(_ x: [Float]) -> [Float] {
        let f = layer.forward(x)
        return zip(x, f).map { $0 + $1 }
    }

    /// Scores of `candidates` given h and their standardised classical scores.
    public func scores(hidden h: [Float], candidates: [Int32], classical: [Float]) -> [Float] {
        let gamma = tensors[Tensor.classicalWeight.rawValue][0]
        let width = width
        var scores = [Float](repeating: 0, count: candidates.count)
        tensors[Tensor.diseaseVectors.rawValue].withUnsafeBufferPointer { vectors in
            tensors[Tensor.diseaseBias.rawValue].withUnsafeBufferPointer { bias in
                h.withUnsafeBufferPointer { h in
                    guard let vectors = vectors.baseAddress, let h = h.baseAddress else { return }
                    for (position, disease) in candidates.enumerated() {
                        let dot = VectorKernels.dot(h, vectors + Int(disease) * width, count: width)
                        scores[position] = dot + bias[Int(disease)] + gamma * classical[position]
                    }
                }
            }
        }
        return scores
    }
}
