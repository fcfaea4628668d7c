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
            let scores = (0..<10_000).map { _ in Float.random(in: 0..<1, using: &generator) }
            let countth = scores.sorted(by: >)[count - 1]
            let maxima = scores.withUnsafeBufferPointer { TopSelection.blockMaxima($0) }
            #expect(maxima.count == 10_000 / TopSelection.blockSize)
            let floor = TopSelection.guaranteedFloor(maxima: maxima, count: count)
            #expect(floor <= countth)
            #expect(floor > -.infinity)
        }
        let short: [Float] = Array(repeating: 1, count: 3 * TopSelection.blockSize)
        let maxima = short.withUnsafeBufferPointer { TopSelection.blockMaxima($0) }
        #expect(TopSelection.guaranteedFloor(maxima: maxima, count: 4) == -.infinity, "fewer blocks than wanted")
    }

    @Test func kthHighestEqualsTheKthOfASort() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 7, 100, 397] {
            // Few distinct values (ties) and some −∞ (blocks with no number).
            let values = (0..<length).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0
                    ? -Float.infinity : Float(Int.random(in: 0..<8, using: &generator))
            }
            let sorted = values.sorted(by: >)
            for k in Set([1, (length + 1) / 2, length]) {
                var scratch = values
                let found = scratch.withUnsafeMutableBufferPointer { TopSelection.kthHighest($0, k: k) }
                #expect(found == sorted[k - 1])
            }
        }
    }

    @Test func topIndicesOfADiseaseSizedArrayEqualAFullSort() {
        var generator = SystemRandomNumberGenerator()
        // As many scores as diseases, not a multiple of the block, many ties and a clustered tail.
        let ties = (0..<12_687).map { _ in Float(Int.random(in: 0..<40, using: &generator)) }
        let clustered = (0..<12_687).map { $0 > 12_500 ? Float($0) : Float.random(in: 0..<1, using: &generator) }
        for scores in [ties, clustered] {
            for count in [1, 100, 500] {
                #expect(TopSelection.topIndices(scores, count: count) == reference(scores, count: count))
            }
        }
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
