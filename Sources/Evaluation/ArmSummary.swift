import Statistics

/// Top-k accuracy, mean reciprocal rank and their bootstrap intervals for one arm on a set
/// of cases (all evaluable cases, or a subset such as the non-circular ones).
public struct ArmSummary: Sendable, Equatable {
    public var n: Int
    /// Share of cases with the truth in the first k, for k = 1…10.
    public var topK: [Int: Double]
    public var topKInterval: [Int: ConfidenceInterval]
    public var meanReciprocalRank: Double
    public var meanReciprocalRankInterval: ConfidenceInterval

    /// The k values every report carries.
    public static let ks = Array(1...10)

    public init(ranks: [Int?], bootstrap: Bootstrap) {
        let outcomes = RankOutcomes(ranks: ranks)
        n = outcomes.count
        topK = outcomes.topK(Self.ks)
        meanReciprocalRank = outcomes.meanReciprocalRank
        if n > 0 {
            let intervals = bootstrap.intervals(for: outcomes, ks: Self.ks)
            topKInterval = intervals.topK
            meanReciprocalRankInterval = intervals.meanReciprocalRank
        } else {
            topKInterval = [:]
            meanReciprocalRankInterval = ConfidenceInterval(lower: 0, upper: 0, level: bootstrap.level)
        }
    }
}
