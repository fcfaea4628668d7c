import Clinical

/// The exact candidate stage of the neural rankers: the classical likelihood-ratio scores over
/// all diseases, of which the best `count` go on, with their scores standardised over the
/// candidates (mean 0, deviation 1) as an input to the network.
public struct CandidateStage: Sendable {
    public let classical: LikelihoodRanker
    public let count: Int

    public init(index: PhenotypeIndex, count: Int = 100) {
        classical = LikelihoodRanker(index: index)
        self.count = count
    }

    /// Candidates of a case: disease positions (best first) and standardised classical scores.
    public struct Candidates: Sendable, Equatable {
        public var diseases: [Int32]
        public var standardized: [Float]
    }

    public func candidates(_ query: CaseQuery) -> Candidates {
        candidates(scores: classical.scores(query))
    }

    /// Candidates from the classical scores of every disease.
    func candidates(scores: [Float]) -> Candidates {
        let top = TopSelection.topIndices(scores, count: count)
        let values = top.map { scores[$0] }
        let mean = values.reduce(0, +) / Float(max(values.count, 1))
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(max(values.count, 1))
        let deviation = max(variance.squareRoot(), 1e-3)
        return Candidates(diseases: top.map(Int32.init), standardized: values.map { ($0 - mean) / deviation })
    }
}
