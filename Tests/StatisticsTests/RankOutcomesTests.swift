import Statistics
import Testing

/// Eight hand-made cases; hits within top k, counted by hand:
/// k = 1: 2, 2: 3, 3–9: 4, 10: 5, 11: 6. MRR = (1 + 1/3 + 1/2 + 1/10 + 1/11 + 1) / 8 = 499/1320.
private let outcomes = RankOutcomes(ranks: [1, 3, nil, 2, 10, 11, nil, 1])

@Test func topKIsAFractionOfAllCases() {
    #expect(outcomes.count == 8)
    #expect(outcomes.topK(1) == 2.0 / 8)
    #expect(outcomes.topK(2) == 3.0 / 8)
    #expect(outcomes.topK(3) == 4.0 / 8)
    #expect(outcomes.topK(9) == 4.0 / 8)
    #expect(outcomes.topK(10) == 5.0 / 8)
    #expect(outcomes.topK(11) == 6.0 / 8)
    #expect(outcomes.topK(1000) == 6.0 / 8)  // the two misses never count
}

@Test func topKForARangeOfK() {
    let table = outcomes.topK(1...10)
    #expect(table.keys.sorted() == Array(1...10))
    #expect(table[1] == 0.25)
    #expect(table[5] == 0.5)
    #expect(table[10] == 0.625)
}

@Test func hitsAndCounts() {
    #expect(outcomes.hitCount(withinTop: 3) == 4)
    #expect(outcomes.isHit(at: 1, withinTop: 3))
    #expect(!outcomes.isHit(at: 1, withinTop: 2))
    #expect(!outcomes.isHit(at: 2, withinTop: 100))
}

@Test func meanReciprocalRankCountsMissesAsZero() {
    #expect(isClose(outcomes.meanReciprocalRank, 0.37803030303030305, absolute: 1e-15))
    #expect(outcomes.reciprocalRanks == [1, 1.0 / 3, 0, 0.5, 0.1, 1.0 / 11, 0, 1])
}

@Test func emptyOutcomesGiveZero() {
    let empty = RankOutcomes(ranks: [])
    #expect(empty.topK(1) == 0)
    #expect(empty.meanReciprocalRank == 0)
}

@Test func allMissesAndAllFirst() {
    #expect(RankOutcomes(ranks: [nil, nil]).topK(10) == 0)
    #expect(RankOutcomes(ranks: [nil, nil]).meanReciprocalRank == 0)
    #expect(RankOutcomes(ranks: [1, 1, 1]).topK(1) == 1)
    #expect(RankOutcomes(ranks: [1, 1, 1]).meanReciprocalRank == 1)
}
