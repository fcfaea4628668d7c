/// Scores every disease for a set of query terms by walking each query term's ancestors
/// and their posting lists: the per-disease value of a query term is the best value over the
/// ancestors the disease reaches (its most informative common ancestor with the disease).
///
/// The value of (ancestor, disease) is precomputed by the ranker from the ancestor's
/// information content and the frequency with which the disease reaches it.
struct PostingScorer: Sendable {
    let index: PhenotypeIndex
    /// Per term, per posting entry: the value a query term gets through this ancestor.
    let values: [[Float]]
    /// Per term, the largest of its ``values`` (0 when no disease reaches it): no match
    /// through the term can be worth more.
    let ceilings: [Float]
    /// Per term, its ancestors of at least ``minimumInformation``, highest ceiling first (in
    /// ancestor order among equal ceilings): a search for a term's best match can stop at the
    /// first ancestor whose ceiling is below the best value found.
    let ancestorsByCeiling: [[Int32]]
    /// Ancestors less informative than this are skipped: they reach nearly every disease and
    /// add almost nothing but cost.
    let minimumInformation: Float

    init(index: PhenotypeIndex, minimumInformation: Float, value: (_ information: Float, _ frequency: Float?) -> Float)
    {
        self.index = index
        self.minimumInformation = minimumInformation
        let values = zip(index.postingFrequencies.indices, index.postingFrequencies).map { term, frequencies in
            let information = index.informationContent.values[term]
            return frequencies.map { value(information, $0 < 0 ? nil : $0) }
        }
        self.values = values
        let ceilings = values.map { $0.max() ?? 0 }
        let information = index.informationContent.values
        self.ceilings = ceilings
        self.ancestorsByCeiling = index.ontology.ancestorIndices.map { ancestors in
            ancestors.filter { information[Int($0)] >= minimumInformation }
                .enumerated()
                .sorted { (ceilings[Int($0.element)], -$0.offset) > (ceilings[Int($1.element)], -$1.offset) }
                .map { $0.element }
        }
    }

    /// Adds, for every disease, the value of `term` to `totals`. `scratch` must have one slot
    /// per disease, all zero; it is all zero again on return (so a caller clears it once, not
    /// once per term). The diseases are taken a block at a time (see ``PostingBlocks``).
    func accumulate(term: Int32, into totals: inout [Float], scratch: inout [Float]) {
        // The informative ancestors, in whatever order: a maximum does not depend on it.
        let ancestors = ancestorsByCeiling[Int(term)]
        let blocks = index.postingBlocks
        scratch.withUnsafeMutableBufferPointer { best in
            totals.withUnsafeMutableBufferPointer { total in
                for block in 0..<blocks.blockCount {
                    for ancestor in ancestors {
                        raise(best, through: Int(ancestor), entries: blocks.entries(of: Int(ancestor), inBlock: block))
                    }
                    for slot in blocks.diseases(inBlock: block) {
                        total[slot] += best[slot]
                        best[slot] = 0
                    }
                }
            }
        }
    }

    /// Raises `best[disease]` to the posting entry's value, for `entries` of the posting list of
    /// `term`. (`value > current ? value : current` compiles to one maximum instruction; the
    /// values are never NaN.)
    private func raise(_ best: UnsafeMutableBufferPointer<Float>, through term: Int, entries: Range<Int>) {
        index.postingDiseases[term].withUnsafeBufferPointer { diseaseList in
            values[term].withUnsafeBufferPointer { valueList in
                for entry in entries {
                    let slot = Int(diseaseList[entry])
                    let value = valueList[entry]
                    let current = best[slot]
                    best[slot] = value > current ? value : current
                }
            }
        }
    }

    /// Offers `scores` the value of `term` for the diseases that reach it through an
    /// informative ancestor (information content at least `threshold`); when no such ancestor
    /// reaches any disease, through the most informative ancestor that does (if it is above
    /// ``minimumInformation``). This is the fast candidate stage's view of a term: the diseases
    /// it leaves out would only share generic features with the term.
    func offerInformative(term: Int32, threshold: Float, to scores: inout SparseScores) {
        let information = index.informationContent.values
        var offered = false
        var fallback: (ancestor: Int, information: Float)?
        for ancestor in index.ontology.ancestorIndices[Int(term)] {
            let slot = Int(ancestor)
            guard !index.postingDiseases[slot].isEmpty else { continue }
            if information[slot] >= threshold {
                scores.offer(diseases: index.postingDiseases[slot], values: values[slot])
                offered = true
            } else if information[slot] >= minimumInformation && information[slot] > (fallback?.information ?? -1) {
                fallback = (slot, information[slot])
            }
        }
        if !offered, let fallback {
            scores.offer(diseases: index.postingDiseases[fallback.ancestor], values: values[fallback.ancestor])
        }
    }
}
