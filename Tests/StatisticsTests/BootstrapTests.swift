import Foundation
import Statistics
import Testing

/// 20 cases. Expected intervals come from an independent Python transcription (xoshiro256**
/// seeded by SplitMix64, Lemire bounded draws, `numpy.percentile` with linear interpolation).
private let twentyCases = RankOutcomes(ranks: [
    1, nil, 4, 2, 1, 12, nil, 3, 1, 7, 2, nil, 1, 5, 9, 1, nil, 2, 30, 1,
])

/// `copies` repetitions of a fixed 30-case pattern, so the point estimates do not depend on size.
private func repeatedPattern(copies: Int) -> RankOutcomes {
    let pattern: [Int?] = [
        1, 2, nil, 1, 5, 3, nil, 1, 8, 2, 1, nil, 4, 1, 15, 6, 1, nil, 2, 1,
        3, nil, 1, 9, 2, 1, nil, 7, 1, 4,
    ]
    return RankOutcomes(ranks: Array(repeating: pattern, count: copies).flatMap { $0 })
}

@Test func matchesIndependentReferenceComputation() {
    let result = Bootstrap(resamples: 1000, seed: 7).intervals(for: twentyCases, ks: [1, 3, 10])
    #expect(result.topK.keys.sorted() == [1, 3, 10])
    #expect(isClose(result.topK[1]!.lower, 0.1) && isClose(result.topK[1]!.upper, 0.5))
    #expect(isClose(result.topK[3]!.lower, 0.3) && isClose(result.topK[3]!.upper, 0.7))
    #expect(isClose(result.topK[10]!.lower, 0.5) && isClose(result.topK[10]!.upper, 0.9))
    #expect(isClose(result.meanReciprocalRank.lower, 0.2646378968253968, absolute: 1e-12))
    #expect(isClose(result.meanReciprocalRank.upper, 0.614171626984127, absolute: 1e-12))
    #expect(result.meanReciprocalRank.level == 0.95)

    let ninety = Bootstrap(resamples: 1000, level: 0.90, seed: 7)
        .meanReciprocalRankInterval(for: twentyCases)
    #expect(isClose(ninety.lower, 0.28610714285714284, absolute: 1e-12))
    #expect(isClose(ninety.upper, 0.5873492063492064, absolute: 1e-12))
    #expect(ninety.level == 0.90)
}

@Test func sameSeedGivesSameIntervals() {
    let outcomes = repeatedPattern(copies: 3)
    let first = Bootstrap(resamples: 2000, seed: 11).intervals(for: outcomes)
    let second = Bootstrap(resamples: 2000, seed: 11).intervals(for: outcomes)
    #expect(first == second)
    #expect(first.topK.keys.sorted() == Array(1...10))
}

@Test func differentSeedsGiveDifferentIntervals() {
    let outcomes = repeatedPattern(copies: 3)
    let intervals = (1...5).map { seed in
        Bootstrap(resamples: 500, seed: UInt64(seed)).meanReciprocalRankInterval(for: outcomes)
    }
    #expect(Set(intervals).count > 1)
}

@Test func askingForMoreKDoesNotChangeAnInterval() {
    let bootstrap = Bootstrap(resamples: 3000, seed: 5)
    let outcomes = repeatedPattern(copies: 4)
    let alone = bootstrap.topKIntervals(for: outcomes, ks: [3])
    let together = bootstrap.intervals(for: outcomes, ks: [1, 3, 5, 10])
    #expect(alone[3] == together.topK[3])
    #expect(together.meanReciprocalRank == bootstrap.meanReciprocalRankInterval(for: outcomes))
    #expect(together.meanReciprocalRank == bootstrap.meanInterval(of: outcomes.reciprocalRanks))
}

@Test func intervalsContainThePointEstimate() {
    let outcomes = repeatedPattern(copies: 10)
    let result = Bootstrap(seed: 3).intervals(for: outcomes)
    for k in 1...10 {
        let interval = try! #require(result.topK[k])
        #expect(interval.contains(outcomes.topK(k)), "k = \(k): \(interval)")
        #expect(interval.lower <= interval.upper)
    }
    #expect(result.meanReciprocalRank.contains(outcomes.meanReciprocalRank))
    // Not degenerate: with 300 cases and top-1 of 1/3 the interval has real width.
    #expect(result.topK[1]!.width > 0.05)
}

@Test func intervalsNarrowWithMoreCases() {
    let bootstrap = Bootstrap(resamples: 4000, seed: 1)
    let small = bootstrap.intervals(for: repeatedPattern(copies: 1), ks: [1, 5])
    let large = bootstrap.intervals(for: repeatedPattern(copies: 10), ks: [1, 5])
    // Width scales like 1/√n: ten times the cases should give about 0.32 of the width.
    #expect(large.topK[1]!.width < 0.5 * small.topK[1]!.width)
    #expect(large.topK[5]!.width < 0.5 * small.topK[5]!.width)
    #expect(large.meanReciprocalRank.width < 0.5 * small.meanReciprocalRank.width)
}

@Test func widthAgreesWithNormalApproximation() {
    // 302 cases, half found at rank 1: standard error √(0.25 / 302) ≈ 0.02877,
    // so a 95% interval is about 2 × 1.96 × 0.02877 ≈ 0.1128 wide.
    let outcomes = RankOutcomes(ranks: Array(repeating: 1, count: 151) + Array(repeating: nil, count: 151))
    let interval = Bootstrap(seed: 8).topKIntervals(for: outcomes, ks: [1])[1]!
    let expectedWidth = 2 * 1.959963984540054 * (0.25 / 302).squareRoot()
    #expect(abs(interval.width - expectedWidth) < 0.1 * expectedWidth, "\(interval)")
    #expect(abs((interval.lower + interval.upper) / 2 - 0.5) < 0.01)
}

@Test func higherLevelGivesWiderInterval() {
    let outcomes = repeatedPattern(copies: 2)
    let ninety = Bootstrap(level: 0.90, seed: 4).topKIntervals(for: outcomes, ks: [3])[3]!
    let ninetyNine = Bootstrap(level: 0.99, seed: 4).topKIntervals(for: outcomes, ks: [3])[3]!
    #expect(ninetyNine.width > ninety.width)
    #expect(ninetyNine.level == 0.99)
}

@Test func degenerateInputs() {
    let perfect = Bootstrap(resamples: 200).intervals(for: RankOutcomes(ranks: [1, 1, 1, 1]), ks: [1])
    #expect(perfect.topK[1] == ConfidenceInterval(lower: 1, upper: 1, level: 0.95))
    #expect(perfect.meanReciprocalRank.lower == 1)

    let missed = Bootstrap(resamples: 200).intervals(for: RankOutcomes(ranks: [nil, nil, 20]), ks: [1, 10])
    #expect(missed.topK[10]!.upper == 0)
    #expect(missed.meanReciprocalRank.upper > 0)  // rank 20 still contributes 1/20

    let empty = Bootstrap().intervals(for: RankOutcomes(ranks: []), ks: [1, 3])
    #expect(empty.topK[3] == ConfidenceInterval(lower: 0, upper: 0, level: 0.95))
    #expect(Bootstrap().meanInterval(of: []).width == 0)
}
