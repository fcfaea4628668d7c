extension LikelihoodRanker {
    /// The likelihood-ratio score restricted to informative matches, for the diseases it
    /// touches: each query term counts only through ancestors with information content of at
    /// least `threshold` (see ``PostingScorer/offerInformative(term:threshold:to:)``), so a
    /// case touches the few thousand diseases that share something specific with it instead
    /// of all of them. Only observed findings touch diseases: a disease needs an informative
    /// match to one to be a candidate. Excluded findings (as pertinent negatives) and NOT
    /// annotations then weigh as in ``scores(_:)``, on the touched diseases.
    func informativeScores(_ query: CaseQuery, threshold: Float) -> SparseScores {
        var scores = SparseScores(diseaseCount: index.diseaseCount)
        informativeScores(query, threshold: threshold, into: &scores)
        return scores
    }

    /// ``informativeScores(_:threshold:)`` into scores that start empty (reusable ones).
    func informativeScores(_ query: CaseQuery, threshold: Float, into scores: inout SparseScores) {
        for term in query.present {
            scorer.offerInformative(term: term, threshold: threshold, to: &scores)
            scores.commitTerm()
        }
        if parameters.pertinenceWeight != 0 {
            for term in query.absent {
                scorer.offerInformative(term: term, threshold: threshold, to: &scores)
                scores.commitTerm(weight: parameters.pertinenceWeight, touching: false)
            }
        }
        if parameters.exclusionStrength > 0 {
            for term in query.absent {
                for (entry, disease) in index.postingDiseases[Int(term)].enumerated() {
                    scores.addToTouched(disease, exclusionPenalties[Int(term)][entry])
                }
            }
        }
        if parameters.negatedPenalty < 0 {
            forEachNegatedConflict(query) { scores.addToTouched($0, parameters.negatedPenalty) }
        }
    }
}
