import FastFeedforward
import Foundation

/// The rankers `--model` can name.
public enum ModelName: String, Sendable, CaseIterable {
    /// The neural re-ranker with a fast feedforward layer (needs a trained model file).
    case fff
    /// The same network with a dense layer of the same width (needs a trained model file).
    case dense
    /// The frequency-aware likelihood-ratio ranker: the project's best classical ranker.
    case baseline
    /// Plain Resnik query→disease similarity, the published classical yardstick.
    case resnik

    /// What `ddx rank` uses without `--model`.
    public static let `default`: ModelName = .fff

    /// The rankers that need no trained model.
    public static let classical: [ModelName] = [.baseline, .resnik]

    /// Whether the ranker loads a trained model file.
    public var isNeural: Bool { self == .fff || self == .dense }

    /// Builds the ranker over a prepared index; `parameters` tune the baseline, `modelFile`
    /// says where a neural model's file is. `candidates` and `candidateThreshold` override a
    /// neural model's candidate stage (its trained settings otherwise).
    public func makeRanker(
        index: PhenotypeIndex, parameters: LikelihoodRanker.Parameters = .init(), candidates: Int? = nil,
        candidateThreshold: Float? = nil,
        modelFile: (ModelName) -> URL = { _ in URL(fileURLWithPath: "/nonexistent") }
    ) throws -> any Ranker {
        let stage = (candidates, candidateThreshold)
        switch self {
        case .baseline: return LikelihoodRanker(index: index, parameters: parameters)
        case .resnik: return ResnikRanker(index: index)
        case .fff: return try neural(FFFLayer.self, index: index, url: modelFile(self), stage: stage)
        case .dense: return try neural(DenseLayer.self, index: index, url: modelFile(self), stage: stage)
        }
    }

    private func neural<Layer: FeedforwardLayer & StorableLayer>(
        _ type: Layer.Type, index: PhenotypeIndex, url: URL, stage: (count: Int?, threshold: Float?)
    ) throws -> any Ranker {
        guard FileManager.default.fileExists(atPath: url.path) else { throw NeuralModelError.missing(path: url.path) }
        let model = try NeuralModel.read(type, from: url, knowledgeBase: index.knowledgeBase.version)
        return NeuralRanker(
            index: index, network: model.network, modelVersion: model.version,
            candidates: stage.count ?? NeuralModel.Shape().candidates,
            candidateThreshold: stage.threshold ?? model.candidateThreshold)
    }
}
