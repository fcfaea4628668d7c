import Clinical

/// The candidate stage of the neural rankers: the classical likelihood-ratio score picks the
/// best `count` diseases, whose scores, standardised over the candidates (mean 0, deviation
/// 1), are an input to the network.
///
/// At the default threshold (1, the classical ranker's own floor) the stage is exact: every
/// disease is scored. Above it the stage counts informative matches only
/// (``LikelihoodRanker/informativeScores(_:threshold:)``): with a threshold of 3 (features
/// shared by at most 1 in 20 diseases) a case touches a few thousand diseases instead of all
/// 12,687 and the ranker is about twice as fast, but it lost about one point of top-10 and
/// five of non-circular top-10 on the held-out publications and handled a pertinent negative
/// worse (Evaluation/fff.md), so it is an option (`ddx train --candidate-threshold 3`), not
/// the default. A case whose informative matches touch fewer than ten diseases is scored
/// exactly.
public struct CandidateStage: Sendable {
    public let classical: LikelihoodRanker
    public let count: Int
    public let threshold: Float
    private let scratch: SparseScoresPool

    public static let defaultThreshold: Float = 1

    public init(index: PhenotypeIndex, count: Int = 100, threshold: Float = CandidateStage.defaultThreshold) {
        classical = LikelihoodRanker(index: index)
        self.count = count
        self.threshold = threshold
        scratch = SparseScoresPool(diseaseCount: index.diseaseCount)
    }

    /// Candidates of a case: disease positions (best first) and standardised classical scores.
    public struct Candidates: Sendable, Equatable {
        public var diseases: [Int32]
        public var standardized: [Float]

        public init(diseases: [Int32], standardized: [Float]) {
            self.diseases = diseases
            self.standardized = standardized
        }

        /// Candidates with their raw scores, best first, standardised.
        init(scored: [(disease: Int32, score: Float)]) {
            let values = scored.map { $0.score }
            let mean = values.reduce(0, +) / Float(max(values.count, 1))
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(max(values.count, 1))
            let deviation = max(variance.squareRoot(), 1e-3)
            self.init(diseases: scored.map { $0.disease }, standardized: values.map { ($0 - mean) / deviation })
        }
    }

    /// Fewer informative candidates than this (or than `count`, if smaller) and the stage
    /// falls back to the exact score: too few to fill a top-10 list.
    public static let minimumInformativeCandidates = 10

    /// The best `count` diseases by informative matches (all of them, if fewer); when those
    /// touch too few diseases (a case of generic findings), the best by the exact classical
    /// score over all diseases.
    public func candidates(_ query: CaseQuery) -> Candidates {
        guard threshold > classical.parameters.minimumInformation else { return exactCandidates(query) }
        let enough = min(count, Self.minimumInformativeCandidates)
        let informative = scratch.withScores { scores in
            classical.informativeScores(query, threshold: threshold, into: &scores)
            return scores.touchedDiseaseCount >= enough ? scores.top(count) : nil
        }
        if let informative { return Candidates(scored: informative) }
        return exactCandidates(query)
    }

    /// The best `count` diseases by the exact classical score over all diseases: what the
    /// stage is at a threshold no higher than the classical ranker's own floor.
    private func exactCandidates(_ query: CaseQuery) -> Candidates {
        let exact = classical.scores(query)
        return Candidates(scored: TopSelection.topIndices(exact, count: count).map { (Int32($0), exact[$0]) })
    }
}
