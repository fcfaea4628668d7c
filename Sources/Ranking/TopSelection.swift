/// Picks the best entries of a score array without sorting all of it.
///
/// Entries are ordered by score, higher first, and ties by position, lower first, so
/// ``topIndices(_:count:)`` and ``rank(of:in:)`` always agree.
enum TopSelection {
    /// Positions of the `count` highest scores, best first.
    static func topIndices(_ scores: [Float], count: Int) -> [Int] {
        var heap = Heap(capacity: count)
        scores.withUnsafeBufferPointer { scores in
            let filled = min(heap.capacity, scores.count)
            for index in 0..<filled { heap.offer(index: index, score: scores[index]) }
            guard filled > 0 else { return }
            // Once the heap is full, a score no higher than its worst cannot enter (on a tie the
            // later position loses): most entries are turned away here, by one comparison.
            var floor = heap.worstScore
            for index in filled..<scores.count where scores[index] > floor {
                heap.offer(index: index, score: scores[index])
                floor = heap.worstScore
            }
        }
        return heap.sorted().map { $0.index }
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
