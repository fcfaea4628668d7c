import ArgumentParser
import Clinical
import Evaluation
import FastFeedforward
import Foundation
import Ranking
import Statistics

/// `ddx train`: train the neural re-rankers (fff and its dense twin) reproducibly.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the neural re-ranker (fast feedforward, or its dense twin) from a seed.",
        discussion: """
            Trains on simulated patients of every disease plus the training side of the real cases
            (split by publication; --validation-share of the publications are held out and only
            used to report accuracy). The model is written to $DDX_HOME/models/<layer>.ddxm with
            the knowledge base release it was trained on. The same seed gives the same model.
            """)

    @Option(help: "Real cases with truths (JSON Lines, may be gzip-compressed).")
    var cases: String = "../shared/data/phenopacket-store/phenopackets-dev.jsonl.gz"
    @Option(help: "fff or dense.") var layer: LayerKind = .fff
    @Option(help: "Share of publications held out for validation.") var validationShare = 0.1
    @Option(help: "Simulated patients per disease.") var simulatedPerDisease = 2
    @Option(help: "Training epochs.") var epochs = 6
    @Option(help: "Random seed (data order, simulation, initial weights).") var seed: UInt64 = 7
    @Option(help: "Embedding width.") var width = 32
    @Option(help: "Depth of the fast feedforward tree (the dense twin gets 2^(depth+1)-1 neurons).") var depth = 7
    @Option(help: "Where to write the model (default $DDX_HOME/models/<layer>.ddxm).") var output: String?

    enum LayerKind: String, ExpressibleByArgument, CaseIterable {
        case fff, dense
    }

    func run() throws {
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let input = try CaseSource(path: cases).read()
        let normalizer = CaseNormalizer(ontology: index.ontology)
        let split = PublicationSplit(validationShare: validationShare).split(input.cases.map(normalizer.normalize))
        var shape = NeuralModel.Shape()
        shape.width = width
        shape.depth = depth
        let stage = CandidateStage(index: index, count: shape.candidates)
        var preparing = ProgressBar(total: 1, label: "preparing examples")
        let set = TrainingSet(
            index: index, stage: stage, realCases: split.training, simulatedPerDisease: simulatedPerDisease,
            seed: seed
        ) { done, total in
            if preparing.total != total { preparing = ProgressBar(total: total, label: "preparing examples") }
            preparing.update(done)
        }
        Terminal.note("\(set.examples.count) examples: \(set.real) real (training side), \(set.simulated) simulated")
        let url = output.map { URL(fileURLWithPath: $0) } ?? workspace.directory.model(named: layer.rawValue)
        let version = NeuralModel.version(kind: layer.rawValue, knowledgeBase: index.knowledgeBase.version, shape: shape)
        switch layer {
        case .fff:
            let network = try train(FFFLayer(inputWidth: width, outputWidth: width, depth: depth, seed: seed), set, index)
            try NeuralModel.write(network, knowledgeBase: index.knowledgeBase.version, version: version, to: url)
            report(NeuralRanker(index: index, network: network, modelVersion: version), split.validation, index)
        case .dense:
            let twin = try DenseLayer(inputWidth: width, outputWidth: width, hiddenWidth: (1 << (depth + 1)) - 1, seed: seed)
            let network = try train(twin, set, index)
            try NeuralModel.write(network, knowledgeBase: index.knowledgeBase.version, version: version, to: url)
            report(NeuralRanker(index: index, network: network, modelVersion: version), split.validation, index)
        }
        Terminal.note("wrote \(url.path)")
    }

    private func train<Layer: FeedforwardLayer>(_ layer: Layer, _ set: TrainingSet, _ index: PhenotypeIndex) throws
        -> RerankerNetwork<Layer>
    {
        var settings = RerankerTrainer<Layer>.Settings()
        settings.epochs = epochs
        settings.seed = seed
        let network = RerankerNetwork(
            layer: layer, termCount: index.ontology.count, diseaseCount: index.diseaseCount, seed: seed)
        var trainer = RerankerTrainer(network: network, settings: settings)
        var bars: [Int: ProgressBar] = [:]
        trainer.train(set.examples) { epoch, done, total, loss in
            var bar = bars[epoch] ?? ProgressBar(total: total, label: "epoch \(epoch + 1)/\(epochs)")
            bar.update(done, suffix: String(format: "loss %.3f", loss))
            bars[epoch] = bar
        }
        return trainer.network
    }

    /// Top-1/10 on the validation side for the trained model and the classical baseline.
    private func report(_ ranker: any Ranker, _ validation: [PatientCase], _ index: PhenotypeIndex) {
        let arms: [(String, any Ranker)] = [("model:\(layer.rawValue)", ranker), ("model:baseline", LikelihoodRanker(index: index))]
        let runs = arms.map { name, ranker in
            (name: name, outcomes: ModelArm(ranker: ranker, name: name).run(validation, knowledgeBase: index.knowledgeBase))
        }
        let report = EvaluationReport(arms: runs, bootstrap: Bootstrap(resamples: 1000, seed: 1))
        Terminal.note("validation (\(report.evaluable) evaluable cases of held-out publications):")
        for arm in report.arms {
            Terminal.note(
                String(
                    format: "  %@  top-1 %.3f  top-3 %.3f  top-10 %.3f  non-circular top-10 %.3f (n=%d)", arm.name,
                    arm.all.topK[1] ?? 0, arm.all.topK[3] ?? 0, arm.all.topK[10] ?? 0, arm.nonCircular.topK[10] ?? 0,
                    arm.nonCircular.n))
        }
    }
}
