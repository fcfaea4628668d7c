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
        var closure: [Int32] = []
        for term in terms { closure.append(contentsOf: index.ontology.ancestorIndices[Int(term)]) }
        let information = index.informationContent.values
        let bag = closure.sortedUnique().compactMap { term -> (term: Int32, weight: Float)? in
            information[Int(term)] > 0 ? (term, information[Int(term)]) : nil
        }
        let total = bag.reduce(Float(0)) { $0 + $1.weight }
        guard total > 0 else { return [] }
        return bag.map { ($0.term, $0.weight / total) }
    }
}
