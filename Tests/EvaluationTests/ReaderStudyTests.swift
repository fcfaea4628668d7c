import Evaluation
import Knowledge
import Statistics
import Testing

/// A 40-case reader study with known discordant counts; expected McNemar values from scipy 1.17.1
/// (`scipy.stats.chi2.sf`, `scipy.stats.binomtest`).
@Suite struct ReaderStudyTests {
    private let grader = AnswerGrader(
        resolver: DiagnosisResolver(diseases: [
            Disease(id: "OMIM:1", name: "Alpha syndrome"), Disease(id: "ORPHA:1", name: "Alpha syndrome"),
            Disease(id: "OMIM:2", name: "Beta disease"),
        ]))

    private func facts() -> [CaseFacts] {
        (0..<40).map {
            CaseFacts(
                caseID: "c\($0)", truth: "OMIM:1", truthInKnowledgeBase: true, isCircular: $0 < 10,
                presentFindings: $0 % 7)
        }
    }

    /// Unassisted right at rank 1 in cases 0..<25; assisted right at rank 1 in 18..<32 and at rank 5 in 32..<35.
    /// Readers alternate r1/r2; r3 also reads c0 unassisted (right, by name).
    private func responses() -> [ReaderResponse] {
        var rows: [ReaderResponse] = []
        for index in 0..<40 {
            let reader = index % 2 == 0 ? "r1" : "r2"
            let unassisted = index < 25 ? (index % 3 == 0 ? "ORPHA:1" : "OMIM:1") : "OMIM:2"
            rows.append(
                .init(
                    readerID: reader, caseID: "c\(index)", condition: "unassisted", rank: 1, diagnosis: unassisted,
                    line: 0))
            let assisted = (18..<32).contains(index) ? "alpha SYNDROME" : "Beta disease"
            rows.append(
                .init(
                    readerID: reader, caseID: "c\(index)", condition: "assisted", rank: 1, diagnosis: assisted, line: 0)
            )
            if (32..<35).contains(index) {
                rows.append(
                    .init(
                        readerID: reader, caseID: "c\(index)", condition: "assisted", rank: 5, diagnosis: "OMIM:1",
                        line: 0))
            }
        }
        rows.append(
            .init(readerID: "r3", caseID: "c0", condition: "unassisted", rank: 1, diagnosis: "Alpha syndrome", line: 0))
        rows.append(
            .init(readerID: "r3", caseID: "c0", condition: "unassisted", rank: 2, diagnosis: "mystery", line: 0))
        return rows
    }

    private func report() -> EvaluationReport {
        let facts = facts()
        let model = facts.enumerated().map { index, fact in
            CaseOutcome(
                caseID: fact.caseID, truth: fact.truth, truthInKnowledgeBase: true, rank: index < 12 ? 1 : 50,
                isCircular: fact.isCircular, presentFindings: fact.presentFindings)
        }
        let study = ReaderStudy(responses: responses(), cases: facts, grader: grader)
        return EvaluationReport(
            cases: facts, modelArms: [("model:x", model)], readerArms: study.arms,
            bootstrap: Bootstrap(resamples: 200, seed: 1))
    }

    @Test func readerArmsCountListsAndGradeLeniently() throws {
        let report = report()
        #expect(report.arms.map(\.name) == ["model:x", "readers:unassisted", "readers:assisted"])
        let unassisted = report.arms[1]
        #expect(unassisted.all.n == 41)
        #expect(unassisted.all.topK[1] == 26.0 / 41)
        #expect(unassisted.strict?.topK[1] == (26.0 - 9) / 41)  // ORPHA:1 answers (cases 0, 3, …, 24) are not strict
        #expect(unassisted.pendingAnswers == 1)
        let assisted = report.arms[2]
        #expect(assisted.all.n == 40)
        #expect(assisted.all.topK[1] == 14.0 / 40)
        #expect(assisted.all.topK[5] == 17.0 / 40)
        #expect(assisted.readers.map(\.readerID) == ["r1", "r2"])
        #expect(assisted.readers.map(\.summary.n) == [20, 20])
    }

