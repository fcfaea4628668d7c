import Synchronization

/// Reusable ``SparseScores`` for the candidate stage. Fresh scores clear three arrays over
/// every disease; reused ones are reset over the diseases the last case touched, which is the
/// larger part of the saving of a sparse stage. Each concurrent ranking takes its own.
final class SparseScoresPool: Sendable {
    private let diseaseCount: Int
    private let idle = Mutex<[SparseScores]>([])

    init(diseaseCount: Int) {
        self.diseaseCount = diseaseCount
    }

    /// Runs `body` with scores that start empty, and keeps them for the next caller.
    func withScores<Result>(_ body: (inout SparseScores) -> Result) -> Result {
        var scores = idle.withLock { $0.popLast() } ?? SparseScores(diseaseCount: diseaseCount)
        let result = body(&scores)
        scores.reset()
        idle.withLock { $0.append(scores) }
        return result
    }
}
