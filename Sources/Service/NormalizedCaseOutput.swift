import Clinical
import Knowledge

/// The JSON rendering of a normalized case (SPEC: `ddx normalize --format json`), shared by
/// every interface that shows one (the CLI and the daemon).
public struct NormalizedCaseOutput: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The case's id, sex, age, findings with labels, family history, warnings and the
    /// knowledge base version.
    public func json(_ patient: PatientCase) -> [String: Any] {
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
}
