import ArgumentParser
import Clinical
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
    @Option(help: "How many candidates to list.") var top = 10
    @Option(help: "Ranker: \(ModelName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: ModelName = .default
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        guard (1...1000).contains(top) else { throw ValidationError("--top must be between 1 and 1000") }
    }

    func run() throws {
        let cases = try CaseSource(path: input).read()
        let workspace = Workspace()
        let index = try workspace.loadIndex()
        let ranker = try workspace.ranker(model, index: index)
        let ingestor = CaseIngestor(knowledgeBase: index.knowledgeBase)
        let output = RankOutput(ontology: index.ontology)
        var failed = 0
        for entry in cases.entries {
            switch entry.result {
            case .failure(let error):
                Terminal.error(error.description)
                failed += 1
            case .success(let patient):
                let normalized = ingestor.ingest(patient)
                let differential = ranker.rank(normalized, top: top)
                switch format {
                case .json: Terminal.output(try JSONText.encode(output.json(differential)))
                case .text:
                    let counts = (normalized.presentTerms.count, normalized.absentTerms.count)
                    Terminal.output(output.text(differential, findings: counts) + "\n")
                }
            }
        }
        if failed > 0 {
            Terminal.error(
                "\(failed) of \(cases.entries.count) cases could not be read (see above); the others were ranked")
            throw ExitCode(1)
        }
    }
}
