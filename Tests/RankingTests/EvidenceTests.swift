import Ontology
import TestFixtures
import Testing

@testable import Ranking

/// The evidence names, for each finding, the disease's best match: its value is the best over
/// the finding's informative ancestors the disease reaches, and the ancestor named gives it.
@Suite struct EvidenceTests {
    let index: PhenotypeIndex
    let scorer: PostingScorer

    init() throws {
        index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        // A value that depends on both the ancestor and the frequency, so a wrong ancestor or
        // a wrong entry shows.
        scorer = PostingScorer(index: index, minimumInformation: 0.1, generalCut: 1) { information, frequency in
            information * (0.5 + (frequency ?? 0.3))
        }
    }

    /// The value of `ancestor` for `disease`, if the disease reaches it.
    private func value(_ ancestor: Int32, _ disease: Int) -> Float? {
        index.postingDiseases[Int(ancestor)].firstIndex(of: Int32(disease)).map { scorer.values[Int(ancestor)][$0] }
    }

    @Test func eachMatchIsTheBestOverTheFindingsAncestors() throws {
        let ids: [Int32] = [7359, 1250, 1249, 518, 505, 1631, 1629]
        let terms = try ids.map { try #require(index.ontology.position(of: TermID($0))) }
        let explainer = EvidenceExplainer(scorer: scorer)
        var matched = 0
        for disease in 0..<index.diseaseCount {
            let matches = explainer.matches(terms, disease: disease)
            for term in terms {
                let informative = index.ontology.ancestorIndices[Int(term)].filter {
                    index.informationContent.values[Int($0)] >= 0.1
                }
                let best = informative.compactMap { value($0, disease) }.filter { $0 > 0 }.max()
                let match = matches.first { $0.query == index.ontology.terms[Int(term)].id }
                #expect(match.map { Float($0.weight) } == best)
                guard let match else { continue }
                matched += 1
                let ancestor = try #require(index.ontology.position(of: match.commonAncestor))
                #expect(informative.contains(ancestor))
                #expect(value(ancestor, disease) == best, "the named ancestor must give the value")
            }
        }
        #expect(matched > 0)
    }
}
