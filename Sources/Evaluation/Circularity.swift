import Clinical
import Knowledge

/// Tells whether a case is "circular": its own publication was used to curate the knowledge
/// base's annotations of its true disease, so a ranker is partly shown the answer.
public struct Circularity: Sendable {
    private let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// True when one of the case's PMIDs is cited by an annotation of its true disease.
    public func isCircular(_ patient: PatientCase) -> Bool {
        guard let truth = patient.truth else { return false }
        let pmids = patient.references.filter { $0.hasPrefix("PMID:") }
        guard !pmids.isEmpty else { return false }
        let cited = knowledgeBase.references(ofDisease: truth)
        return pmids.contains { cited.contains($0) }
    }
}
