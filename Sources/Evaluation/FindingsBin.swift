/// Accuracy by the number of observed findings a case gave: cases in one range of counts, and
/// each arm's top-1 and top-10 on them.
public struct FindingsBin: Sendable, Equatable {
    /// One arm's figures in the bin.
    public struct Cell: Sendable, Equatable {
        public var arm: String
        /// Cases (model arms) or lists (reader arms) in the bin.
        public var n: Int
        public var top1: Double
        public var top10: Double
    }

    /// `1-2`, `3-5`, `6-10`, `11-20`, `21+` (and `0` for cases without observed findings).
    public var label: String
    public var range: ClosedRange<Int>
    public var cells: [Cell]

    /// The ranges used.
    public static let ranges: [ClosedRange<Int>] = [0...0, 1...2, 3...5, 6...10, 11...20, 21...Int.max]

    static func bins(arms: [ArmReport]) -> [FindingsBin] {
        ranges.compactMap { range in
            let cells = arms.map { arm -> Cell in
                let inBin = arm.outcomes.filter { range.contains($0.presentFindings) }
                func share(_ k: Int) -> Double {
                    inBin.isEmpty ? 0 : Double(inBin.filter { ($0.rank ?? .max) <= k }.count) / Double(inBin.count)
                }
                return Cell(arm: arm.name, n: inBin.count, top1: share(1), top10: share(10))
            }
            guard cells.contains(where: { $0.n > 0 }) else { return nil }
            let label =
                range.upperBound == Int.max
                ? "\(range.lowerBound)+"
                : range.lowerBound == range.upperBound
                    ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
            return FindingsBin(label: label, range: range, cells: cells)
        }
    }
}
