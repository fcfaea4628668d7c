/// Picks the best entries of a score array without sorting all of it.
///
/// Ties are broken by position (lower first), so ``topIndices(_:count:)`` and
/// ``rank(of:in:)`` always agree.
enum TopSelection {
    /// Positions of the `count` highest scores, best first.
    static func topIndices(_ scores: [Float], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var heap: [(score: Float, index: Int)] = []  // kept sorted, best first
        heap.reserveCapacity(count + 1)
        for (index, score) in scores.enumerated() {
            if heap.count == count, let last = heap.last, !(score > last.score) { continue }
            var insertAt = heap.count
            while insertAt > 0 && score > heap[insertAt - 1].score { insertAt -= 1 }
            heap.insert((score, index), at: insertAt)
            if heap.count > count { heap.removeLast() }
        }
        return heap.map(\.index)
    }

    /// 1-based rank of the entry at `index`.
    static func rank(of index: Int, in scores: [Float]) -> Int {
        let target = scores[index]
        var better = 0
        for (other, score) in scores.enumerated() where score > target || (score == target && other < index) {
            better += 1
        }
        return better + 1
    }
}
