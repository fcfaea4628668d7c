/// Picks the best entries of a score array without sorting all of it.
///
/// Entries are ordered by score, higher first, and ties by position, lower first, so
/// ``topIndices(_:count:)`` and ``rank(of:in:)`` always agree.
enum TopSelection {
    /// Positions of the `count` highest scores, best first.
    static func topIndices(_ scores: [Float], count: Int) -> [Int] {
        var heap = Heap(capacity: count)
        scores.withUnsafeBufferPointer { scores in
            // Only a score at or above the floor can be among the best, and a block whose
            // maximum is below it can be passed over whole; once the heap is full, its worst
            // entry raises the floor.
            let maxima = blockMaxima(scores)
            var floor = guaranteedFloor(maxima: maxima, count: heap.capacity)
            for (block, maximum) in maxima.enumerated() where maximum >= floor {
                offer(scores, in: (block * blockSize)..<((block + 1) * blockSize), to: &heap, floor: &floor)
            }
            offer(scores, in: (maxima.count * blockSize)..<scores.count, to: &heap, floor: &floor)
        }
        return heap.sorted().map { $0.index }
    }

    /// Offers the heap the scores of `range` at or above `floor`, raising `floor` to the heap's
    /// worst entry once it is full.
    private static func offer(
        _ scores: UnsafeBufferPointer<Float>, in range: Range<Int>, to heap: inout Heap, floor: inout Float
    ) {
        for index in range where scores[index] >= floor {
            heap.offer(index: index, score: scores[index])
            if heap.isFull { floor = max(floor, heap.worstScore) }
        }
    }

    /// Scores per block of ``blockMaxima(_:)``: four lanes' worth.
    static let blockSize = 4 * Lanes.scalarCount

    /// The highest score of each whole block of ``blockSize`` (the last scores, short of a
    /// block, have none).
    static func blockMaxima(_ scores: UnsafeBufferPointer<Float>) -> [Float] {
        (0..<(scores.count / blockSize)).map { highest(scores, in: ($0 * blockSize)..<(($0 + 1) * blockSize)) }
    }

    /// A score no higher than the `count`-th highest: the `count`-th highest of the maxima of
    /// disjoint blocks, since `count` distinct blocks each hold an entry at least that high.
    /// With several blocks per wanted score, the best scores mostly fall in different blocks,
    /// so the floor lies close to the `count`-th highest score and few blocks reach it. −∞ when
    /// there are fewer blocks than `count`.
    static func guaranteedFloor(maxima: [Float], count: Int) -> Float {
        guard count > 0, maxima.count >= count else { return -.infinity }
        var maxima = maxima
        return maxima.withUnsafeMutableBufferPointer { kthHighest($0, k: count) }
    }

    /// The `k`-th highest of `values` (1-based; `values` holds at least `k`, none of them NaN),
    /// found by partitioning around a middle value, narrowing to the side that holds it
    /// (Hoare's selection). Reorders `values`.
    static func kthHighest(_ values: UnsafeMutableBufferPointer<Float>, k: Int) -> Float {
        let target = k - 1
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var left = low
            var right = high
            // Highest first: left of the split only values ≥ pivot, right of it only ≤ pivot.
            while left <= right {
                while values[left] > pivot { left += 1 }
                while values[right] < pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if target <= right {
                high = right
            } else if target >= left {
                low = left
            } else {
                return values[target]
            }
        }
        return values[target]
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
