/// Dense per-disease rows for the general terms, so the exact candidate stage need not walk
/// their long posting lists for every query term.
///
/// A term is *general* when its information content lies in `floor..<cut`: it reaches more
/// than a share e^(−cut) of the diseases ("Abnormality of the nervous system"). Most query
/// terms have several general ancestors, and walking their lists was most of the stage's work.
/// Each general term gets a row over all diseases holding the best value through the term or
/// any of its general ancestors. A query term's best value through its general ancestors is
/// then the maximum of the rows of its *frontier*, the lowest of them (the others are their
/// ancestors, already in their rows): the same maximum over the same values, so exactly what
/// walking the lists gave.
struct GeneralRows: Sendable {
    let diseaseCount: Int
    /// Per term, the rows of its frontier (empty when it has no general ancestor).
    let frontiers: [[Int32]]
    /// Row `r` is `storage[r * diseaseCount ..< (r + 1) * diseaseCount]`.
    private let storage: [Float]
    /// A row of zeros, after the general terms' rows.
    private let zeroRow: Int
    /// Per term, its row (−1 when the term is not general).
    private let rowOfTerm: [Int32]

    /// Whether a term of this information content is general: informative (at least `floor`)
    /// but below `cut`.
    static func isGeneral(_ information: Float, floor: Float, cut: Float) -> Bool {
        information >= floor && information < cut
    }

    /// The general ones among `term` and its ancestors.
    static func generalAncestors(of term: Int32, in index: PhenotypeIndex, floor: Float, cut: Float) -> [Int32] {
        let information = index.informationContent.values
        return index.ontology.ancestorIndices[Int(term)].filter {
            isGeneral(information[Int($0)], floor: floor, cut: cut)
        }
    }

    /// `values` are the scorer's, per term and posting entry.
    init(index: PhenotypeIndex, values: [[Float]], floor: Float, cut: Float) {
        let information = index.informationContent.values
        let generalAncestors = (0..<Int32(information.count)).map {
            Self.generalAncestors(of: $0, in: index, floor: floor, cut: cut)
        }
        let generalTerms = information.indices.filter { Self.isGeneral(information[$0], floor: floor, cut: cut) }
        var rowOf = [Int32](repeating: -1, count: information.count)
        // One row per general term, and a last one of zeros.
        var storage = [Float](repeating: 0, count: (generalTerms.count + 1) * index.diseaseCount)
        storage.withUnsafeMutableBufferPointer { storage in
            for (row, term) in generalTerms.enumerated() {
                rowOf[term] = Int32(row)
                let base = row * index.diseaseCount
                for ancestor in generalAncestors[term] {
                    for (disease, value) in zip(index.postingDiseases[Int(ancestor)], values[Int(ancestor)]) {
                        let slot = base + Int(disease)
                        storage[slot] = Swift.max(storage[slot], value)
                    }
                }
            }
        }
        self.diseaseCount = index.diseaseCount
        self.zeroRow = generalTerms.count
        self.storage = storage
        self.rowOfTerm = rowOf
        self.frontiers = generalAncestors.map { general in
            Self.frontier(of: general, information: information) { generalAncestors[Int($0)] }
                .map { rowOf[Int($0)] }
        }
    }

    /// The terms of `general` (a term's general ancestors) whose own general ancestors cover
    /// all of it: taken deepest first (most informative, then most general ancestors, so a term
    /// comes before its ancestors even when they reach the same diseases), each term not yet
    /// covered joins the frontier.
    static func frontier(
        of general: [Int32], information: [Float], generalAncestors: (Int32) -> [Int32]
    ) -> [Int32] {
        func depth(_ term: Int32) -> (Float, Int) { (information[Int(term)], generalAncestors(term).count) }
        var covered: [Int32] = []
        var frontier: [Int32] = []
        for term in general.sorted(by: { depth($0) > depth($1) }) where !covered.contains(term) {
            frontier.append(term)
            covered.append(contentsOf: generalAncestors(term))
        }
        return frontier
    }

    /// For a general term, the best value for `disease` through the term or any of its general
    /// ancestors (at least the value through the term itself); nil when the term is not general.
    func bound(of term: Int32, disease: Int) -> Float? {
        let row = Int(rowOfTerm[Int(term)])
        guard row >= 0 else { return nil }
        return storage[row * diseaseCount + disease]
    }

    /// Adds `times` × the maximum of `rows` to `total`, for every disease. `scratch` (one
    /// slot per disease, all zero) is all zero again on return.
    func add(
        _ rows: [Int32], times: Float, to total: UnsafeMutableBufferPointer<Float>,
        scratch: UnsafeMutableBufferPointer<Float>
    ) {
        storage.withUnsafeBufferPointer { storage in
            guard let first = rows.first else { return }
            let base = Int(first) * diseaseCount
            switch rows.count {
            case 1:
                for slot in 0..<diseaseCount { total[slot] += times * storage[base &+ slot] }
                return
            case 2:
                // The common pair (two branches of the ontology) in one pass.
                let second = Int(rows[1]) * diseaseCount
                for slot in 0..<diseaseCount {
                    let value = storage[base &+ slot]
                    let other = storage[second &+ slot]
                    total[slot] += times * (other > value ? other : value)
                }
                return
            default: break
            }
            for row in rows {
                let base = Int(row) * diseaseCount
                for slot in 0..<diseaseCount {
                    let value = storage[base &+ slot]
                    let current = scratch[slot]
                    scratch[slot] = value > current ? value : current
                }
            }
            for slot in 0..<diseaseCount {
                total[slot] += times * scratch[slot]
                scratch[slot] = 0
            }
        }
    }

    /// For each disease of `diseases`: adds to `total` `weight` times how far `best` exceeds
    /// the maximum of `rows` there (nothing when it does not), and sets `best` to zero, so a
    /// disease listed again adds nothing more (rows are never negative).
    func settle(
        _ diseases: UnsafeBufferPointer<Int32>, best: UnsafeMutableBufferPointer<Float>, over rows: [Int32],
        weight: Float, into total: UnsafeMutableBufferPointer<Float>
    ) {
        storage.withUnsafeBufferPointer { storage in
            rows.withUnsafeBufferPointer { rows in
                settle(diseases, best: best, over: rows, storage: storage, weight: weight, into: total)
            }
        }
    }

    private func settle(
        _ diseases: UnsafeBufferPointer<Int32>, best: UnsafeMutableBufferPointer<Float>,
        over rows: UnsafeBufferPointer<Int32>, storage: UnsafeBufferPointer<Float>, weight: Float,
        into total: UnsafeMutableBufferPointer<Float>
    ) {
        if rows.count <= 2 {
            // Most frontiers have one or two rows; a missing one reads the row of zeros.
            let first = (rows.count > 0 ? Int(rows[0]) : zeroRow) * diseaseCount
            let second = (rows.count > 1 ? Int(rows[1]) : zeroRow) * diseaseCount
            for disease in diseases {
                let slot = Int(disease)
                let value = storage[first &+ slot]
                let other = storage[second &+ slot]
                let gain = best[slot] - (other > value ? other : value)
                total[slot] += gain > 0 ? weight * gain : 0
                best[slot] = 0
            }
            return
        }
        for disease in diseases {
            let slot = Int(disease)
            var general: Float = 0
            for row in rows {
                let value = storage[Int(row) &* diseaseCount &+ slot]
                general = value > general ? value : general
            }
            let gain = best[slot] - general
            total[slot] += gain > 0 ? weight * gain : 0
            best[slot] = 0
        }
    }
}
