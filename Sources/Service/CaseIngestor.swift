import Clinical
import Knowledge
import Ontology

/// Turns a case as read into the case every ranker sees: the one seam every interface
/// (`ddx rank`, `ddx normalize`, `ddx eval`, the daemon) goes through.
///
/// Today it resolves and merges the stated HPO findings (``CaseNormalizer``); free-text
/// recognition plugs in here, so every interface gains it at once.
public struct CaseIngestor: Sendable {
    public let knowledgeBase: KnowledgeBase
    private let normalizer: CaseNormalizer

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
        self.normalizer = CaseNormalizer(ontology: knowledgeBase.ontology)
    }

    /// The case with resolved, merged and consistent findings and a warning for each change.
    public func ingest(_ patientCase: PatientCase) -> PatientCase {
        normalizer.normalize(patientCase)
    }
}
