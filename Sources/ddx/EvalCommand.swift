import ArgumentParser
import Clinical
import Evaluation
import Foundation
import Knowledge
import Ranking
import Service
import Statistics

/// `ddx eval SET`: top-k accuracy of one or more rankers on cases with known diagnoses.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure rankers on cases with a known diagnosis: top-1…10, MRR, 95% CIs, McNemar.",
        discussion: """
            SET is JSON Lines (or one document) of ddx cases or phenopackets that carry a truth; \
            gzip-compressed files are read as they are. Results are split into circular cases \
            (the case's PMID is cited by the knowledge base for its own diagnosis) and the rest. \
            Cases whose diagnosis the knowledge base lacks are counted and listed, not ranked.
            """)

    @Argument(help: "Case set with truths, or - for standard input.") var set: String
    @Option(name: .customLong("model"), help: "A ranker to evaluate; repeat for several.")
    var models: [ModelName] = []
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Option(help: "Bootstrap resamples for the confidence intervals.") var bootstrap = 10_000
    @Option(help: "Seed of the bootstrap.") var seed: UInt64 = 1
    @Option(help: "Evaluate a seeded random sample of this many cases instead of all.") var sample: Int?
    @Option(help: "Seed of --sample.") var sampleSeed: UInt64 = 2025
    @Flag(help: "With --sample: draw only among cases whose diagnosis the knowledge base has.")
    var eligibleOnly = false
    @Option(help: "Keep only one side of the publication split that `ddx train` uses: training or validation.")
    var publications: PublicationSide?
    @Option(help: "With --publications: the share of publications on the validation side (as in `ddx train`).")
    var validationShare = 0.1
    @Option(help: ArgumentHelp("Candidates the neural models re-rank (default 100).", visibility: .hidden))
    var candidates: Int?
    @Option(
        name: .customLong("parameter"),
        help: ArgumentHelp("Override a baseline constant, NAME=VALUE (tuning).", visibility: .hidden))
    var parameters: [String] = []

    func validate() throws {
        guard bootstrap >= 100 else { throw ValidationError("--bootstrap must be at least 100") }
        if let sample, sample < 1 { throw ValidationError("--sample must be positive") }
    }

    func run() throws {
        let input = try CaseSource(path: set).read()
        for error in input.errors { Terminal.error(error.description) }
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ingestor = CaseIngestor(knowledgeBase: index.knowledgeBase)
        var cases = input.cases.map(ingestor.ingest)
        let withoutTruth = cases.filter { $0.truth == nil }.count
        if withoutTruth > 0 {
            let subject = withoutTruth == 1 ? "1 case carries" : "\(withoutTruth) cases carry"
            Terminal.warning("\(subject) no truth and \(withoutTruth == 1 ? "is" : "are") left out of the evaluation")
        }
        cases = cases.filter { $0.truth != nil }
        if let publications {
            let split = PublicationSplit(validationShare: validationShare).split(cases)
            cases = publications == .validation ? split.validation : split.training
        }
        if let sample { cases = draw(sample, from: cases, knowledgeBase: index.knowledgeBase) }
        guard !cases.isEmpty else { throw CommandFailure("\(set): no cases with a truth to evaluate") }

        let names = models.isEmpty ? [ModelName.default] : models
        let tuned = try BaselineParameters.parse(parameters)
        var runs: [(name: String, outcomes: [CaseOutcome])] = []
        var versions: [String] = []
        for name in names {
            let ranker = try workspace.ranker(name, index: index, parameters: tuned, candidates: candidates)
            versions.append(ranker.modelVersion)
            let arm = ModelArm(ranker: ranker, name: "model:\(name.rawValue)")
            var progress = ProgressBar(total: cases.count, label: "ranking with \(name.rawValue)")
            let outcomes = arm.run(cases, knowledgeBase: index.knowledgeBase) { progress.update($0) }
            runs.append((arm.name, outcomes))
        }
        let report = EvaluationReport(arms: runs, bootstrap: Bootstrap(resamples: bootstrap, seed: seed))
        let rendering = EvalOutput(
            report: report, knowledgeBase: index.knowledgeBase.version,
            models: versions)
        switch format {
        case .json:
            var object = rendering.json()
            object["without_truth"] = withoutTruth
            Terminal.output(try JSONText.encode(object))
        case .text: Terminal.output(rendering.text())
        }
        if !input.errors.isEmpty {
            Terminal.error("\(input.errors.count) entries of \(set) could not be read (see above)")
            throw ExitCode(1)
        }
    }

    enum PublicationSide: String, ExpressibleByArgument, CaseIterable {
        case training, validation
    }

    private func draw(_ count: Int, from cases: [PatientCase], knowledgeBase: KnowledgeBase) -> [PatientCase] {
        let pool = eligibleOnly ? cases.filter { knowledgeBase.disease($0.truth ?? "") != nil } : cases
        var generator = SeededGenerator(seed: sampleSeed)
        return Array(pool.shuffled(using: &generator).prefix(count))
    }
}
