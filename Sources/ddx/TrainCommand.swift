import ArgumentParser
import Foundation
import Ranking

/// `ddx train`: train the neural re-rankers (fff and its dense twin) reproducibly.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the neural re-ranker (fast feedforward, or its dense twin) from a seed.",
        discussion: """
            Trains on simulated patients of every disease plus the training side of the real cases (split by publication; --validation-share of the publications are held out and only used to report accuracy). The model is written to $DDX_HOME/models/<layer>.ddxm with the knowledge base release it was trained on. The same seed and data give the same model, bit for bit.
            """)

    @Option(help: "Real cases with truths (JSON Lines, may be gzip-compressed).")
    var cases: String = ModelTraining.defaultCasesPath
    @Option(help: "fff or dense.") var layer: LayerKind = .fff
    @Option(help: "Share of publications held out for validation.") var validationShare = 0.1
    @Option(help: "Simulated patients per disease.") var simulatedPerDisease = 2
    @Option(help: "Training epochs.") var epochs = 4
    @Option(help: "Random seed (simulation, data order, initial weights).") var seed: UInt64 = 7
    @Option(help: "Embedding width.") var width = 32
    @Option(help: "Depth of the fast feedforward tree (the dense twin gets 2^(depth+1)-1 neurons).") var depth = 7
    @Option(
        help: ArgumentHelp(
            "Candidates the classical stage proposes; 0: none, the network scores every disease alone.",
            visibility: .hidden))
    var candidates = 100
    @Option(
        help: ArgumentHelp(
            "Information content a match needs to count in the candidate stage (1, the default: every disease is scored exactly; 3: informative matches only, faster, a little less accurate).",
            valueName: "t"))
    var candidateThreshold = CandidateStage.defaultThreshold
    @Option(help: "Where to write the model (default $DDX_HOME/models/<layer>.ddxm).") var output: String?

    enum LayerKind: String, ExpressibleByArgument, CaseIterable {
        case fff, dense
    }

    func validate() throws {
        guard (0.0..<1.0).contains(validationShare) else {
            throw ValidationError("--validation-share must be in [0, 1)")
        }
        guard epochs >= 1, simulatedPerDisease >= 0, (2...512).contains(width), (0...16).contains(depth),
            (0...20).contains(candidateThreshold)
        else {
            throw ValidationError(
                "--epochs ≥ 1, --simulated-per-disease ≥ 0, --width 2…512, --depth 0…16, --candidate-threshold 0…20")
        }
    }

    func run() throws {
        let workspace = Workspace()
        var training = ModelTraining()
        training.casesPath = cases
        training.layer = layer == .fff ? .fff : .dense
        training.validationShare = validationShare
        training.simulatedPerDisease = simulatedPerDisease
        training.epochs = epochs
        training.seed = seed
        training.shape.width = width
        training.shape.depth = depth
        training.shape.candidates = candidates
        training.shape.candidateThreshold = candidateThreshold
        training.output = output.map { URL(fileURLWithPath: $0) }
        try training.run(workspace: workspace, index: try workspace.loadIndex())
    }
}
