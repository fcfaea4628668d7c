import FastFeedforward
import Foundation

/// A trained re-ranker on disk: the network, the shape it was built with and the knowledge
/// base release it was trained on (loading refuses any other release).
public enum NeuralModel {
    /// The architecture of the default models.
    public struct Shape: Sendable, Equatable {
        public var width = 32
        public var depth = 7
        public var candidates = 100
        /// The candidate stage's information-content threshold (``CandidateStage/threshold``);
        /// the network learns from the scores that stage gives, so it is part of the model.
        public var candidateThreshold = CandidateStage.defaultThreshold

        public init() {}
    }

    /// `fff-<release date>-w<width>d<depth>-ic<threshold>`, e.g. `fff-2025-01-16-w32d7-ic1`.
    public static func version(kind: String, knowledgeBase: String, shape: Shape) -> String {
        let release = knowledgeBase.split(separator: "/").last.map(String.init) ?? knowledgeBase
        return "\(kind)-\(release)-w\(shape.width)d\(shape.depth)-ic\(thresholdText(shape.candidateThreshold))"
    }

    /// `3` for 3.0, `2.5` for 2.5.
    static func thresholdText(_ threshold: Float) -> String {
        threshold == threshold.rounded() ? String(Int(threshold)) : String(threshold)
    }

    /// Writes a network with its metadata (the knowledge base release, the version and the
    /// candidate stage it was trained with).
    public static func write<Layer: FeedforwardLayer & StorableLayer>(
        _ network: RerankerNetwork<Layer>, knowledgeBase: String, version: String,
        candidateThreshold: Float = CandidateStage.defaultThreshold, to url: URL
    ) throws {
        let archive = ModelArchive(
            metadata: metadata(knowledgeBase: knowledgeBase, version: version, candidateThreshold: candidateThreshold),
            layers: [network.layer.stored],
            tensors: zip(network.tensorDescriptors, network.tensors).map { NamedTensor(name: $0.name, values: $1) })
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try archive.write(to: url)
    }

    /// A network read from disk, with what it was trained with.
    public struct Loaded<Layer: FeedforwardLayer>: Sendable {
        public var network: RerankerNetwork<Layer>
        public var version: String
        public var candidateThreshold: Float
    }

    /// Reads a network, refusing one trained on another knowledge base release or before the
    /// candidate stage was recorded.
    public static func read<Layer: FeedforwardLayer & StorableLayer>(
        _ type: Layer.Type, from url: URL, knowledgeBase: String
    ) throws -> Loaded<Layer> {
        let archive = try ModelArchive(contentsOf: url)
        let fields = archive.metadata.split(separator: "\n").reduce(into: [String: String]()) { fields, line in
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard fields["knowledge_base"] == knowledgeBase else {
            throw NeuralModelError.knowledgeBaseMismatch(
                path: url.path, trainedOn: fields["knowledge_base"] ?? "unknown", loaded: knowledgeBase)
        }
        guard let threshold = fields["candidate_threshold"].flatMap(Float.init) else {
            throw NeuralModelError.outdated(path: url.path)
        }
        guard let stored = archive.layers.first, let layer = Layer(stored: stored) else {
            throw NeuralModelError.wrongLayer(path: url.path)
        }
        let byName = Dictionary(archive.tensors.map { ($0.name, $0.values) }, uniquingKeysWith: { first, _ in first })
        let tensors = try RerankerNetwork<Layer>.Tensor.allCases.map { tensor in
            guard let values = byName[tensor.name] else {
                throw NeuralModelError.missingTensor(path: url.path, name: tensor.name)
            }
            return values
        }
        return Loaded(
            network: RerankerNetwork(layer: layer, tensors: tensors), version: fields["version"] ?? "unknown",
            candidateThreshold: threshold)
    }

    static func metadata(knowledgeBase: String, version: String, candidateThreshold: Float) -> String {
        "knowledge_base=\(knowledgeBase)\nversion=\(version)\ncandidate_threshold=\(candidateThreshold)"
    }
}

/// Why a model file could not be used.
public enum NeuralModelError: Error, CustomStringConvertible {
    case knowledgeBaseMismatch(path: String, trainedOn: String, loaded: String)
    case wrongLayer(path: String)
    case missingTensor(path: String, name: String)
    case missing(path: String)
    case outdated(path: String)

    public var description: String {
        switch self {
        case .knowledgeBaseMismatch(let path, let trainedOn, let loaded):
            "\(path) was trained on knowledge base \(trainedOn), but \(loaded) is loaded: retrain with `ddx train`"
        case .wrongLayer(let path): "\(path) holds a different kind of layer than this model needs"
        case .missingTensor(let path, let name): "\(path) lacks the tensor \(name): not a ddx re-ranker model"
        case .missing(let path): "no trained model at \(path): run `ddx train` (or `ddx setup`)"
        case .outdated(let path):
            "\(path) was trained with an earlier candidate stage: retrain it with `ddx train` (or `ddx setup`)"
        }
    }
}
