import Statistics

/// Percentile bootstrap intervals over cases when a case may carry several lists (several
/// readers read it): each replicate draws as many cases as there are, with replacement, and
/// takes all lists of each drawn case; a statistic is hits over lists drawn.
///
/// Draws, seed and quantiles are those of ``Bootstrap``, so with exactly one list per case, in
/// case order, the intervals equal `Bootstrap.intervals(for:ks:)` on the same ranks.
public struct ClusterBootstrap: Sendable {
    public var bootstrap: Bootstrap

    public init(bootstrap: Bootstrap) {
        self.bootstrap = bootstrap
    }

    /// Intervals for top-k (k in `ks`) and MRR of lists with these `ranks`, clustered by `clusters`
    /// (one cluster label, e.g. the case id, per list).
    public func intervals(ranks: [Int?], clusters: [String], ks: [Int] = ArmSummary.ks) -> Bootstrap.RankIntervals {
        precondition(ranks.count == clusters.count, "one cluster label per list")
        if Set(clusters).count == clusters.count {
            // One list per case: the same draws as the case bootstrap, which is faster.
            return bootstrap.intervals(for: RankOutcomes(ranks: ranks), ks: ks)
        }
        let ks = Array(Set(ks)).sorted()
        let largestK = ks.last ?? 1
        var index: [String: Int] = [:]
        var sizes: [Int] = []
        var hits: [[Int]] = []  // hits[cluster][rank bucket 0…largestK]
        var reciprocal: [Double] = []
        for (rank, cluster) in zip(ranks, clusters) {
            let position =
                index[cluster]
                ?? {
                    index[cluster] = sizes.count
                    sizes.append(0)
                    hits.append(Array(repeating: 0, count: largestK + 1))
                    reciprocal.append(0)
                    return sizes.count - 1
                }()
            sizes[position] += 1
            if let rank, rank <= largestK { hits[position][rank] += 1 }
            reciprocal[position] += rank.map { 1 / Double($0) } ?? 0
        }
        let empty = ConfidenceInterval(lower: 0, upper: 0, level: bootstrap.level)
        guard !sizes.isEmpty else {
            return .init(topK: Dictionary(uniqueKeysWithValues: ks.map { ($0, empty) }), meanReciprocalRank: empty)
        }
        // Cumulative hits per cluster at each requested k.
        let cumulative = hits.map { row in ks.map { k in row[1...k].reduce(0, +) } }
        let resamples = bootstrap.resamples
        var values = Array(repeating: [Double](repeating: 0, count: resamples), count: ks.count)
        var means = [Double](repeating: 0, count: resamples)
        var generator = SeededGenerator(seed: bootstrap.seed)
        var totals = [Int](repeating: 0, count: ks.count)
        for replicate in 0..<resamples {
            totals.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            var lists = 0
            var reciprocalSum = 0.0
            for _ in 0..<sizes.count {
                let drawn = generator.next(below: sizes.count)
                lists += sizes[drawn]
                reciprocalSum += reciprocal[drawn]
                for kIndex in ks.indices { totals[kIndex] += cumulative[drawn][kIndex] }
            }
            for kIndex in ks.indices { values[kIndex][replicate] = Double(totals[kIndex]) / Double(lists) }
            means[replicate] = reciprocalSum / Double(lists)
        }
        var topK: [Int: ConfidenceInterval] = [:]
        for (kIndex, k) in ks.enumerated() { topK[k] = interval(sorted: values[kIndex].sorted()) }
        return .init(topK: topK, meanReciprocalRank: interval(sorted: means.sorted()))
    }

    /// Type-7 quantiles at (1 ∓ level) / 2, as ``Bootstrap`` computes them.
    private func interval(sorted: [Double]) -> ConfidenceInterval {
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
        }
        let tail = (1 - bootstrap.level) / 2
        let lower = quantile(tail)
        return ConfidenceInterval(lower: lower, upper: max(lower, quantile(1 - tail)), level: bootstrap.level)
    }
}
