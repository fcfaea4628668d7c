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

    /// Σ weight × max over the term's ancestors (information ≥ 0.1) of the entry's value.
    private func reference(_ scorer: PostingScorer, _ terms: [(term: Int32, weight: Float)]) -> [Float] {
        var totals = [Float](repeating: 0, count: index.diseaseCount)
        for (term, weight) in terms {
            for disease in 0..<index.diseaseCount {
                var best: Float = 0
                for ancestor in index.ontology.ancestorIndices[Int(term)]
                where index.informationContent.values[Int(ancestor)] >= 0.1 {
                    if let entry = index.postingEntry(of: Int32(disease), reaching: ancestor) {
                        best = max(best, scorer.values[Int(ancestor)][entry])
                    }
                }
                totals[disease] += weight * best
            }
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
