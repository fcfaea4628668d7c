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

    /// One rank per case; intervals resample cases.
    public init(ranks: [Int?], bootstrap: Bootstrap) {
        self.init(ranks: ranks) { outcomes in bootstrap.intervals(for: outcomes, ks: Self.ks) }
    }

    /// One rank per list, several lists possibly per case (`clusters`: the case of each list);
    /// intervals resample cases (``ClusterBootstrap``).
    public init(ranks: [Int?], clusters: [String], bootstrap: Bootstrap) {
        self.init(ranks: ranks) { _ in
            ClusterBootstrap(bootstrap: bootstrap).intervals(ranks: ranks, clusters: clusters)
        }
    }

    /// Figures without intervals (e.g. one reader's few lists).
    public init(ranks: [Int?]) {
        self.init(ranks: ranks) { _ in
            let empty = ConfidenceInterval(lower: 0, upper: 0, level: 0.95)
            return .init(topK: [:], meanReciprocalRank: empty)
        }
        topKInterval = [:]
    }

    private init(ranks: [Int?], intervals: (RankOutcomes) -> Bootstrap.RankIntervals) {
        let outcomes = RankOutcomes(ranks: ranks)
        n = outcomes.count
        topK = outcomes.topK(Self.ks)
        meanReciprocalRank = outcomes.meanReciprocalRank
        let computed = intervals(outcomes)
        topKInterval = n > 0 ? computed.topK : [:]
        meanReciprocalRankInterval = computed.meanReciprocalRank
    }
}
