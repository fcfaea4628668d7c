/// Picks the best entries of a score array without sorting all of it.
///
/// Entries are ordered by score, higher first, and ties by position, lower first, so
/// ``topIndices(_:count:)`` and ``rank(of:in:)`` always agree.
enum TopSelection {
    /// Positions of the `count` highest scores, best first.
    static func topIndices(_ scores: [Float], count: Int) -> [Int] {
        var heap = Heap(capacity: count)
        scores.withUnsafeBufferPointer { scores in
            // Only a score at or above the floor can be among the best; once the heap is full,
            // its worst entry raises the floor. Most entries are turned away, eight at a time, by
            // one comparison of lanes.
            var floor = guaranteedFloor(scores, count: heap.capacity)
            var start = 0
            while start < scores.count {
                let end = min(start + Lanes.scalarCount, scores.count)
                if end - start < Lanes.scalarCount || any(lanes(scores, at: start) .>= Lanes(repeating: floor)) {
                    for index in start..<end where scores[index] >= floor {
                        heap.offer(index: index, score: scores[index])
                        if heap.isFull { floor = max(floor, heap.worstScore) }
                    }
                }
                start = end
            }
        }
        return heap.sorted().map { $0.index }
    }

    /// A score no higher than the `count`-th highest: the lowest of the maxima of `count`
    /// disjoint blocks, each of which is a distinct entry at least that high. −∞ when there
    /// are too few entries for blocks to help, or the scores are not numbers.
    static func guaranteedFloor(_ scores: UnsafeBufferPointer<Float>, count: Int) -> Float {
        guard count > 0, scores.count >= 4 * count else { return -.infinity }
        let blockSize = scores.count / count
        var floor = Float.infinity
        for block in 0..<count {
            floor = min(floor, highest(scores, in: (block * blockSize)..<((block + 1) * blockSize)))
        }
        return floor
    }

    /// Eight scores side by side.
    private typealias Lanes = SIMD8<Float>

    /// The eight scores from `start` on (all of which must exist).
    private static func lanes(_ scores: UnsafeBufferPointer<Float>, at start: Int) -> Lanes {
        UnsafeRawBufferPointer(scores).loadUnaligned(fromByteOffset: start * MemoryLayout<Float>.stride, as: Lanes.self)
    }

    /// The highest score in `range` (−∞ when none is a number), eight lanes at a time.
    private static func highest(_ scores: UnsafeBufferPointer<Float>, in range: Range<Int>) -> Float {
        var best = Lanes(repeating: -.infinity)
        var start = range.lowerBound
        while start + Lanes.scalarCount <= range.upperBound {
            let next = lanes(scores, at: start)
            best.replace(with: next, where: next .> best)
            start += Lanes.scalarCount
        }
        var highest = best.max()
        for index in start..<range.upperBound where scores[index] > highest { highest = scores[index] }
        return highest
    }

    /// 1-based rank of the entry at `index`.
    static func rank(of index: Int, in scores: [Float]) -> Int {
        scores.indices.count { ranks(scores, $0, before: index) } + 1
    }

    /// Whether the entry at `first` ranks before the one at `second`.
    static func ranks(_ scores: [Float], _ first: Int, before second: Int) -> Bool {
        scores[first] > scores[second] || (scores[first] == scores[second] && first < second)
    }

    /// The best `capacity` entries offered so far: a binary min-heap whose root is the worst
    /// entry kept, so most offers are turned away by one comparison.
    struct Heap {
        struct Entry {
            var index: Int
            var score: Float

            /// Whether this entry ranks below `other` (lower score, or same score and later).
            func isWorse(than other: Entry) -> Bool {
                score < other.score || (score == other.score && index > other.index)
            }
        }

        let capacity: Int
        private var entries: [Entry] = []

        init(capacity: Int) {
            self.capacity = max(0, capacity)
            entries.reserveCapacity(self.capacity)
        }

        /// Whether as many entries are kept as the heap has room for.
        var isFull: Bool { entries.count == capacity }

        /// The score of the worst entry kept (the root); −∞ when empty.
        var worstScore: Float { entries.first?.score ?? -Float.infinity }

        mutating func offer(index: Int, score: Float) {
            let entry = Entry(index: index, score: score)
            if entries.count < capacity {
                entries.append(entry)
                siftUp(entries.count - 1)
            } else if capacity > 0 && entries[0].isWorse(than: entry) {
                entries[0] = entry
                siftDown(0)
            }
        }

        /// The entries kept, best first (by taking the worst off the heap, last place first).
        func sorted() -> [Entry] {
            var heap = self
            var result = entries
            for place in result.indices.reversed() {
                result[place] = heap.entries[0]
                heap.entries[0] = heap.entries[heap.entries.count - 1]
                heap.entries.removeLast()
                heap.siftDown(0)
            }
            return result
        }

        private mutating func siftUp(_ start: Int) {
            entries.withUnsafeMutableBufferPointer { entries in
                var child = start
                let entry = entries[child]
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard entry.isWorse(than: entries[parent]) else { break }
                    entries[child] = entries[parent]
                    child = parent
                }
                entries[child] = entry
            }
        }

        /// Moves the entry at `start` down to its place (holes filled from below, the entry
        /// written once).
        private mutating func siftDown(_ start: Int) {
            entries.withUnsafeMutableBufferPointer { entries in
                let count = entries.count
                guard start < count else { return }
                var parent = start
                let entry = entries[parent]
                while true {
                    let left = 2 * parent + 1
                    guard left < count else { break }
                    var worst = left
                    if left + 1 < count && entries[left + 1].isWorse(than: entries[left]) { worst = left + 1 }
                    guard entries[worst].isWorse(than: entry) else { break }
                    entries[parent] = entries[worst]
                    parent = worst
                }
                entries[parent] = entry
            }
        }
    }
}
