import Ontology
import TestFixtures
import Testing

@testable import Ranking

/// The exact candidate stage with general rows must give what the plain definition gives: per
/// term and disease, the best value over the term's ancestors of at least the floor. On the toy
/// knowledge base (4 diseases) the two-disease terms (Seizure, Abnormality of the nervous
/// system, Abnormality of the eye, Abnormality of the cardiovascular system) have information
/// content ln 2 ≈ 0.69 and the one-disease terms ln 4 ≈ 1.39.
@Suite struct GeneralRowsTests {
    let index: PhenotypeIndex

    init() throws {
        index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
    }

    private func positions(_ ids: [Int32]) throws -> [Int32] {
        try ids.map { try #require(index.ontology.position(of: TermID($0))) }
    }

    /// A value that depends on both the ancestor and the frequency, so a wrong ancestor or a
    /// wrong entry shows.
    private func scorer(generalCut: Float) -> PostingScorer {
        PostingScorer(index: index, minimumInformation: 0.1, generalCut: generalCut) { information, frequency in
            information * (0.5 + (frequency ?? 0.3))
        }
    }

    /// The value of `ancestor` for `disease`, if the disease reaches it.
    private func value(_ scorer: PostingScorer, _ ancestor: Int32, _ disease: Int) -> Float? {
        index.postingEntry(of: Int32(disease), reaching: ancestor).map { scorer.values[Int(ancestor)][$0] }
    }

    /// The term's ancestors of information at least 0.1.
    private func informativeAncestors(of term: Int32) -> [Int32] {
        index.ontology.ancestorIndices[Int(term)].filter { index.informationContent.values[Int($0)] >= 0.1 }
    }

    /// The best value of `term` for `disease` over its informative ancestors (0 when none reaches it).
    private func best(_ scorer: PostingScorer, _ term: Int32, _ disease: Int) -> Float {
        informativeAncestors(of: term).compactMap { value(scorer, $0, disease) }.max() ?? 0
    }

    /// Σ weight × max over the term's ancestors (information ≥ 0.1) of the entry's value.
    private func reference(_ scorer: PostingScorer, _ terms: [(term: Int32, weight: Float)]) -> [Float] {
        var totals = [Float](repeating: 0, count: index.diseaseCount)
        for (term, weight) in terms {
            for disease in 0..<index.diseaseCount { totals[disease] += weight * best(scorer, term, disease) }
        }
        return totals
    }

    @Test(arguments: [Float(0), 1, 1.2, 10])
    func scoresEqualTheBestOverEachTermsAncestorsAtEveryCut(cut: Float) throws {
        let scorer = scorer(generalCut: cut)
        let terms = try zip(positions([7359, 1250, 1249, 518, 505, 1631, 1629, 7359]), [1, 1, 0.5, 1, 2, 1, 0.25, 1])
            .map { (term: $0, weight: Float($1)) }
        var totals = [Float](repeating: 0, count: index.diseaseCount)
        var scratch = [Float](repeating: 0, count: index.diseaseCount)
        scorer.accumulate(terms, into: &totals, scratch: &scratch)
        let expected = reference(scorer, terms)
        #expect(expected.contains { $0 > 0 })
        for disease in totals.indices { #expect(abs(totals[disease] - expected[disease]) < 1e-5) }
        #expect(scratch.allSatisfy { $0 == 0 }, "the scratch row must be left all zero")
    }

    @Test func theCutDecidesWhichAncestorsGetRows() throws {
        let focalSeizure = try positions([7359])[0]
        #expect(scorer(generalCut: 0).generalRows.frontiers[Int(focalSeizure)].isEmpty)
        #expect(scorer(generalCut: 0).specificAncestors[Int(focalSeizure)].count == 3)
        // Below 1: Seizure and Abnormality of the nervous system are general, one row covers both.
        #expect(scorer(generalCut: 1).generalRows.frontiers[Int(focalSeizure)].count == 1)
        #expect(scorer(generalCut: 1).specificAncestors[Int(focalSeizure)] == [focalSeizure])
        #expect(scorer(generalCut: 10).specificAncestors[Int(focalSeizure)].isEmpty)
    }

    @Test func aFrontierCoversEveryGeneralAncestorWithNoneBelowAnother() throws {
        // The nervous system's branch and the eye's: two frontier terms, Seizure covering 707.
        let information = index.informationContent.values
        let general = try positions([707, 1250, 478])
        let frontier = GeneralRows.frontier(of: general, information: information) { term in
            index.ontology.ancestorIndices[Int(term)].filter { general.contains($0) }
        }
        #expect(Set(frontier) == Set(try positions([1250, 478])))
    }

    /// The evidence skips a general ancestor whose row shows it cannot beat the best match
    /// found: it must still name the same match as a search of every ancestor.
    @Test(arguments: [Float(1), 1.2, 10])
    func evidenceNamesTheSameMatchesWithRowsAsWithout(cut: Float) throws {
        let terms = try positions([7359, 1250, 1249, 518, 505, 1631, 1629])
        let plain = EvidenceExplainer(scorer: scorer(generalCut: 0))
        let withRows = EvidenceExplainer(scorer: scorer(generalCut: cut))
        var matched = 0
        for disease in 0..<index.diseaseCount {
            let expected = plain.matches(terms, disease: disease)
            matched += expected.count
            #expect(withRows.matches(terms, disease: disease) == expected)
        }
        #expect(matched > 0)
    }

    /// Each match of the evidence (with rows, so their skip is exercised) has the best value
    /// over the finding's informative ancestors, and the ancestor it names gives that value.
    @Test func eachMatchIsTheBestOverTheFindingsAncestors() throws {
        let scorer = scorer(generalCut: 1)
        let terms = try positions([7359, 1250, 1249, 518, 505, 1631, 1629])
        let explainer = EvidenceExplainer(scorer: scorer)
        var matched = 0
        for disease in 0..<index.diseaseCount {
            let matches = explainer.matches(terms, disease: disease)
            for term in terms {
                let expected = best(scorer, term, disease)
                let match = matches.first { $0.query == index.ontology.terms[Int(term)].id }
                #expect(match.map { Float($0.weight) } ?? 0 == expected)
                guard let match else { continue }
                matched += 1
                let ancestor = try #require(index.ontology.position(of: match.commonAncestor))
                #expect(informativeAncestors(of: term).contains(ancestor))
                #expect(value(scorer, ancestor, disease) == expected, "the named ancestor must give the value")
            }
        }
        #expect(matched > 0)
    }

    @Test func aGeneralTermsRowBoundsTheValueThroughIt() throws {
        let scorer = scorer(generalCut: 1)
        let seizure = try positions([1250])[0]
        let focalSeizure = try positions([7359])[0]
        #expect(scorer.generalRows.bound(of: focalSeizure, disease: 0) == nil, "not general")
        for disease in 0..<index.diseaseCount {
            let bound = try #require(scorer.generalRows.bound(of: seizure, disease: disease))
            if let entry = index.postingEntry(of: Int32(disease), reaching: seizure) {
                #expect(bound >= scorer.values[Int(seizure)][entry])
                #expect(bound > 0)
            }
        }
    }
}
