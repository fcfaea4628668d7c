import Clinical
import Evaluation
import FastFeedforward
import Foundation
import Knowledge
import Ranking
import Service
import Statistics

/// Trains a neural re-ranker and writes it to the data directory: what `ddx train` does,
/// and what set-up does when the default model is missing.
struct ModelTraining {
    /// Real cases to learn from; the default is the development phenopackets beside the project.
    var casesPath = ModelTraining.defaultCasesPath
    var layer: ModelName = .fff
    var validationShare = 0.1
    var simulatedPerDisease = 2
    var epochs = 4
    var seed: UInt64 = 7
    var shape = NeuralModel.Shape()
    var output: URL?

    /// `$DDX_TRAINING_CASES`, else `../shared/data/phenopacket-store/phenopackets-dev.jsonl.gz`.
    static var defaultCasesPath: String {
        ProcessInfo.processInfo.environment["DDX_TRAINING_CASES"]
            ?? "../shared/data/phenopacket-store/phenopackets-dev.jsonl.gz"
    }

    /// Trains, writes the model and reports validation accuracy next to the baseline's.
    func run(workspace: Workspace, index: PhenotypeIndex) throws {
        let url = output ?? workspace.directory.model(named: layer.rawValue)
        let (training, validation) = try realCases(index: index)
        let stage = CandidateStage(
            index: index, count: shape.candidates == 0 ? 100 : shape.candidates, threshold: shape.candidateThreshold)
        var bar = ProgressBar(total: 1, label: "preparing examples")
        let set = TrainingSet(
            index: index, stage: stage, realCases: training, simulatedPerDisease: simulatedPerDisease,
            withoutClassicalScores: shape.candidates == 0, seed: seed
        ) { done, total in
            if bar.total != total { bar = ProgressBar(total: total, label: "preparing examples") }
            bar.update(done)
        }
        Terminal.note("\(set.examples.count) training examples: \(set.real) real, \(set.simulated) simulated")
        let version = NeuralModel.version(
            kind: layer.rawValue, knowledgeBase: index.knowledgeBase.version, shape: shape)
        let ranker: any Ranker
        switch layer {
        case .dense:
            let twin = try DenseLayer(
                inputWidth: shape.width, outputWidth: shape.width, hiddenWidth: (1 << (shape.depth + 1)) - 1, seed: seed
            )
            let network = train(twin, set, index)
            try write(network, version: version, index: index, to: url)
            ranker = NeuralRanker(
                index: index, network: network, modelVersion: version, candidates: shape.candidates,
                candidateThreshold: shape.candidateThreshold)
        default:
            let fff = try FFFLayer(inputWidth: shape.width, outputWidth: shape.width, depth: shape.depth, seed: seed)
            let network = train(fff, set, index)
            try write(network, version: version, index: index, to: url)
            ranker = NeuralRanker(
                index: index, network: network, modelVersion: version, candidates: shape.candidates,
                candidateThreshold: shape.candidateThreshold)
        }
        Terminal.note("wrote \(url.path) (\(version))")
        if !validation.isEmpty { report(ranker, validation, index) }
    }

    private func write<Layer: FeedforwardLayer & StorableLayer>(
        _ network: RerankerNetwork<Layer>, version: String, index: PhenotypeIndex, to url: URL
    ) throws {
        try NeuralModel.write(
            network, knowledgeBase: index.knowledgeBase.version, version: version,
            candidateThreshold: shape.candidateThreshold, to: url)
    }

    /// The real cases, split by publication into training and validation; none when the
    /// file is absent (then the model learns from simulated patients alone).
    private func realCases(index: PhenotypeIndex) throws -> (training: [PatientCase], validation: [PatientCase]) {
        guard FileManager.default.fileExists(atPath: casesPath) else {
            Terminal.warning(
                "\(casesPath) not found: training on simulated patients only (set DDX_TRAINING_CASES or --cases)")
            return ([], [])
        }
        let ingestor = Workspace().ingestor(for: index.knowledgeBase)
        let cases = try CaseSource(path: casesPath).read().cases.map(ingestor.ingest)
        return PublicationSplit(validationShare: validationShare).split(cases)
    }

    private func train<Layer: FeedforwardLayer>(_ layer: Layer, _ set: TrainingSet, _ index: PhenotypeIndex)
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
            var bar = bars[epoch] ?? ProgressBar(total: total, label: "training epoch \(epoch + 1)/\(epochs)")
            bar.update(done, suffix: String(format: "loss %.3f", loss))
            bars[epoch] = bar
        }
        return trainer.network
    }

    /// Top-k on the held-out publications for the new model and the classical baseline.
    private func report(_ ranker: any Ranker, _ validation: [PatientCase], _ index: PhenotypeIndex) {
        let arms: [(String, any Ranker)] = [
            ("model:\(layer.rawValue)", ranker), ("model:baseline", LikelihoodRanker(index: index)),
        ]
        let runs = arms.map { name, ranker in
            (
                name: name,
                outcomes: ModelArm(ranker: ranker, name: name).run(validation, knowledgeBase: index.knowledgeBase)
            )
        }
        let report = EvaluationReport(arms: runs, bootstrap: Bootstrap(resamples: 1000, seed: 1))
        Terminal.note("validation on held-out publications (\(report.evaluable) evaluable cases):")
        for arm in report.arms {
            Terminal.note(
                String(
                    format: "  %@  top-1 %.3f  top-3 %.3f  top-10 %.3f  non-circular top-10 %.3f (n=%d)", arm.name,
                    arm.all.topK[1] ?? 0, arm.all.topK[3] ?? 0, arm.all.topK[10] ?? 0, arm.nonCircular.topK[10] ?? 0,
                    arm.nonCircular.n))
        }
    }
}
