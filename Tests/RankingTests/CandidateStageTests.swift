import Clinical
import Ontology
import TestFixtures
import Testing

@testable import Ranking

@Suite struct CandidateStageTests {
    let index: PhenotypeIndex
    let classical: LikelihoodRanker

    init() throws {
        index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
        classical = LikelihoodRanker(index: index)
    }

    private func query(_ present: [Int32], absent: [Int32] = []) -> CaseQuery {
        let patient = PatientCase(
            id: "toy",
            findings: present.map { Finding(id: TermID($0), status: .present) }
                + absent.map { Finding(id: TermID($0), status: .absent) })
        return CaseQuery(patient, ontology: index.ontology)
    }

    private func disease(_ id: String) throws -> Int32 {
        try #require(index.knowledgeBase.position(ofDisease: id))
    }

    @Test func atTheClassicalFloorTheInformativeScoresAreTheClassicalOnes() {
        let sample = query([1250, 1631], absent: [518])
        let exact = classical.scores(sample)
        let sparse = classical.informativeScores(sample, threshold: classical.parameters.minimumInformation)
        for disease in exact.indices {
            if let total = sparse.total(of: Int32(disease)) {
                #expect(abs(total - exact[disease]) < 1e-5)
            } else {
                #expect(exact[disease] <= 0, "an untouched disease must have no positive classical score")
            }
        }
    }

    @Test func aHigherThresholdDropsMatchesThroughGenericAncestors() throws {
        // Focal-onset seizure reaches Blindness with seizures only through Seizure, which two of
        // the four diseases reach (information ln 2 ≈ 0.69); Focal epilepsy A has the term itself
        // (ln 4 ≈ 1.39).
        let sample = query([7359])
        let strict = classical.informativeScores(sample, threshold: 1.2)
        #expect(strict.total(of: try disease("OMIM:100001")) != nil)
        #expect(strict.total(of: try disease("ORPHA:4000")) == nil)
        let loose = classical.informativeScores(sample, threshold: 0.5)
        #expect(loose.total(of: try disease("ORPHA:4000")) != nil)
    }

    @Test func aTermWithNoInformativeAncestorFallsBackToItsMostInformativeOne() throws {
        // Seizure (ln 2) is below the threshold, but it is the term's most informative ancestor
        // that reaches a disease (and above the ranker's floor, lowered here to 0.5), so its
        // diseases still become candidates. With the default floor (1) it adds nothing, as in
        // the classical score.
        var parameters = LikelihoodRanker.Parameters()
        parameters.minimumInformation = 0.5
        let sample = query([1250])
        let scores = LikelihoodRanker(index: index, parameters: parameters).informativeScores(sample, threshold: 5)
        #expect(scores.total(of: try disease("OMIM:100001")) != nil)
        #expect(scores.total(of: try disease("ORPHA:4000")) != nil)
        #expect(scores.total(of: try disease("OMIM:100003")) == nil)
        #expect(classical.informativeScores(sample, threshold: 5).touchedDiseaseCount == 0)
    }

    @Test func candidatesAreTheBestTouchedDiseasesStandardised() throws {
        let stage = CandidateStage(index: index, count: 2, threshold: 1)
        let candidates = stage.candidates(query([1631, 1629]))
        #expect(candidates.diseases.first == (try disease("OMIM:100003")))
        #expect(candidates.diseases.count == 2)
        let mean = candidates.standardized.reduce(0, +) / Float(candidates.standardized.count)
        #expect(abs(mean) < 1e-5)
        #expect(candidates.standardized[0] > candidates.standardized[1])
    }

    @Test func reusedScratchGivesTheSameCandidatesAsFresh() {
        let stage = CandidateStage(index: index, count: 4, threshold: 1)
        let cases = [query([1250, 1631], absent: [518]), query([505]), query([1629], absent: [1250])]
        let first = cases.map(stage.candidates)
        let again = cases.reversed().map(stage.candidates).reversed()
        #expect(first == Array(again))
    }
}