    @Test func readerArmsArePairedByReaderAndCase() throws {
        let report = report()
        let atOne = try #require(
            report.comparisons.first { $0.a == "readers:unassisted" && $0.b == "readers:assisted" && $0.k == 1 })
        #expect(atOne.pairs == 40)
        #expect(atOne.test.aOnly == 18 && atOne.test.bOnly == 7)
        #expect(atOne.test.method == .chiSquare)
        #expect(abs(atOne.test.statistic - 4.0) < 1e-12)
        #expect(abs(atOne.test.pValue - 0.04550026389635857) < 1e-12)
        let atTen = try #require(
            report.comparisons.first { $0.a == "readers:unassisted" && $0.b == "readers:assisted" && $0.k == 10 })
        #expect(atTen.test.aOnly == 18 && atTen.test.bOnly == 10)
        #expect(abs(atTen.test.statistic - 1.75) < 1e-12)
        #expect(abs(atTen.test.pValue - 0.1858767323658721) < 1e-12)
    }

    @Test func aReaderArmIsPairedWithAModelByCase() throws {
        let report = report()
        let comparison = try #require(
            report.comparisons.first { $0.a == "model:x" && $0.b == "readers:unassisted" && $0.k == 1 })
        #expect(comparison.pairs == 41)
        #expect(comparison.test.aOnly == 0 && comparison.test.bOnly == 13)
        #expect(comparison.test.method == .exactBinomial)
        #expect(comparison.test.statistic == 0)
        #expect(abs(comparison.test.pValue - 0.000244140625) < 1e-15)
    }

    @Test func theAssistanceEffectIsPerReaderOnPairedCases() throws {
        let report = report()
        let all = try #require(report.assistance.first { $0.readerID == AssistanceEffect.allReaders })
        #expect(all.reference == "unassisted" && all.condition == "assisted")
        #expect(all.n == 40)
        #expect(abs(all.delta(1) - (14.0 - 25.0) / 40) < 1e-12)
        let r1 = try #require(report.assistance.first { $0.readerID == "r1" })
        #expect(r1.n == 20)
        // r1 reads even cases: unassisted right in 0,2,…,24 (13), assisted right at 1 in 18,…,30 (7).
        #expect(abs(r1.delta(1) - (7.0 - 13.0) / 20) < 1e-12)
    }

    @Test func pendingAnswersAreListedForAdjudication() {
        let study = ReaderStudy(responses: responses(), cases: facts(), grader: grader)
        #expect(study.pending.map(\.answer) == ["mystery"])
        #expect(study.pending.first?.count == 1)
        #expect(study.pending.first?.exampleCase == "c0")
    }

    @Test func accuracyByFindingsCoversEveryArm() {
        let report = report()
        let total = report.byFindings.map { $0.cells[0].n }.reduce(0, +)
        #expect(total == 40)
        #expect(report.byFindings.allSatisfy { $0.cells.count == 3 })
    }

    @Test func clusterBootstrapEqualsTheCaseBootstrapWithOneListPerCase() {
        let ranks: [Int?] = [1, 3, nil, 2, 11, 1, 5, nil, 1, 7]
        let bootstrap = Bootstrap(resamples: 500, seed: 9)
        let plain = bootstrap.intervals(for: RankOutcomes(ranks: ranks), ks: ArmSummary.ks)
        let clustered = ClusterBootstrap(bootstrap: bootstrap).intervals(
            ranks: ranks, clusters: ranks.indices.map { "c\($0)" })
        for k in ArmSummary.ks {
            #expect(abs((plain.topK[k]?.lower ?? -1) - (clustered.topK[k]?.lower ?? 1)) < 1e-12)
            #expect(abs((plain.topK[k]?.upper ?? -1) - (clustered.topK[k]?.upper ?? 1)) < 1e-12)
        }
        #expect(abs(plain.meanReciprocalRank.lower - clustered.meanReciprocalRank.lower) < 1e-12)
    }

    @Test func clusterBootstrapResamplesCasesNotLists() {
        // Two lists on case a (both right), one on case b (wrong): every replicate has top-1 in {0, 2/3, 1}.
        let result = ClusterBootstrap(bootstrap: Bootstrap(resamples: 300, seed: 2)).intervals(
            ranks: [1, 1, nil], clusters: ["a", "a", "b"])
        let interval = result.topK[1]
        #expect(interval?.lower == 0)
        #expect(interval?.upper == 1)
    }
}
