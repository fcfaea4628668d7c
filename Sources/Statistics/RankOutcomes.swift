/// Where the true answer landed in each case's ranked list: the 1-based rank, or `nil` when it
/// was not found at all.
///
/// Top-k accuracy and mean reciprocal rank are fractions over all cases (``count``), so a case
/// whose answer is missing counts as a miss for every k and contributes 0 to the reciprocal rank.
///
/// ```swift
/// let outcomes = RankOutcomes(ranks: [1, 3, nil, 2])
/// outcomes.topK(1)                 // 0.25
/// outcomes.topK([1, 3])            // [1: 0.25, 3: 0.75]
/// outcomes.meanReciprocalRank      // (1 + 1/3 + 0 + 1/2) / 4
/// ```
public struct RankOutcomes: Sendable, Hashable, Codable {
    /// Per case, the 1-based rank of the true answer, or `nil` if it was not found.
    public let ranks: [Int?]

    /// Creates outcomes from per-case ranks.
    ///
    /// - Precondition: Every non-nil rank is at least 1.
    public init(ranks: some Sequence<Int?>) {
        let ranks = Array(ranks)
        precondition(ranks.allSatisfy { ($0 ?? 1) >= 1 }, "ranks are 1-based")
        self.ranks = ranks
    }

    /// The number of cases, the denominator of every fraction reported here.
    public var count: Int { ranks.count }

    /// Whether case `index` has its answer within the first `k` places.
    public func isHit(at index: Int, withinTop k: Int) -> Bool {
        guard let rank = ranks[index] else { return false }
        return rank <= k
    }

    /// The number of cases whose answer is within the first `k` places.
    public func hitCount(withinTop k: Int) -> Int {
        ranks.reduce(0) { total, rank in
            guard let rank, rank <= k else { return total }
            return total + 1
        }
    }

    /// Top-k accuracy: the share of all cases whose answer is within the first `k` places.
    ///
    /// Returns 0 when there are no cases.
    ///
    /// - Precondition: `k >= 1`.
    public func topK(_ k: Int) -> Double {
        precondition(k >= 1, "k must be at least 1")
        guard count > 0 else { return 0 }
        return Double(hitCount(withinTop: k)) / Double(count)
    }

    /// Top-k accuracy for each `k` in `ks`, keyed by `k`; e.g. `topK(1...10)`.
    ///
    /// - Precondition: Every `k >= 1`.
    public func topK(_ ks: some Sequence<Int>) -> [Int: Double] {
        var accuracies: [Int: Double] = [:]
        for k in ks {
            accuracies[k] = topK(k)
        }
        return accuracies
    }

    /// Per case, `1 / rank`, or 0 when the answer was not found.
    public var reciprocalRanks: [Double] {
        ranks.map { rank in rank.map { 1 / Double($0) } ?? 0 }
    }

    /// Mean reciprocal rank over all cases, counting a missing answer as 0.
    ///
    /// Returns 0 when there are no cases.
    public var meanReciprocalRank: Double {
        guard count > 0 else { return 0 }
        return reciprocalRanks.reduce(0, +) / Double(count)
    }
}
