/// Scores kept only for the diseases a query touched: the accumulator of the fast candidate
/// stage. Summing over a few thousand touched diseases costs far less than clearing and
/// adding arrays over every disease for each query term.
///
/// A query term's value for a disease is the best over the ancestors walked (``offer``);
/// ``commitTerm(weight:)`` then adds the term's values, times `weight`, to the totals.
/// Lists of touched diseases live in buffers with room for every disease, so adding to them
/// is a store, not an append.
struct SparseScores {
    /// Per disease, the total so far (meaningful for touched diseases only).
    private var totals: [Float]
    private var isTouched: [Bool]
    /// Diseases with a total, in the order they were first touched: the first `touchedCount`.
    private var touched: [Int32]
    private var touchedCount = 0
    /// Per disease, the current term's best value (0 = none yet).
    private var best: [Float]
    /// Diseases with a value for the current term: the first `termTouchedCount`.
    private var termTouched: [Int32]
    private var termTouchedCount = 0

    init(diseaseCount: Int) {
        totals = [Float](repeating: 0, count: diseaseCount)
        isTouched = [Bool](repeating: false, count: diseaseCount)
        touched = [Int32](repeating: 0, count: diseaseCount)
        best = [Float](repeating: 0, count: diseaseCount)
        termTouched = [Int32](repeating: 0, count: diseaseCount)
    }

    /// The number of diseases with a total.
    var touchedDiseaseCount: Int { touchedCount }

    /// Offers every disease of a posting list its value for the current term.
    mutating func offer(diseases: [Int32], values: [Float]) {
        var count = termTouchedCount
        best.withUnsafeMutableBufferPointer { best in
            termTouched.withUnsafeMutableBufferPointer { termTouched in
                diseases.withUnsafeBufferPointer { diseases in
                    values.withUnsafeBufferPointer { values in
                        // Branch-free: whether an entry is new or better is unpredictable, and
                        // mispredicted branches cost more than the stores.
                        for entry in 0..<diseases.count {
                            let disease = diseases[entry]
                            let value = values[entry]
                            let slot = Int(disease)
                            let old = best[slot]
                            termTouched[count] = disease
                            let fresh = old == 0 && value > 0
                            count &+= fresh ? 1 : 0
                            best[slot] = max(old, value)
                        }
                    }
                }
            }
        }
        termTouchedCount = count
    }

    /// Adds the current term's values, times `weight`, to the totals and starts a new term.
    /// With `touching: false` only diseases already touched gain (the term cannot make a
    /// disease a candidate by itself).
    mutating func commitTerm(weight: Float = 1, touching: Bool = true) {
        var count = touchedCount
        let termCount = termTouchedCount
        termTouched.withUnsafeBufferPointer { termTouched in
            touched.withUnsafeMutableBufferPointer { touched in
                totals.withUnsafeMutableBufferPointer { totals in
                    best.withUnsafeMutableBufferPointer { best in
                        isTouched.withUnsafeMutableBufferPointer { isTouched in
                            for disease in termTouched[0..<termCount] {
                                let slot = Int(disease)
                                let counts = touching || isTouched[slot]
                                touched[count] = disease
                                count &+= touching && !isTouched[slot] ? 1 : 0
                                isTouched[slot] = counts
                                totals[slot] += counts ? weight * best[slot] : 0
                                best[slot] = 0
                            }
                        }
                    }
                }
            }
        }
        touchedCount = count
        termTouchedCount = 0
    }

    /// Adds `amount` to a disease already touched; untouched diseases are left alone (they are
    /// not candidates, and a penalty cannot make them one).
    mutating func addToTouched(_ disease: Int32, _ amount: Float) {
        guard isTouched[Int(disease)] else { return }
        totals[Int(disease)] += amount
    }

    /// The total of a touched disease, nil for the others.
    func total(of disease: Int32) -> Float? {
        isTouched[Int(disease)] ? totals[Int(disease)] : nil
    }

    /// The `count` touched diseases with the highest totals, best first; ties go to the lower
    /// disease position, as in ``TopSelection``.
    func top(_ count: Int) -> [(disease: Int32, score: Float)] {
        var selection = TopSelection.Heap(capacity: count)
        touched.withUnsafeBufferPointer { touched in
            totals.withUnsafeBufferPointer { totals in
                for disease in touched[0..<touchedCount] {
                    selection.offer(index: Int(disease), score: totals[Int(disease)])
                }
            }
        }
        return selection.sorted().map { (Int32($0.index), $0.score) }
    }

    /// Back to no scores, keeping the storage: costs the touched diseases, not all of them.
    mutating func reset() {
        for disease in touched[0..<touchedCount] {
            totals[Int(disease)] = 0
            isTouched[Int(disease)] = false
        }
        for disease in termTouched[0..<termTouchedCount] { best[Int(disease)] = 0 }
        touchedCount = 0
        termTouchedCount = 0
    }
}
