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
    /// Ancestors less informative than this are skipped: they reach nearly every disease and
    /// add almost nothing but cost.
    let minimumInformation: Float

    init(index: PhenotypeIndex, minimumInformation: Float, value: (_ information: Float, _ frequency: Float?) -> Float)
    {
        self.index = index
        self.minimumInformation = minimumInformation
        self.values = zip(index.postingFrequencies.indices, index.postingFrequencies).map { term, frequencies in
            let information = index.informationContent.values[term]
            return frequencies.map { value(information, $0 < 0 ? nil : $0) }
        }
    }

    /// Adds, for every disease, the value of `term` to `totals`. `scratch` must have one slot
    /// per disease; its content on entry does not matter.
    func accumulate(term: Int32, into totals: inout [Float], scratch: inout [Float]) {
        let ontology = index.ontology
        let information = index.informationContent.values
        scratch.withUnsafeMutableBufferPointer { best in
            best.update(repeating: 0)
            for ancestor in ontology.ancestorIndices[Int(term)] where information[Int(ancestor)] >= minimumInformation {
                let diseases = index.postingDiseases[Int(ancestor)]
                let weights = values[Int(ancestor)]
                diseases.withUnsafeBufferPointer { diseaseList in
                    weights.withUnsafeBufferPointer { weightList in
                        for entry in 0..<diseaseList.count {
                            let slot = Int(diseaseList[entry])
                            best[slot] = max(best[slot], weightList[entry])
                        }
                    }
                }
            }
            totals.withUnsafeMutableBufferPointer { total in
                for slot in 0..<total.count { total[slot] += best[slot] }
            }
        }
    }
}
