import Clinical
import Foundation
import Knowledge
import Ontology
import Ranking
import TestFixtures
import Testing

@Suite struct RankerTests {
    let index: PhenotypeIndex

    /// The toy knowledge base has four diseases, so every term's information content is at most
    /// ln 4: the real release's cut-off for uninformative ancestors (1.0) would skip most of it.
    let toy: LikelihoodRanker.Parameters = {
        var parameters = LikelihoodRanker.Parameters()
        parameters.minimumInformation = 0.1
        return parameters
    }()

    init() throws {
        index = PhenotypeIndex(knowledgeBase: try ToyRelease.knowledgeBase())
    }

    private func patient(present: [Int32], absent: [Int32] = []) -> PatientCase {
        PatientCase(
            id: "toy",
            findings: present.map { Finding(id: TermID($0), status: .present) }
                + absent.map { Finding(id: TermID($0), status: .absent) })
    }

    @Test(arguments: ModelName.classical)
    func aSpecificMatchRanksFirst(model: ModelName) throws {
        let ranker = try model.makeRanker(index: index, parameters: toy)
        let differential = ranker.rank(patient(present: [7359]), top: 4)
        #expect(differential.entries.first?.diseaseID == "OMIM:100001")
        #expect(differential.entries.map(\.rank) == [1, 2, 3, 4])
        #expect(differential.knowledgeBase == "hp/releases/toy")
    }

    @Test(arguments: ModelName.classical)
    func twoMatchedFindingsBeatOne(model: ModelName) throws {
        let differential = try model.makeRanker(index: index, parameters: toy).rank(
            patient(present: [1250, 505]), top: 2)
        #expect(differential.entries.first?.diseaseID == "ORPHA:4000")
    }

    @Test func frequentFeaturesCountMoreThanUnquantifiedOnes() {
        // Both diseases have an atrial septal defect: at 5/5, or with no frequency given.
        let ranker = LikelihoodRanker(index: index, parameters: toy)
        let differential = ranker.rank(patient(present: [1631]), top: 2)
        #expect(differential.entries.map(\.diseaseID) == ["OMIM:100003", "OMIM:100002"])
        #expect(differential.entries[0].score > differential.entries[1].score)
    }

    @Test func anExcludedFeatureLowersTheScoreInProportionToItsFrequency() throws {
        var parameters = toy
        parameters.exclusionStrength = 0.5
        parameters.pertinenceWeight = 0
        let ranker = LikelihoodRanker(index: index, parameters: parameters)
        let without = try #require(
            ranker.rank(patient(present: [1631]), top: 4).entries.first { $0.diseaseID == "OMIM:100003" })
        let with = try #require(
            ranker.rank(patient(present: [1631], absent: [1629]), top: 4).entries.first {
                $0.diseaseID == "OMIM:100003"
            })
        let expectedPenalty = log(1 - Double(ranker.parameters.exclusionStrength) * 0.2)
        #expect(abs((with.score - without.score) - expectedPenalty) < 1e-4)
        let conflict = try #require(with.evidence.against.first)
        #expect(conflict.kind == .excludedButExpected)
        #expect(conflict.query == TermID(1629))
    }

    @Test func anExcludedFeatureOfTheDiseaseCountsAsAPertinentNegative() throws {
        var parameters = toy
        parameters.exclusionStrength = 0
        parameters.pertinenceWeight = 0.5
        let ranker = LikelihoodRanker(index: index, parameters: parameters)
        let plain = ranker.rank(patient(present: [1631]), top: 4).entries
        let withNegative = ranker.rank(patient(present: [1631], absent: [1629]), top: 4).entries
        let before = try #require(plain.first { $0.diseaseID == "OMIM:100003" })
        let after = try #require(withNegative.first { $0.diseaseID == "OMIM:100003" })
        let pertinent = try #require(after.evidence.pertinentNegatives.first)
        #expect(pertinent.query == TermID(1629))
        #expect(after.score > before.score)
        #expect(abs((after.score - before.score) - pertinent.weight) < 1e-4)
        // The other heart disease lacks a ventricular septal defect: it gains less.
        let otherBefore = try #require(plain.first { $0.diseaseID == "OMIM:100002" })
        let otherAfter = try #require(withNegative.first { $0.diseaseID == "OMIM:100002" })
        #expect(after.score - before.score > otherAfter.score - otherBefore.score)
    }

    @Test func anObservedFindingUnderANotAnnotationCountsAgainst() throws {
        let ranker = LikelihoodRanker(index: index, parameters: toy)
        let entry = try #require(
            ranker.rank(patient(present: [518, 1250]), top: 4).entries.first { $0.diseaseID == "OMIM:100002" })
        #expect(entry.evidence.against.contains { $0.kind == .observedButNegated && $0.diseaseTerm == TermID(1250) })
    }

    @Test func evidenceNamesTheMatchedDiseaseFeature() throws {
        let entry = try #require(
            LikelihoodRanker(index: index, parameters: toy).rank(patient(present: [1250]), top: 1).entries.first)
        #expect(entry.diseaseID == "OMIM:100001")
        let match = try #require(entry.evidence.supporting.first)
        #expect(match.query == TermID(1250))
        #expect(match.diseaseTerm == TermID(7359))  // the disease has the more specific term
        #expect(match.commonAncestor == TermID(1250))
        #expect(abs(match.weight - entry.score) < 1e-4)
    }

    @Test(arguments: ModelName.classical)
    func rankOfAgreesWithTheList(model: ModelName) throws {
        let ranker = try model.makeRanker(index: index, parameters: toy)
        let sample = patient(present: [1250, 1631])
        let list = ranker.rank(sample, top: 4)
        for entry in list.entries {
            #expect(ranker.rank(of: entry.diseaseID, in: sample) == entry.rank)
        }
        #expect(ranker.rank(of: "OMIM:999999", in: sample) == nil)
    }

    @Test func unknownIDsAreIgnoredWithAWarning() {
        let differential = LikelihoodRanker(index: index, parameters: toy).rank(patient(present: [7359, 4242]), top: 3)
        #expect(differential.entries.first?.diseaseID == "OMIM:100001")
        #expect(differential.warnings.contains { $0.contains("HP:0004242") })
    }

    @Test(arguments: ModelName.classical)
    func aCaseWithoutObservedFindingsGetsNoListAndAWarning(model: ModelName) throws {
        let differential = try model.makeRanker(index: index, parameters: toy).rank(
            patient(present: [], absent: [1250]), top: 10)
        #expect(differential.entries.isEmpty)
        #expect(differential.warnings.contains { $0.contains("no observed findings") })
    }
}
