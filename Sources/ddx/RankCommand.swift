import ArgumentParser
import Clinical
import FastFeedforward
import Foundation
import Ranking
import Service

/// `ddx rank INPUT`: the ranked differential for each case of the input.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the differential diagnosis for a case (or a batch of cases).",
        discussion: """
            INPUT is a ddx case JSON, a GA4GH Phenopacket v2 JSON, or JSON Lines of either (a \
            batch; one result per line, in input order); `-` reads stdin. A bad line of a batch \
            is reported on stderr, the rest are ranked, and the exit code is 1.
            """)

    @Argument(help: "Case file, or - for standard input.") var input: String
    @Option(parsing: .unconditional, help: "How many candidates to list (at most as many as the ranker has).")
    var top = 10
    @Option(help: "Ranker: \(ModelName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: ModelName = .default
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let cases = try CaseSource(path: input).read()
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ranker = try workspace.ranker(model, index: index)
        let ingestor = workspace.ingestor(for: index.knowledgeBase)
        let output = RankOutput(ontology: index.ontology)
        let render = Rendering(ranker: ranker, ingestor: ingestor, output: output, top: top, format: format)
        var failed = 0
        // Cases are ranked on all cores, a round at a time, and printed in input order.
        let round = 512
        for start in stride(from: 0, to: cases.entries.count, by: round) {
            let entries = Array(cases.entries[start..<min(cases.entries.count, start + round)])
            let results = ParallelRange.map(count: entries.count, minimumChunk: 4) { render(entries[$0]) }
            for result in results {
                switch result {
                case .success(let text): Terminal.output(text)
                case .failure(let error):
                    Terminal.error(error.description)
                    failed += 1
                }
            }
        }
        if failed > 0 {
            Terminal.error(
                failed == cases.entries.count
                    ? "no case could be read (see above)"
                    : "\(failed) of \(cases.entries.count) cases could not be read (see above); the others were ranked")
            throw ExitCode(1)
        }
    }
}

/// One case of `ddx rank`, from the entry as read to the text printed for it.
private struct Rendering: Sendable {
    let ranker: any Ranker
    let ingestor: CaseIngestor
    let output: RankOutput
    let top: Int
    let format: OutputFormat

    /// The printed result, or why the entry could not be read.
    func callAsFunction(_ entry: CaseEntry) -> Result<String, RenderingError> {
        switch entry.result {
        case .failure(let error): return .failure(RenderingError(description: error.description))
        case .success(let patient):
            let normalized = ingestor.ingest(patient)
            let differential = ranker.rank(normalized, top: top)
            switch format {
            case .json:
                do {
                    return .success(try JSONText.encode { output.write(differential, to: &$0) })
                } catch {
                    return .failure(RenderingError(description: "\(patient.id): could not encode the result: \(error)"))
                }
            case .text:
                let counts = (normalized.presentTerms.count, normalized.absentTerms.count)
                return .success(output.text(differential, findings: counts) + "\n")
            }
        }
    }
}

/// A case that produced no result, with the one-line reason.
private struct RenderingError: Error {
    let description: String
}
