/// Percentile bootstrap confidence intervals over cases, reproducible from a seed.
///
/// Each replicate draws ``RankOutcomes/count`` case indices uniformly with replacement from a
/// ``SeededGenerator`` seeded with ``seed``, and recomputes the statistic on that resample. The
/// interval is the pair of empirical quantiles at `(1 − level) / 2` and `(1 + level) / 2` of the
/// ``resamples`` replicate values, interpolated linearly between order statistics (Hyndman and
/// Fan's type 7, NumPy's default).
///
/// All statistics computed in one call share the same resampled indices, and the indices depend
/// only on the seed, the number of cases and the replicate count, so the interval for top-3 is the
/// same whether it is asked for alone or together with other k, and the MRR interval from
/// ``intervals(for:ks:)`` equals ``meanInterval(of:)`` of the reciprocal ranks.
///
/// With no cases every interval is `[0, 0]`, matching `RankOutcomes.topK(_:)`.
///
/// ```swift
/// let bootstrap = Bootstrap(seed: 7)
/// let result = bootstrap.intervals(for: outcomes, ks: [1, 3, 5, 10])
/// result.topK[10]?.lower
/// result.meanReciprocalRank.upper
/// ```
public struct Bootstrap: Sendable, Hashable {
    /// Intervals for several top-k accuracies and the mean reciprocal rank, from one set of
    /// resamples.
    public struct RankIntervals: Sendable, Hashable {
        /// The top-k accuracy interval for each requested k.
        public let topK: [Int: ConfidenceInterval]
        /// The mean reciprocal rank interval.
        public let meanReciprocalRank: ConfidenceInterval

        /// Creates a result from its parts.
        public init(topK: [Int: ConfidenceInterval], meanReciprocalRank: ConfidenceInterval) {
            self.topK = topK
            self.meanReciprocalRank = meanReciprocalRank
        }
    }

    /// The number of bootstrap replicates.
    public var resamples: Int
    /// The confidence level, strictly between 0 and 1.
    public var level: Double
    /// The seed of the ``SeededGenerator`` that draws the resampled indices.
    public var seed: UInt64

    /// Creates a bootstrap configuration.
    ///
    /// - Parameters:
    ///   - resamples: Number of replicates (at least 1); 10,000 by default.
    ///   - level: Confidence level, strictly between 0 and 1; 0.95 by default.
    ///   - seed: Seed for the resampling; 0 by default.
    public init(resamples: Int = 10_000, level: Double = 0.95, seed: UInt64 = 0) {
        precondition(resamples >= 1, "at least one resample is needed")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        self.resamples = resamples
        self.level = level
        self.seed = seed
    }

