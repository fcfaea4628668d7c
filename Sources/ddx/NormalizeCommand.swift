import ArgumentParser
import Clinical
import Foundation
import Knowledge
import Service

/// `ddx normalize INPUT`: only the ingestor — the case as ddx understands it.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show a case as ddx reads it: resolved HPO findings, age, sex and warnings.",
        discussion: """
            Alternate ids become their primary term, obsolete ids their replacement; unknown ids \
            are dropped with a warning. Findings are the ones stated, not the ancestors they imply.

            Free text (a plain-text vignette, or a ddx case's "text") is read by the concept \
            recognizer: every phenotype named becomes a finding (absent when negated), with the \
            span, the words matched and the ontology synonym that matched; findings said of \
            relatives go to "family_history"; age and sex come from the text when the case does \
            not state them. --format text shows why each finding was read.
            """)

    @Argument(help: "Case file (ddx case, phenopacket, plain text or JSON Lines), or - for standard input.")
    var input: String
    @Option(help: "text or json.") var format: OutputFormat = .json

    func run() throws {
        let cases = try CaseSource(path: input).read()
        let knowledgeBase = try Workspace().loadKnowledgeBase()
        let ingestor = Workspace().ingestor(for: knowledgeBase)
        let output = NormalizedCaseOutput(knowledgeBase: knowledgeBase)
        var failed = 0
        for entry in cases.entries {
            switch entry.result {
            case .failure(let error):
                Terminal.error(error.description)
                failed += 1
            case .success(let patient):
                let ingested = ingestor.ingestDetailed(patient)
                switch format {
                case .json: Terminal.output(try JSONText.encode { output.write(ingested, to: &$0) })
                case .text: Terminal.output(output.text(ingested))
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
