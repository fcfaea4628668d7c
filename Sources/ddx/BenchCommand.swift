import ArgumentParser
import Clinical
import Foundation
import Knowledge
import Ranking
import Service

/// `ddx bench`: how fast the rankers are, measured on real cases (not a test: a measurement).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory: rankers on real cases, FFF vs dense layers, accuracy vs speed.",
        subcommands: [RankerBenchCommand.self, LayerBenchCommand.self, CurveCommand.self, PostingsBenchCommand.self],
        defaultSubcommand: RankerBenchCommand.self)
}

/// `ddx bench rankers`: load time, per-case ranking time and memory of the rankers.
struct RankerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rankers",
        abstract: "Measure load time, per-case ranking time and memory of the rankers.",
        discussion: """
            Times, on one thread, the knowledge-base load, the index build and then, per model,
            ranking every case of CASES (top 10 with evidence, as `ddx rank` does) for several
            passes; prints the median pass as microseconds per case. Use a release build.
            """)

    @Argument(help: "Cases to rank (ddx cases or phenopackets, JSON Lines, may be gzip-compressed).")
    var cases: String
    @Option(name: .customLong("model"), help: "A ranker to time; repeat for several (default: all).")
    var models: [ModelName] = []
    @Option(help: "Timed passes over the cases (the median is reported).") var passes = 5
    @Option(help: "Use at most this many cases.") var limit = 1000
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Option(help: "Candidates the neural models re-rank (default 100).") var candidates: Int?
    @Option(help: "Information content a match needs in the neural models' candidate stage (default: as trained).")
    var candidateThreshold: Float?
    @Option(
        name: .customLong("parameter"),
        help: ArgumentHelp("Override a baseline constant, NAME=VALUE.", visibility: .hidden))
    var parameters: [String] = []

    func run() throws {
        let clock = ContinuousClock()
        var patients: [PatientCase] = []
        var index: PhenotypeIndex?
        let readTime = try clock.measure { patients = Array(try CaseSource(path: cases).read().cases.prefix(limit)) }
        let workspace = Workspace()
        if !workspace.isReady { try workspace.setUpKnowledgeBase(force: false) }  // set-up is not timed
        var loaded: KnowledgeBase?
        let knowledgeBaseTime = try clock.measure { loaded = try workspace.loadKnowledgeBase() }
        guard let loaded else { throw CommandFailure("the knowledge base did not load") }
        let indexTime = clock.measure { index = PhenotypeIndex(knowledgeBase: loaded) }
        guard let index, !patients.isEmpty else { throw CommandFailure("\(cases): no cases to rank") }
        let ingestor = workspace.ingestor(for: index.knowledgeBase)
        patients = patients.map(ingestor.ingest)

        var results: [[String: Any]] = []
        for model in models.isEmpty ? ModelName.allCases : models {
            if model.isNeural && models.isEmpty
                && !FileManager.default.fileExists(atPath: workspace.directory.model(named: model.rawValue).path)
            {
                Terminal.note("no trained \(model.rawValue) model: skipped (run `ddx train --layer \(model.rawValue)`)")
                continue
            }
            let ranker = try workspace.ranker(
                model, index: index, parameters: try BaselineParameters.parse(parameters), candidates: candidates,
                candidateThreshold: candidateThreshold)
            _ = ranker.rank(patients[0], top: 10)  // warm-up
            let ranking = PassTimes.measure(passes: passes, cases: patients.count) {
                for patient in patients { _ = ranker.rank(patient, top: 10) }
            }
            let scoring = PassTimes.measure(passes: passes, cases: patients.count) {
                for patient in patients { _ = ranker.rank(of: patient.truth ?? "", in: patient) }
            }
            results.append([
                "scoring_only_median_us_per_case": scoring.medianWall,
                "scoring_only_median_cpu_us_per_case": scoring.medianCPU,
                "model": ranker.modelVersion, "cases": patients.count, "passes": ranking.wall.count,
                "median_us_per_case": ranking.medianWall, "min_us_per_case": ranking.wall[0],
                "median_cpu_us_per_case": ranking.medianCPU, "min_cpu_us_per_case": ranking.cpu[0],
            ])
        }
        let report: [String: Any] = [
            "read_cases_s": readTime.seconds, "load_knowledge_base_s": knowledgeBaseTime.seconds,
            "build_index_s": indexTime.seconds, "rankers": results,
            "peak_memory_mb": ProcessMemory.peakResidentMegabytes() ?? -1,
            "cores": ProcessInfo.processInfo.activeProcessorCount,
            "memory_gb": Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824,
        ]
        switch format {
        case .json: Terminal.output(try JSONText.encode(report))
        case .text:
            Terminal.output(String(format: "read %d cases in %.3f s", patients.count, readTime.seconds))
            Terminal.output(String(format: "load knowledge base  %.3f s", knowledgeBaseTime.seconds))
            Terminal.output(String(format: "build ranking index  %.3f s", indexTime.seconds))
            for result in results {
                Terminal.output(
                    String(
                        format:
                            "%-16@ top-10 with evidence: median %8.1f µs/case (best pass %.1f), CPU %.1f µs; "
                            + "scoring only: %.1f µs/case, CPU %.1f µs",
                        result["model"] as? String ?? "", result["median_us_per_case"] as? Double ?? 0,
                        result["min_us_per_case"] as? Double ?? 0, result["median_cpu_us_per_case"] as? Double ?? 0,
                        result["scoring_only_median_us_per_case"] as? Double ?? 0,
                        result["scoring_only_median_cpu_us_per_case"] as? Double ?? 0))
            }
            Terminal.output(String(format: "peak resident memory %.0f MB", ProcessMemory.peakResidentMegabytes() ?? -1))
        }
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// Memory figures of this process, from /proc (Linux).
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in MB, or nil where /proc is not available.
    static func peakResidentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            return digits.first.map { $0 / 1024 }
        }
        return nil
    }
}
