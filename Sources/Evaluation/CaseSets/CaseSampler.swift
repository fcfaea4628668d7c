import Statistics

/// Draws a seeded sample of cases: shuffle all cases (Fisher–Yates from the end, with
/// ``SeededGenerator`` seeded with `seed`), then take cases in that order that pass the filters until `size` are chosen.
public struct CaseSampler: Sendable {
    public var size: Int
    public var seed: UInt64
    public var filters: CaseSetManifest.Filters

    public init(size: Int, seed: UInt64, filters: CaseSetManifest.Filters) {
        self.size = size
        self.seed = seed
        self.filters = filters
    }

    /// The ids drawn from `cases` (facts of every case with a truth, in source order). Cases
    /// with an id seen before in the source are skipped, so ids identify cases.
    public func sample(_ cases: [CaseFacts]) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var seenIDs: Set<String> = []
        let unique = cases.filter { seenIDs.insert($0.caseID).inserted }
        var diagnoses: Set<String> = []
        var chosen: [String] = []
        // Fisher–Yates written out, so the order for a seed never changes with the toolchain.
        var order = unique
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(index, generator.next(below: index + 1))
        }
        for fact in order where chosen.count < size {
            if filters.inKnowledgeBase && !fact.truthInKnowledgeBase { continue }
            if filters.nonCircular && fact.isCircular { continue }
            if filters.distinctDiagnoses && !diagnoses.insert(fact.truth).inserted { continue }
            chosen.append(fact.caseID)
        }
        return chosen
    }
}
