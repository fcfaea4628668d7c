import Clinical
import Knowledge

/// The classical reference: Phenomizer-style Resnik similarity from the query to the disease.
///
/// For each observed term, the information content of its most informative common ancestor
/// with any of the disease's features; the score is the average over observed terms.
/// Excluded findings and frequencies are not used. Kept as the yardstick other rankers must beat.
public struct ResnikRanker: Ranker {
    public let modelVersion = "resnik-1"
    private let index: PhenotypeIndex
    private let scorer: PostingScorer
    private let explainer: EvidenceExplainer

    public init(index: PhenotypeIndex) {
        self.index = index
        self.scorer = PostingScorer(index: index, minimumInformation: 0.02) { information, _ in information }
        self.explainer = EvidenceExplainer(scorer: scorer)
    }

    public var knowledgeBaseVersion: String { index.knowledgeBase.version }

    /// Average best-ancestor information content per disease.
    func scores(_ query: CaseQuery) -> [Float] {
        var totals = Array(repeating: Float(0), count: index.diseaseCount)
        var scratch = [Float](repeating: 0, count: index.diseaseCount)
        scorer.accumulate(query.present.map { ($0, 1) }, into: &totals, scratch: &scratch)
        let count = Float(max(query.present.count, 1))
        return totals.map { $0 / count }
    }

    public func rank(_ patient: PatientCase, top: Int) -> Differential {
        let query = CaseQuery(patient, ontology: index.ontology)
        return differential(for: patient, query: query) {
            let scores = scores(query)
            let entries = TopSelection.topIndices(scores, count: top).enumerated().map { offset, disease in
                DifferentialEntry(
                    rank: offset + 1, diseaseID: index.knowledgeBase.diseases[disease].id,
                    name: index.knowledgeBase.diseases[disease].name, score: Double(scores[disease]),
                    evidence: Evidence(supporting: explainer.matches(query.present, disease: disease)))
            }
            return Array(entries)
        }
    }

    public func rank(of diseaseID: String, in patient: PatientCase) -> Int? {
        guard let disease = index.knowledgeBase.position(ofDisease: diseaseID) else { return nil }
        return TopSelection.rank(of: Int(disease), in: scores(CaseQuery(patient, ontology: index.ontology)))
    }
}
