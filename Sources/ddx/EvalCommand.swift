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
            gzip-compressed files are read as they are; or a case-set manifest (`ddx cases sample`), \
            resolved against its source file and checked by SHA-256. Results are split into circular cases \
            (the case's PMID is cited by the knowledge base for its own diagnosis) and the rest. \
            Cases whose diagnosis the knowledge base lacks are counted and listed, not ranked.

            With --readers, each (reader, case, condition) list becomes part of the arm \
            readers:<condition>; answers are graded by exact id, the same disease under another id, \
            and disease names (case, punctuation, numerals, word order, abbreviations); the rest \
            wait in an adjudication CSV and count as wrong until a person decides. McNemar pairs \
            reader lists by (reader, case) and a reader list with a model by case. Refused rows are \
            named by file and line; the valid ones are reported and ddx exits 1.
            """)

    @Argument(help: "Case set with truths, or - for standard input.") var set: String
    @Option(name: .customLong("model"), help: "A ranker to evaluate; repeat for several.")
    var models: [ModelName] = []
    @Option(help: "Reader responses: CSV (reader_id,case_id,condition,rank,diagnosis) or JSON Lines.")
    var readers: String?
    @Option(
        help: "Study database (SQLite) that keeps responses, gradings and adjudications; without --readers, re-runs it."
    )
    var study: String?
    @Option(help: "Adjudication CSV read and written (default: in --report DIR, else beside the responses).")
    var adjudication: String?
    @Option(name: .customLong("report"), help: "Write report.json, report.md and report.html into this folder.")
    var reportDirectory: String?
    @Option(help: "Title of the report (simulated reader studies say SYNTHETIC).") var title: String?
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
        help: ArgumentHelp(
            "Information content a match needs in the neural models' candidate stage (default: as trained).",
            visibility: .hidden))
    var candidateThreshold: Float?
    @Option(
        name: .customLong("parameter"),
        help: ArgumentHelp("Override a baseline constant, NAME=VALUE (tuning).", visibility: .hidden))
    var parameters: [String] = []

    func validate() throws {
        guard bootstrap >= 100 else { throw ValidationError("--bootstrap must be at least 100") }
        if let sample, sample < 1 { throw ValidationError("--sample must be positive") }
    }

    func run() throws {
        // Re-running a study needs one; checked before the models rank every case.
        if readers == nil, let study, !FileManager.default.fileExists(atPath: study) {
            throw CommandFailure(
                "\(study): no such study database; import reader responses into it with --readers FILE")
        }
        let (input, manifest) = try CaseSetSource(path: set).read()
        for error in input.errors { Terminal.error(error.description) }
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let knowledgeBase = index.knowledgeBase
        let (cases, withoutTruth) = try selectCases(input, knowledgeBase: knowledgeBase)
        let facts = cases.map { CaseFacts(patient: $0, knowledgeBase: knowledgeBase) }

        let names = models.isEmpty ? [ModelName.default] : models
        let tuned = try BaselineParameters.parse(parameters)
        var runs: [(name: String, outcomes: [CaseOutcome])] = []
        var versions: [String] = []
        let rankers = try names.map {
            try workspace.ranker(
                $0, index: index, parameters: tuned, candidates: candidates, candidateThreshold: candidateThreshold)
        }
        let loaded = Date()
        for (name, ranker) in zip(names, rankers) {
            versions.append(ranker.modelVersion)
            let arm = ModelArm(ranker: ranker, name: "model:\(name.rawValue)")
            var progress = ProgressBar(total: cases.count, label: "ranking with \(name.rawValue)")
            let outcomes = arm.run(cases, knowledgeBase: knowledgeBase) { progress.update($0) }
            runs.append((arm.name, outcomes))
        }
        Self.lap("ranked", since: loaded)
        let readerRun = try readerStudy(
            cases: facts, excluded: Set(input.cases.map(\.id)), knowledgeBase: knowledgeBase)
        Self.lap("reader study graded", since: loaded)
        let report = EvaluationReport(
            cases: facts, modelArms: runs, readerArms: readerRun?.study.arms ?? [],
            bootstrap: Bootstrap(resamples: bootstrap, seed: seed))
        let context = ReportContext(
            title: reportTitle(readerSource: readerRun?.source), knowledgeBase: knowledgeBase.version,
            models: versions, set: manifest.map { "\(set) (manifest of \($0.source.name))" } ?? set,
            readers: readerRun?.source, adjudicationFile: readerRun.map { _ in adjudicationPath },
            pendingAdjudication: readerRun?.study.pending.map(\.count).reduce(0, +) ?? 0,
            refusedRows: readerRun?.refusedRows ?? 0, bootstrapResamples: bootstrap, bootstrapSeed: seed)
        Self.lap("statistics computed", since: loaded)
        let rendering = EvalOutput(report: report, context: context)
        switch format {
        case .json:
            var object = rendering.json()
            object["without_truth"] = withoutTruth
            Terminal.output(try JSONText.encode(object))
        case .text: Terminal.output(rendering.text())
        }
        if let reportDirectory { try writeReport(report, context: context, to: reportDirectory) }
        Self.lap("evaluated", since: loaded)
        var failed = false
        if !input.errors.isEmpty {
            Terminal.error("\(input.errors.count) entries of \(set) could not be read (see above)")
            failed = true
        }
        if let refused = readerRun?.refusedRows, refused > 0 {
            Terminal.error(
                "\(refused) \(refused == 1 ? "row" : "rows") of \(readers ?? "the responses") "
                    + "\(refused == 1 ? "was" : "were") refused (see above); the rest are reported")
            failed = true
        }
        if failed { throw ExitCode(1) }
    }

    /// With `DDX_VERBOSE=1`: how long after the models were loaded a step ended.
    private static func lap(_ step: String, since start: Date) {
        guard ProcessInfo.processInfo.environment["DDX_VERBOSE"] == "1" else { return }
        Terminal.note(String(format: "%@ %.2f s after the models were loaded", step, Date().timeIntervalSince(start)))
    }

    /// The cases to evaluate: those with a truth, narrowed by --publications and --sample.
    private func selectCases(_ input: CaseInput, knowledgeBase: KnowledgeBase) throws -> (
        cases: [PatientCase], withoutTruth: Int
    ) {
        let ingestor = Workspace().ingestor(for: knowledgeBase)
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
        if let sample { cases = draw(sample, from: cases, knowledgeBase: knowledgeBase) }
        guard !cases.isEmpty else { throw CommandFailure("\(set): no cases with a truth to evaluate") }
        return (cases, withoutTruth)
    }

    private func readerStudy(cases: [CaseFacts], excluded: Set<String>, knowledgeBase: KnowledgeBase) throws
        -> ReaderStudyRun.Result?
    {
        guard readers != nil || study != nil else { return nil }
        return try ReaderStudyRun(
            readersPath: readers, studyPath: studyPath, adjudicationPath: adjudicationPath, excludedCaseIDs: excluded
        ).run(cases: cases, knowledgeBase: knowledgeBase)
    }

    /// `--study`, else `$DDX_HOME/studies/<responses file name>.sqlite`.
    private var studyPath: String {
        if let study { return study }
        let name = URL(fileURLWithPath: readers ?? "study").deletingPathExtension().lastPathComponent
        return Workspace().directory.root.appendingPathComponent("studies/\(name).sqlite").path
    }

    /// `--adjudication`, else `adjudication.csv` in the report folder, else beside the responses
    /// (or the study).
    private var adjudicationPath: String {
        if let adjudication { return adjudication }
        if let reportDirectory {
            return (reportDirectory.hasSuffix("/") ? reportDirectory : reportDirectory + "/") + "adjudication.csv"
        }
        let base = readers ?? studyPath
        let stem =
            URL(fileURLWithPath: base).pathExtension.isEmpty
            ? base : String(base.dropLast(URL(fileURLWithPath: base).pathExtension.count + 1))
        return stem + ".adjudication.csv"
    }

    private func reportTitle(readerSource: String?) -> String {
        if let title { return title }
        let name = URL(fileURLWithPath: set).lastPathComponent
        guard let readerSource else { return "ddx evaluation: \(name)" }
        let synthetic =
            readerSource.uppercased().contains("SYNTHETIC") ? "SYNTHETIC reader study — " : "Reader study — "
        return "\(synthetic)\(name)"
    }

    private func writeReport(_ report: EvaluationReport, context: ReportContext, to directory: String) throws {
        do {
            let written = try ReportWriter(report: report, context: context).write(to: URL(fileURLWithPath: directory))
            Terminal.note("report written: \(written.map(\.path).joined(separator: ", "))")
        } catch {
            throw CommandFailure("\(directory): cannot write the report: \(error.localizedDescription)")
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
