import Testing

@testable import Ranking

@Suite struct SelectionTests {
    /// The reference order: score descending, then position ascending.
    private func reference(_ scores: [Float], count: Int) -> [Int] {
        Array(scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(count))
    }

    @Test(arguments: [0, 1, 3, 10, 50])
    func topIndicesEqualAFullSortWithTiesByPosition(count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            // Few distinct values, so ties are common.
            let scores = (0..<40).map { _ in Float(Int.random(in: 0..<6, using: &generator)) }
            #expect(TopSelection.topIndices(scores, count: count) == reference(scores, count: count))
        }
    }

    @Test(arguments: [1, 7, 100])
    func topIndicesOfLongArraysEqualAFullSort(count: Int) {
        var generator = SystemRandomNumberGenerator()
        let ties = (0..<2_000).map { _ in Float(Int.random(in: 0..<20, using: &generator)) }
        let distinct = (0..<2_000).map { _ in Float.random(in: -5..<5, using: &generator) }
        let ascending = distinct.sorted()
        // A length that is not a multiple of the eight lanes compared at once.
        let ragged = (0..<2_003).map { _ in Float(Int.random(in: 0..<50, using: &generator)) }
        for scores in [ties, distinct, ascending, ascending.reversed(), ragged] {
            #expect(TopSelection.topIndices(scores, count: count) == reference(scores, count: count))
        }
    }

    @Test(arguments: [1, 10, 100])
    func guaranteedFloorIsNoHigherThanTheCountthBestScore(count: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let scores = (0..<1_000).map { _ in Float.random(in: 0..<1, using: &generator) }
            let countth = scores.sorted(by: >)[count - 1]
            let floor = scores.withUnsafeBufferPointer { TopSelection.guaranteedFloor($0, count: count) }
            #expect(floor <= countth)
            #expect(floor > -.infinity)
        }
        let short: [Float] = [3, 1, 2]
        #expect(short.withUnsafeBufferPointer { TopSelection.guaranteedFloor($0, count: 2) } == -.infinity)
    }

    @Test func rankAgreesWithTopIndices() {
        let scores: [Float] = [2, 5, 5, 1, 5, 0]
        let top = TopSelection.topIndices(scores, count: scores.count)
        #expect(top == [1, 2, 4, 0, 3, 5])
        for (offset, index) in top.enumerated() { #expect(TopSelection.rank(of: index, in: scores) == offset + 1) }
    }

    @Test func sparseScoresKeepEachTermsBestValueAndSumTerms() {
        var scores = SparseScores(diseaseCount: 5)
        // Term 1: disease 1 is offered 2 then 3 (best 3), disease 3 is offered 1.
        scores.offer(diseases: [1, 3], values: [2, 1])
        scores.offer(diseases: [1], values: [3])
        scores.commitTerm()
        // Term 2, at half weight: disease 3 gets 4 → +2.
        scores.offer(diseases: [3], values: [4])
        scores.commitTerm(weight: 0.5)
        scores.addToTouched(1, -1)
        scores.addToTouched(0, -1)  // untouched: ignored
        #expect(scores.total(of: 1) == 2)
        #expect(scores.total(of: 3) == 3)
        #expect(scores.total(of: 0) == nil)
        #expect(scores.touchedDiseaseCount == 2)
        #expect(scores.top(5).map(\.disease) == [3, 1])
        scores.reset()
        #expect(scores.touchedDiseaseCount == 0)
        #expect(scores.total(of: 3) == nil)
        scores.offer(diseases: [2], values: [1])
        scores.commitTerm()
        #expect(scores.top(5).map(\.disease) == [2])
        #expect(scores.total(of: 2) == 1)
    }

    @Test func sortedTermsHelpers() {
        let unique = [Int32]([5, 1, 5, 3, 1, 9]).sortedUnique()
        #expect(unique == [1, 3, 5, 9])
        #expect(unique.sortedContains(5))
        #expect(!unique.sortedContains(4))
        #expect(![Int32]().sortedContains(0))
        #expect([Int32]().sortedUnique().isEmpty)
    }
}
