import FastFeedforward
import Synchronization
import Testing

@Suite struct ParallelRangeTests {
    @Test(arguments: [0, 1, 7, 1000, 100_003])
    func mapGivesTheSequentialResultInOrder(count: Int) {
        let mapped = ParallelRange.map(count: count, minimumChunk: 16) { $0 * 3 + 1 }
        #expect(mapped == (0..<count).map { $0 * 3 + 1 })
    }

    @Test func chunksCoverEveryIndexExactlyOnce() {
        let visits = Mutex([Int](repeating: 0, count: 10_007))
        ParallelRange.forEachChunk(of: 10_007, minimumChunk: 100) { range in
            visits.withLock { counts in for index in range { counts[index] += 1 } }
        }
        #expect(visits.withLock { $0.allSatisfy { $0 == 1 } })
    }
}
