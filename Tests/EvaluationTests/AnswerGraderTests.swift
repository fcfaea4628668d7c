import Evaluation
import Knowledge
import Testing

@Suite struct AnswerGraderTests {
    private let diseases = [
        Disease(id: "OMIM:162200", name: "Neurofibromatosis, type 1"),
        Disease(id: "ORPHA:636", name: "Neurofibromatosis type 1"),
        Disease(id: "OMIM:101000", name: "Neurofibromatosis, type II"),
        Disease(id: "OMIM:154700", name: "Marfan syndrome"),
    ]

    private var grader: AnswerGrader { AnswerGrader(resolver: DiagnosisResolver(diseases: diseases)) }

    @Test func gradesIdsNamesAndOtherIdsOfTheSameDisease() {
        let truth = "OMIM:162200"
        #expect(grader.grade("OMIM:162200", truth: truth) == .exactID)
        #expect(grader.grade(" omim:162200 ", truth: truth) == .exactID)
        #expect(grader.grade("ORPHA:636", truth: truth) == .sameDisease)
        #expect(grader.grade("Orphanet:636", truth: truth) == .sameDisease)
        #expect(grader.grade("neurofibromatosis, TYPE 1", truth: truth) == .exactName)
        #expect(grader.grade("NF1", truth: truth) == .normalizedName)
        #expect(grader.grade("type I neurofibromatosis", truth: truth) == .normalizedName)
        #expect(grader.grade("OMIM:101000", truth: truth) == .wrong)
        #expect(grader.grade("NF2", truth: truth) == .wrong)
        #expect(grader.grade("a neurocutaneous thing", truth: truth) == .pending)
        #expect(grader.grade("OMIM:999999", truth: truth) == .pending)
        #expect(grader.grade("OMIM:999999", truth: "OMIM:999999") == .exactID)
    }

    @Test func strictCountsOnlyTheTruthsOwnIdOrName() {
        #expect(AnswerGrade.exactName.isStrictlyRight && AnswerGrade.exactName.isLenientlyRight)
        #expect(!AnswerGrade.sameDisease.isStrictlyRight && AnswerGrade.sameDisease.isLenientlyRight)
        #expect(!AnswerGrade.pending.isLenientlyRight && !AnswerGrade.wrong.isLenientlyRight)
    }

    @Test func adjudicationsSettlePendingAnswers() {
        var grader = grader
        let key = grader.resolver.answerKey("von Recklinghausen disease")
        #expect(grader.needsAdjudication("von Recklinghausen disease"))
        grader.adjudications = Adjudications(decisions: [
            key: .disease("ORPHA:636"), grader.resolver.answerKey("OMIM:999999"): .wrong,
        ])
        #expect(grader.grade("von Recklinghausen disease", truth: "OMIM:162200") == .adjudicatedSameDisease)
        #expect(grader.grade("Von Recklinghausen   disease", truth: "ORPHA:636") == .adjudicatedExact)
        #expect(grader.grade("von Recklinghausen disease", truth: "OMIM:154700") == .wrong)
        #expect(grader.grade("OMIM:999999", truth: "OMIM:162200") == .wrong)
        #expect(!grader.needsAdjudication("von Recklinghausen disease"))
    }
}
