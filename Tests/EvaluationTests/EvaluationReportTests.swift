import Clinical
import Evaluation
import Knowledge
import Ontology
import Ranking
import Statistics
import TestFixtures
import Testing

@Suite struct EvaluationReportTests {
    private func outcome(_ id: String, rank: Int?, known: Bool = true, circular: Bool = false) -> CaseOutcome {
        CaseOutcome(
            caseID: id, truth: "OMIM:1", truthInKnowledgeBase: known, rank: rank, isCircular: circular,
            presentFindings: 1)
    }

    @Test func countsMissingTruthsApartAndSplitsByCircularity() {
        let outcomes = [
            outcome("a", rank: 1, circular: true), outcome("b", rank: 4), outcome("c", rank: nil, known: false),
            outcome("d", rank: 12),
        ]
        let report = EvaluationReport(arms: [("model:x", outcomes)], bootstrap: Bootstrap(resamples: 200, seed: 3))
        #expect(report.cases == 4)
        #expect(report.evaluable == 3)
        #expect(report.circular == 1)
        #expect(report.missing == [EvaluationReport.MissingTruth(caseID: "c", truth: "OMIM:1")])
        let arm = report.arms[0]
        #expect(arm.all.n == 3)
        #expect(abs((arm.all.topK[1] ?? 0) - 1.0 / 3) < 1e-12)
        #expect(abs((arm.all.topK[10] ?? 0) - 2.0 / 3) < 1e-12)
        #expect(arm.circular.n == 1 && arm.nonCircular.n == 2)
        #expect(arm.nonCircular.topK[1] == 0)
    }

    @Test func comparesEveryPairOfArmsAtOneAndTen() throws {
        let a = [outcome("1", rank: 1), outcome("2", rank: 2), outcome("3", rank: 11)]
        let b = [outcome("1", rank: 3), outcome("2", rank: 1), outcome("3", rank: 5)]
        let report = EvaluationReport(arms: [("model:a", a), ("model:b", b)], bootstrap: Bootstrap(resamples: 200))
        #expect(report.comparisons.map(\.k) == [1, 10])
        let atOne = try #require(report.comparisons.first)
        #expect(atOne.test.aOnly == 1 && atOne.test.bOnly == 1)
        let atTen = try #require(report.comparisons.last)
        #expect(atTen.test.aOnly == 0 && atTen.test.bOnly == 1)
    }

    @Test func aCaseIsCircularWhenItsPublicationCuratedItsDisease() throws {
        let circularity = Circularity(knowledgeBase: try ToyRelease.knowledgeBase())
        let cited = PatientCase(id: "c", truth: "OMIM:100001", references: ["PMID:111"])
        let other = PatientCase(id: "o", truth: "OMIM:100001", references: ["PMID:222"])
        #expect(circularity.isCircular(cited))
        #expect(!circularity.isCircular(other))
        #expect(!circularity.isCircular(PatientCase(id: "n", truth: "OMIM:100001")))
    }

    @Test func theModelArmRanksEveryCaseAndMarksUnknownTruths() throws {
        let knowledgeBase = try ToyRelease.knowledgeBase()
        let ranker = LikelihoodRanker(index: PhenotypeIndex(knowledgeBase: knowledgeBase))
        let cases = [
            PatientCase(id: "1", findings: [Finding(id: TermID(7359), status: .present)], truth: "OMIM:100001"),
            PatientCase(id: "2", findings: [Finding(id: TermID(7359), status: .present)], truth: "OMIM:555555"),
        ]
        var progress: [Int] = []
        let outcomes = ModelArm(ranker: ranker, name: "model:baseline").run(cases, knowledgeBase: knowledgeBase) {
            progress.append($0)
        }
        #expect(outcomes.map(\.rank) == [1, nil])
        #expect(outcomes.map(\.truthInKnowledgeBase) == [true, false])
        #expect(progress == [1, 2])
    }
}
