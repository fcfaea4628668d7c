/// The posting lists turned around: per disease, the terms it reaches, each with what the
/// disease's posting entry for the term holds (its most frequent feature at or below the term,
/// and that feature's frequency).
///
/// Explaining a disease looks up many (disease, term) pairs for one disease. A binary search
/// in each term's posting list, then a read of the entry, touch a few cache lines spread over
/// megabytes; the disease's own list is a few kilobytes, read again for every finding, so its
/// searches and reads stay in cache.
struct DiseaseReach: Sendable {
    /// Disease `d`'s pairs are the slots `starts[d] ..< starts[d + 1]`, in ascending term order.
    private let starts: [Int32]
    /// Per slot, the term reached, the feature and its frequency (`-1`: none given).
    private let terms: [Int32]
    private let features: [Int32]
    private let frequencies: [Float]

    /// Per term, parallel lists: the diseases that reach it (each at most once), and for each
    /// its most frequent feature at or below the term and that feature's frequency.
    init(postingDiseases: [[Int32]], features: [[Int32]], frequencies: [[Float]], diseaseCount: Int) {
        var starts = [Int32](repeating: 0, count: diseaseCount + 1)
        for list in postingDiseases {
            for disease in list { starts[Int(disease) + 1] += 1 }
        }
        for disease in 0..<diseaseCount { starts[disease + 1] += starts[disease] }
        var next = starts
        var terms = [Int32](repeating: 0, count: Int(starts[diseaseCount]))
        var slotFeatures = terms
        var slotFrequencies = [Float](repeating: 0, count: terms.count)
        // Terms are visited in ascending order, so each disease's terms come out sorted.
        for (term, list) in postingDiseases.enumerated() {
            for (entry, disease) in list.enumerated() {
                let slot = Int(next[Int(disease)])
                terms[slot] = Int32(term)
                slotFeatures[slot] = features[term][entry]
                slotFrequencies[slot] = frequencies[term][entry]
                next[Int(disease)] += 1
            }
        }
        self.starts = starts
        self.terms = terms
        self.features = slotFeatures
        self.frequencies = slotFrequencies
    }

    /// How many (disease, term) pairs the table holds: the entries of all posting lists.
    var count: Int { terms.count }

    /// Where the pair (`disease`, `term`) sits in the table, if the disease reaches the term.
    func slot(of disease: Int32, reaching term: Int32) -> Int? {
        let lower = Int(starts[Int(disease)])
        let upper = Int(starts[Int(disease) + 1])
        guard lower < upper else { return nil }
        return terms.withUnsafeBufferPointer { terms in
            // Invariant: the first term ≥ `term` is at base or after base + length - 1.
            var base = lower
            var length = upper - lower
            while length > 1 {
                let half = length &>> 1
                base = terms[base &+ half] < term ? base &+ half : base
                length &-= half
            }
            let slot = base &+ (terms[base] < term ? 1 : 0)
            return slot < upper && terms[slot] == term ? slot : nil
        }
    }

    /// The disease's most frequent feature at or below the term, for a pair's slot.
    func feature(at slot: Int) -> PhenotypeIndex.Feature {
        let frequency = frequencies[slot]
        return PhenotypeIndex.Feature(term: features[slot], frequency: frequency < 0 ? nil : frequency)
    }

    /// One value per pair, in slot order: `value(term, frequency)` for each, with the
    /// frequency of the pair's feature (nil when none is given).
    func perSlot<Value>(_ value: (_ term: Int, _ frequency: Float?) -> Value) -> [Value] {
        zip(terms, frequencies).map { value(Int($0), $1 < 0 ? nil : $1) }
    }
}
