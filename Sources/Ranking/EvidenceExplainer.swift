import Ontology

/// Explains a disease's score: for each observed finding, the disease feature and common
/// ancestor that gave its best value; for each excluded finding the disease usually shows,
/// and each observed finding the disease is annotated not to have, the penalty.
///
/// It walks one disease's features, so it is only used on the few diseases shown.
struct EvidenceExplainer: Sendable {
    /// The scorer whose match values the explanation reports.
    let scorer: PostingScorer
    var index: PhenotypeIndex { scorer.index }

    /// For each of `terms`, its best match among the disease's features; `scale` multiplies
    /// the weight (the share of the match value the score uses for these terms).
    func matches(_ terms: [Int32], disease: Int, scale: Float = 1) -> [FindingMatch] {
        let ontology = index.ontology
        var matches: [FindingMatch] = []
        matches.reserveCapacity(terms.count)
        for term in terms {
            var best: (weight: Float, ancestor: Int32, entry: Int)?
            for ancestor in scorer.ancestorsByCeiling[Int(term)] {
                let bestWeight = best?.weight ?? 0
                // Ancestors come highest ceiling first: none of the rest can beat the best.
                guard scorer.ceilings[Int(ancestor)] >= bestWeight else { break }
                // A general ancestor's row bounds its value: below the best, no need to search.
                if let bound = scorer.generalRows.bound(of: ancestor, disease: disease),
                    bound < bestWeight || bound == 0
                {
                    continue
                }
                guard let entry = index.postingEntry(of: Int32(disease), reaching: ancestor) else { continue }
                let weight = scorer.values[Int(ancestor)][entry]
                guard weight > bestWeight || (weight > 0 && weight == bestWeight) else { continue }
                // On a tie, the deeper ancestor names the match more precisely.
                if weight == bestWeight, let current = best?.ancestor,
                    ontology.ancestorIndices[Int(ancestor)].count <= ontology.ancestorIndices[Int(current)].count
                {
                    continue
                }
                best = (weight, ancestor, entry)
            }
            guard let found = best else { continue }
            let feature = strongestFeature(of: found.ancestor, entry: found.entry)
            matches.append(
                FindingMatch(
                    query: ontology.terms[Int(term)].id,
                    diseaseTerm: ontology.terms[Int(feature.term)].id,
                    commonAncestor: ontology.terms[Int(found.ancestor)].id,
                    frequency: feature.frequency.map(Double.init),
                    weight: Double(found.weight * scale)))
        }
        return matches.sorted { $0.weight > $1.weight }
    }

    /// The disease's most frequent feature at or below a term, from the term's posting entry.
    private func strongestFeature(of term: Int32, entry: Int) -> PhenotypeIndex.Feature {
        let frequency = index.postingFrequencies[Int(term)][entry]
        return PhenotypeIndex.Feature(
            term: index.postingFeatures[Int(term)][entry], frequency: frequency < 0 ? nil : frequency)
    }

    /// Excluded findings the disease has (or has a more specific form of), where that costs
    /// a penalty or the disease shows the feature in at least half its patients; and observed
    /// findings under a NOT annotation.
    func against(
        _ query: CaseQuery, disease: Int, penalty: (Float?) -> Float, negatedPenalty: Float
    ) -> [FindingConflict] {
        let ontology = index.ontology
        var conflicts: [FindingConflict] = []
        for term in query.absent {
            guard let entry = index.postingEntry(of: Int32(disease), reaching: term) else { continue }
            let strongest = strongestFeature(of: term, entry: entry)
            let weight = penalty(strongest.frequency)
            guard weight < 0 || (strongest.frequency ?? 0) >= 0.5 else { continue }
            conflicts.append(
                FindingConflict(
                    query: ontology.terms[Int(term)].id, diseaseTerm: ontology.terms[Int(strongest.term)].id,
                    kind: .excludedButExpected, frequency: strongest.frequency.map(Double.init), weight: Double(weight))
            )
        }
        if negatedPenalty < 0 {
            for term in query.present {
                let ancestors = ontology.ancestorIndices[Int(term)]
                guard let negated = index.negated[disease].first(where: { ancestors.contains($0) }) else { continue }
                conflicts.append(
                    FindingConflict(
                        query: ontology.terms[Int(term)].id, diseaseTerm: ontology.terms[Int(negated)].id,
                        kind: .observedButNegated, frequency: nil, weight: Double(negatedPenalty)))
            }
        }
        return conflicts.sorted { ($0.weight, -($0.frequency ?? 0)) < ($1.weight, -($1.frequency ?? 0)) }
    }
}
