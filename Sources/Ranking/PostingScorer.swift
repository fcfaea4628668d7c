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
    /// The general terms' rows (information content below ``generalCut``), which stand in for
    /// their posting lists in ``accumulate(_:into:scratch:)``.
    let generalRows: GeneralRows
    /// Per term, the ancestors ``accumulate(_:into:scratch:)`` walks: the informative ones
    /// that are not general.
    let specificAncestors: [[Int32]]

    /// Terms less informative than this are general (reached by more than 1 disease in 20):
    /// 95% of the entries a case walked were theirs, and their rows take 17 MB
    /// (`ddx bench postings --general-cut 3`).
    static let generalCut: Float = 3

    init(
        index: PhenotypeIndex, minimumInformation: Float, generalCut: Float = Self.generalCut,
        value: (_ information: Float, _ frequency: Float?) -> Float
    ) {
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
        self.generalRows = GeneralRows(index: index, values: values, floor: minimumInformation, cut: generalCut)
        self.specificAncestors = index.ontology.ancestorIndices.map { ancestors in
            ancestors.filter {
                information[Int($0)] >= minimumInformation
                    && !GeneralRows.isGeneral(information[Int($0)], floor: minimumInformation, cut: generalCut)
            }
        }
    }

    /// Adds, for every disease, the value of each of `terms` times its weight to `totals`: the
    /// best value over the term's informative ancestors. `scratch` must have one slot per
    /// disease, all zero; it is all zero again on return.
    ///
    /// A term's value is the larger of its general part (the maximum of its frontier's rows,
    /// ``GeneralRows``) and its specific part (the best over its other informative ancestors'
    /// posting entries), and max(g, s) = g + max(0, s − g). So the general parts are added as
    /// whole rows, once per distinct frontier with the weights of the terms that share it, and
    /// each term then adds, only where its specific part is larger, the difference. The result
    /// equals the weighted sum of the terms' values up to rounding.
    func accumulate(
        _ terms: [(term: Int32, weight: Float)], into totals: inout [Float], scratch: inout [Float]
    ) {
        var frontiers: [(rows: [Int32], weight: Float)] = []
        for (term, weight) in terms where !generalRows.frontiers[Int(term)].isEmpty {
            let rows = generalRows.frontiers[Int(term)]
            if let known = frontiers.firstIndex(where: { $0.rows == rows }) {
                frontiers[known].weight += weight
            } else {
                frontiers.append((rows, weight))
            }
        }
        scratch.withUnsafeMutableBufferPointer { best in
            totals.withUnsafeMutableBufferPointer { total in
                for frontier in frontiers {
                    generalRows.add(frontier.rows, times: frontier.weight, to: total, scratch: best)
                }
                for (term, weight) in terms where !specificAncestors[Int(term)].isEmpty {
                    addSpecificGain(of: term, weight: weight, to: total, best: best)
                }
            }
        }
    }

    /// For one term: raises `best` through its specific ancestors' posting entries, then visits
    /// the same entries again to add, once per disease, `weight` times how far the best value
    /// exceeds the term's general part there, clearing `best` behind it.
    private func addSpecificGain(
        of term: Int32, weight: Float, to total: UnsafeMutableBufferPointer<Float>,
        best: UnsafeMutableBufferPointer<Float>
    ) {
        let ancestors = specificAncestors[Int(term)]
        let frontier = generalRows.frontiers[Int(term)]
        for ancestor in ancestors { raise(best, through: Int(ancestor)) }
        for ancestor in ancestors {
            index.postingDiseases[Int(ancestor)].withUnsafeBufferPointer { diseases in
                generalRows.settle(diseases, best: best, over: frontier, weight: weight, into: total)
            }
        }
    }

    /// Raises `best[disease]` to the posting entry's value, for every entry of the posting list
    /// of `term`. (`value > current ? value : current` compiles to one maximum instruction; the
    /// values are never NaN.)
    private func raise(_ best: UnsafeMutableBufferPointer<Float>, through term: Int) {
        index.postingDiseases[term].withUnsafeBufferPointer { diseaseList in
            values[term].withUnsafeBufferPointer { valueList in
                for entry in diseaseList.indices {
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
