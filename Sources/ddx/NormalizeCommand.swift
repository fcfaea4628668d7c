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
            """)

    @Argument(help: "Case file, or - for standard input.") var input: String
    @Option(help: "text or json.") var format: OutputFormat = .json

    func run() throws {
        let cases = try CaseSource(path: input).read()
        let knowledgeBase = try Workspace().loadKnowledgeBase()
        let ingestor = CaseIngestor(knowledgeBase: knowledgeBase)
        var failed = 0
        for entry in cases.entries {
            switch entry.result {
            case .failure(let error):
                Terminal.error(error.description)
                failed += 1
            case .success(let patient):
                let normalized = ingestor.ingest(patient)
                switch format {
                case .json: Terminal.output(try JSONText.encode(json(normalized, knowledgeBase)))
                case .text: Terminal.output(text(normalized, knowledgeBase))
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private func json(_ patient: PatientCase, _ knowledgeBase: KnowledgeBase) -> [String: Any] {
        var object: [String: Any] = [
            "id": patient.id,
            "sex": patient.sex.rawValue,
            "findings": patient.findings.map { finding in
                [
                    "id": finding.id.description, "status": finding.status.rawValue,
                    "label": knowledgeBase.ontology.name(of: finding.id) ?? "",
                ]
            },
            "family_history": [[String: Any]](),
            "warnings": patient.warnings,
            "knowledge_base": knowledgeBase.version,
        ]
        if let age = patient.age { object["age"] = age }
        if let truth = patient.truth { object["truth"] = ["id": truth] }
        return object
    }

    private func text(_ patient: PatientCase, _ knowledgeBase: KnowledgeBase) -> String {
        var lines = ["Case \(patient.id) · sex \(patient.sex.rawValue)" + (patient.age.map { " · age \($0)" } ?? "")]
        for finding in patient.findings {
            let label = knowledgeBase.ontology.name(of: finding.id) ?? "?"
            lines.append("  \(finding.status == .present ? "+" : "-") \(finding.id)  \(label)")
        }
        for warning in patient.warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
