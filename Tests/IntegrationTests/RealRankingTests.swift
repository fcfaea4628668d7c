import Clinical
import Evaluation
import Knowledge
import Ranking
import Testing

/// The rankers on real published cases. Figures for the record come from `ddx eval`
/// (Evaluation/); these tests only guard against regressions on a fixed subset.
@Suite(.serialized) struct RealRankingTests {
    @Test(.enabled(if: RealData.hasSharedData, "needs ../shared/data"))
    func readsEveryDevelopmentPhenopacket() throws {
        let cases = try RealData.developmentCases.get()
        #expect(cases.count == 7_617)
        #expect(cases.allSatisfy { $0.truth != nil })
        #expect(cases.filter { !$0.references.isEmpty }.count > 7_000)
    }

    @Test(.enabled(if: RealData.hasSharedData, "needs ../shared/data"))
    func theBaselineFindsMostDiagnosesAndAtLeastMatchesResnik() throws {
        let index = try RealData.index.get()
        let normalizer = CaseNormalizer(ontology: index.ontology)
        let cases = try RealData.spreadSample(stride: 25).map(normalizer.normalize)
        let baseline = ModelArm(ranker: LikelihoodRanker(index: index), name: "baseline")
            .run(cases, knowledgeBase: index.knowledgeBase).filter(\.truthInKnowledgeBase)
        let resnik = ModelArm(ranker: ResnikRanker(index: index), name: "resnik")
            .run(cases, knowledgeBase: index.knowledgeBase).filter(\.truthInKnowledgeBase)
        func top(_ k: Int, _ outcomes: [CaseOutcome]) -> Double {
            Double(outcomes.filter { ($0.rank ?? .max) <= k }.count) / Double(outcomes.count)
        }
        #expect(baseline.count > 200)
        #expect(top(10, baseline) > 0.6)
        #expect(top(10, baseline) >= top(10, resnik))
        #expect(top(1, baseline) >= top(1, resnik))
    }

    @Test func aHandWrittenMarfanCaseRanksMarfanFirst() throws {
        let index = try RealData.index.get()
        let findings = [1166, 1519, 1083, 2616, 1659].map { Finding(id: .init(Int32($0)), status: .present) }
        let differential = LikelihoodRanker(index: index).rank(PatientCase(id: "marfan", findings: findings), top: 10)
        #expect(differential.entries.count == 10)
        #expect(differential.entries.prefix(3).contains { $0.diseaseID == "OMIM:154700" })
        #expect(differential.entries.allSatisfy { index.knowledgeBase.disease($0.diseaseID) != nil })
    }
}
