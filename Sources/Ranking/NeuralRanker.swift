import Clinical
import FastFeedforward
import Foundation

/// The neural rankers (`--model fff`, `--model dense`): the classical stage proposes
/// candidates, a ``RerankerNetwork`` re-scores them; the score shown is the probability the
/// network gives each candidate among the candidates. Evidence is the classical stage's, so
/// every candidate still shows the findings for and against it.
public struct NeuralRanker<Layer: FeedforwardLayer>: Ranker {
    public let modelVersion: String
    public let network: RerankerNetwork<Layer>
    private let index: PhenotypeIndex
    private let stage: CandidateStage

    public init(
        index: PhenotypeIndex, network: RerankerNetwork<Layer>, modelVersion: String, candidates: Int = 100,
        candidateThreshold: Float = CandidateStage.defaultThreshold
    ) {
        self.index = index
        self.network = network
        self.modelVersion = modelVersion
        self.stage = CandidateStage(index: index, count: candidates, threshold: candidateThreshold)
    }

    public var knowledgeBaseVersion: String { index.knowledgeBase.version }

    /// With no classical candidates (`candidates: 0`) the network scores every disease alone.
    private var scoresEveryDisease: Bool { stage.count == 0 }

    /// Candidates re-scored and sorted, best first (ties by classical order).
    func reranked(_ query: CaseQuery) -> [(disease: Int32, score: Float)] {
        reranked(query, candidates: scoresEveryDisease ? allDiseases : stage.candidates(query))
    }

    /// Every disease as a candidate, without classical scores.
    private var allDiseases: CandidateStage.Candidates {
        CandidateStage.Candidates(
            diseases: (0..<Int32(index.diseaseCount)).map { $0 },
            standardized: [Float](repeating: 0, count: index.diseaseCount))
    }

    private func reranked(
        _ query: CaseQuery, candidates: CandidateStage.Candidates
    ) -> [(disease: Int32, score: Float)] {
        guard !query.present.isEmpty || !query.absent.isEmpty else {
            return zip(candidates.diseases, candidates.standardized).map { ($0, $1) }
        }
        let h = network.hidden(network.encode(FindingBag(query: query, index: index)))
        let logits = network.scores(hidden: h, candidates: candidates.diseases, classical: candidates.standardized)
        // Reported as the probability among the candidates (the softmax the network was trained with).
        let maximum = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - maximum) }
        let total = exponentials.reduce(0, +)
        let scores = exponentials.map { $0 / total }
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        return order.map { (candidates.diseases[$0], scores[$0]) }
    }

    public func rank(_ patient: PatientCase, top: Int) -> Differential {
        let query = CaseQuery(patient, ontology: index.ontology)
        return differential(for: patient, query: query) {
            let entries = reranked(query).prefix(top).enumerated().map { offset, candidate in
                let disease = index.knowledgeBase.diseases[Int(candidate.disease)]
                return DifferentialEntry(
                    rank: offset + 1, diseaseID: disease.id, name: disease.name, score: Double(candidate.score),
                    evidence: stage.classical.evidence(query, disease: Int(candidate.disease)))
            }
            return Array(entries)
        }
    }

    /// Among the candidates, the re-ranked position; beyond them, the candidate count plus the
    /// rank among the other diseases by the exact classical score (used by evaluation, which
    /// needs ranks past the top).
    public func rank(of diseaseID: String, in patient: PatientCase) -> Int? {
        guard let disease = index.knowledgeBase.position(ofDisease: diseaseID) else { return nil }
        let query = CaseQuery(patient, ontology: index.ontology)
        if scoresEveryDisease {
            return reranked(query).firstIndex { $0.disease == disease }.map { $0 + 1 }
        }
        let candidates = stage.candidates(query)
        if let position = reranked(query, candidates: candidates).firstIndex(where: { $0.disease == disease }) {
            return position + 1
        }
        let scores = stage.classical.scores(query)
        let candidatesAhead = candidates.diseases.count { TopSelection.ranks(scores, Int($0), before: Int(disease)) }
        return candidates.diseases.count + TopSelection.rank(of: Int(disease), in: scores) - candidatesAhead
    }
}
