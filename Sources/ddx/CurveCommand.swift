import ArgumentParser
import Clinical
import Evaluation
import Foundation
import Ranking
import Service

/// `ddx bench curve`: accuracy against speed for the neural rankers over the number of
/// candidates they re-rank, as a table and an SVG plot.
struct CurveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Top-10 accuracy and time per case over the number of re-ranked candidates.",
        discussion: """
            Evaluates the given neural models on the validation side of the publication split of CASES (as `ddx train` splits it) for each candidate count, times each on one thread, and writes an SVG plot.
            """)

    @Argument(help: "Cases with truths (the development phenopackets).") var cases: String
    @Option(name: .customLong("model"), help: "Neural models to include (default fff and dense).")
    var models: [ModelName] = [.fff, .dense]
    @Option(help: "Candidate counts, comma-separated.") var candidates = "10,20,50,100,200"
    @Option(help: "Where to write the SVG.") var output = "accuracy-speed.svg"
    @Option(help: "Timed passes per point (the median is used).") var passes = 3

    func run() throws {
        let counts = candidates.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw CommandFailure("--candidates takes positive whole numbers separated by commas")
        }
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ingestor = workspace.ingestor(for: index.knowledgeBase)
        let all = try CaseSource(path: cases).read().cases.map(ingestor.ingest).filter { $0.truth != nil }
        let validation = PublicationSplit().split(all).validation
        var series: [SVGLineChart.Series] = []
        var evaluable = 0
        Terminal.output("model   candidates  top-10   µs/case")
        for model in models {
            var points: [(x: Double, y: Double)] = []
            var labels: [String] = []
            for count in counts {
                let ranker = try workspace.ranker(model, index: index, candidates: count)
                let outcomes = ModelArm(ranker: ranker, name: model.rawValue)
                    .run(validation, knowledgeBase: index.knowledgeBase).filter(\.truthInKnowledgeBase)
                evaluable = outcomes.count
                let top10 = Double(outcomes.filter { ($0.rank ?? .max) <= 10 }.count) / Double(max(outcomes.count, 1))
                let micros = PassTimes.measure(passes: passes, cases: validation.count) {
                    for patient in validation { _ = ranker.rank(patient, top: 10) }
                }.medianWall
                points.append((Double(count), top10))
                labels.append(String(format: "%.0f µs", micros))
                Terminal.output(String(format: "%-7@ %10d  %6.3f  %8.1f", model.rawValue, count, top10, micros))
            }
            // Time labels on the first model only: the lines lie on top of each other.
            series.append(
                SVGLineChart.Series(name: model.rawValue, points: points, labels: series.isEmpty ? labels : []))
        }
        let chart = SVGLineChart(
            title: "Top-10 accuracy by candidates re-ranked (\(evaluable) validation cases)",
            xLabel: "candidates re-ranked (labels: µs per case on one core, top-10 with evidence)",
            yLabel: "top-10 accuracy", series: series)
        try chart.svg().write(toFile: output, atomically: true, encoding: .utf8)
        Terminal.note("wrote \(output)")
    }
}