    /// Intervals for top-k accuracy at each `k` in `ks` and for the mean reciprocal rank.
    ///
    /// Costs one pass of ``RankOutcomes/count`` draws per replicate however many k are asked
    /// for: each replicate tallies how many resampled cases sit at each rank up to the largest k,
    /// and every top-k count is a prefix sum of that tally.
    ///
    /// - Precondition: Every `k >= 1`.
    public func intervals(
        for outcomes: RankOutcomes,
        ks: some Sequence<Int> = 1...10
    ) -> RankIntervals {
        let ks = Array(Set(ks)).sorted()
        precondition(ks.allSatisfy { $0 >= 1 }, "k must be at least 1")
        let caseCount = outcomes.count
        guard caseCount > 0 else {
            let empty = ConfidenceInterval(lower: 0, upper: 0, level: level)
            return RankIntervals(
                topK: Dictionary(uniqueKeysWithValues: ks.map { ($0, empty) }),
                meanReciprocalRank: empty
            )
        }
        let largestK = ks.last ?? 0
        // Per case, the rank if it is within the largest k, else 0 ("miss" bucket).
        let buckets: [Int] = outcomes.ranks.map { rank in
            guard let rank, rank <= largestK else { return 0 }
            return rank
        }
        let reciprocalRanks = outcomes.reciprocalRanks

        // hitCounts[kIndex * resamples + replicate]
        var hitCounts = [Int](repeating: 0, count: ks.count * resamples)
        var reciprocalRankMeans = [Double](repeating: 0, count: resamples)
        var tally = [Int](repeating: 0, count: largestK + 1)
        var generator = SeededGenerator(seed: seed)

        buckets.withUnsafeBufferPointer { buckets in
            reciprocalRanks.withUnsafeBufferPointer { reciprocalRanks in
                tally.withUnsafeMutableBufferPointer { tally in
                    hitCounts.withUnsafeMutableBufferPointer { hitCounts in
                        for replicate in 0..<resamples {
                            tally.update(repeating: 0)
                            var reciprocalRankSum = 0.0
                            for _ in 0..<caseCount {
                                let index = generator.next(below: caseCount)
                                tally[buckets[index]] += 1
                                reciprocalRankSum += reciprocalRanks[index]
                            }
                            reciprocalRankMeans[replicate] = reciprocalRankSum / Double(caseCount)
                            var hits = 0
                            var rank = 0
                            for (kIndex, k) in ks.enumerated() {
                                while rank < k {
                                    rank += 1
                                    hits += tally[rank]
                                }
                                hitCounts[kIndex * resamples + replicate] = hits
                            }
                        }
                    }
                }
            }
        }

        var topK: [Int: ConfidenceInterval] = [:]
        for (kIndex, k) in ks.enumerated() {
            var counts = hitCounts[(kIndex * resamples)..<((kIndex + 1) * resamples)]
            counts.sort()
            let scale = 1 / Double(caseCount)
            topK[k] = percentileInterval(sortedCount: resamples) { Double(counts[counts.startIndex + $0]) * scale }
        }
        reciprocalRankMeans.sort()
        let meanReciprocalRank = percentileInterval(sortedCount: resamples) { reciprocalRankMeans[$0] }
        return RankIntervals(topK: topK, meanReciprocalRank: meanReciprocalRank)
    }

    /// Intervals for top-k accuracy at each `k` in `ks`; see ``intervals(for:ks:)``.
    public func topKIntervals(
        for outcomes: RankOutcomes,
        ks: some Sequence<Int> = 1...10
    ) -> [Int: ConfidenceInterval] {
        intervals(for: outcomes, ks: ks).topK
    }

    /// The interval for the mean reciprocal rank; see ``intervals(for:ks:)``.
    public func meanReciprocalRankInterval(for outcomes: RankOutcomes) -> ConfidenceInterval {
        meanInterval(of: outcomes.reciprocalRanks)
    }

    /// The interval for the mean of arbitrary per-case values, resampling cases as above.
    ///
    /// With no values the interval is `[0, 0]`.
    public func meanInterval(of values: [Double]) -> ConfidenceInterval {
        let caseCount = values.count
        guard caseCount > 0 else { return ConfidenceInterval(lower: 0, upper: 0, level: level) }
        var means = [Double](repeating: 0, count: resamples)
        var generator = SeededGenerator(seed: seed)
        values.withUnsafeBufferPointer { values in
            for replicate in 0..<resamples {
                var sum = 0.0
                for _ in 0..<caseCount {
                    sum += values[generator.next(below: caseCount)]
                }
                means[replicate] = sum / Double(caseCount)
            }
        }
        means.sort()
        return percentileInterval(sortedCount: resamples) { means[$0] }
    }

    /// The type-7 quantiles at `(1 ∓ level) / 2` of `sortedCount` ascending values read
    /// through `value`.
    private func percentileInterval(
        sortedCount: Int,
        value: (Int) -> Double
    ) -> ConfidenceInterval {
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sortedCount - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sortedCount - 1)
            let fraction = position - Double(below)
            let low = value(below)
            return low + fraction * (value(above) - low)
        }
        let tail = (1 - level) / 2
        let lower = quantile(tail)
        let upper = quantile(1 - tail)
        return ConfidenceInterval(lower: lower, upper: max(lower, upper), level: level)
    }
}
