/// A case as the neural ranker reads it: two weighted sets of term positions, the observed
/// terms with all their ancestors and the excluded terms with theirs, each weighted by
/// information content and normalised to sum to one (an IC-weighted mean of embeddings).
public struct FindingBag: Sendable, Equatable {
    public var present: [(term: Int32, weight: Float)]
    public var absent: [(term: Int32, weight: Float)]

    public static func == (lhs: FindingBag, rhs: FindingBag) -> Bool {
        lhs.present.elementsEqual(rhs.present) { $0 == $1 } && lhs.absent.elementsEqual(rhs.absent) { $0 == $1 }
    }

    public init(query: CaseQuery, index: PhenotypeIndex) {
        present = Self.weighted(query.present, index: index)
        absent = Self.weighted(query.absent, index: index)
    }

    private static func weighted(_ terms: [Int32], index: PhenotypeIndex) -> [(term: Int32, weight: Float)] {
        var seen: Set<Int32> = []
        var bag: [(term: Int32, weight: Float)] = []
        for term in terms {
            for ancestor in index.ontology.ancestorIndices[Int(term)] where seen.insert(ancestor).inserted {
                let information = index.informationContent.values[Int(ancestor)]
                if information > 0 { bag.append((ancestor, information)) }
            }
        }
        let total = bag.reduce(Float(0)) { $0 + $1.weight }
        guard total > 0 else { return [] }
        return bag.sorted { $0.term < $1.term }.map { ($0.term, $0.weight / total) }
    }
}
