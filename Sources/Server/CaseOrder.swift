import Statistics

/// Which case a load-test request sends.
public enum CaseOrder: String, Sendable, CaseIterable {
    /// Request n of the whole test sends case n (mod the cases): each case once per pass over
    /// them, never twice at the same time.
    case spread
    /// Every connection sends the cases in the same order from the first: a connection's k-th
    /// request sends case k (mod the cases), so the connections ask for the same case at about
    /// the same time, as clients replaying one list do.
    case perConnection = "per-connection"
    /// Each request sends a case drawn at random (the same draws in every run: request n's
    /// case comes from a generator seeded with n), as independent clients do.
    case random

    /// The case of a request: `number` of the whole test (from 1), `local` of its connection (from 0).
    func caseIndex(number: Int, local: Int, caseCount: Int) -> Int {
        switch self {
        case .spread:
            return number % caseCount
        case .perConnection:
            return local % caseCount
        case .random:
            var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: number))
            return Int(truncatingIfNeeded: generator.next() % UInt64(caseCount))
        }
    }
}
