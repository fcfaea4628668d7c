import Clinical

/// Anything that turns a patient case into a ranked differential over the knowledge base.
public protocol Ranker: Sendable {
    /// The model's name and version, as outputs name it (e.g. `baseline-lr-1`).
    var modelVersion: String { get }
    /// The knowledge base version the ranker reads.
    var knowledgeBaseVersion: String { get }

    /// The `top` best-scoring diseases for the case, best first, with evidence.
    func rank(_ patient: PatientCase, top: Int) -> Differential

    /// The 1-based rank of `diseaseID` among all diseases for the case, or nil when the
    /// ranker cannot place it (unknown id). Used by evaluation, which needs ranks beyond the top.
    func rank(of diseaseID: String, in patient: PatientCase) -> Int?
}

extension Ranker {
    /// The differential for a case: `entries()` when the case has observed findings to rank
    /// on, none otherwise (any list would be arbitrary), with the warnings either way.
    func differential(
        for patient: PatientCase, query: CaseQuery, entries: () -> [DifferentialEntry]
    ) -> Differential {
        Differential(
            caseID: patient.id, entries: query.present.isEmpty ? [] : entries(), knowledgeBase: knowledgeBaseVersion,
            model: modelVersion, warnings: patient.warnings + RankingWarnings.forQuery(query))
    }
}
