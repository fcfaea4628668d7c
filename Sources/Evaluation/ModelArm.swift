import Clinical
import Knowledge
import Ranking

/// Runs one ranker over a case set and records where it placed each true diagnosis.
public struct ModelArm: Sendable {
    public let name: String
    public let ranker: any Ranker

    public init(ranker: any Ranker, name: String) {
        self.ranker = ranker
        self.name = name
    }

    /// Outcomes in case order. `progress` is called after each case with the count done.
    public func run(
        _ cases: [PatientCase], knowledgeBase: KnowledgeBase, progress: (Int) -> Void = { _ in }
    ) -> [CaseOutcome] {
        let circularity = Circularity(knowledgeBase: knowledgeBase)
        var outcomes: [CaseOutcome] = []
        outcomes.reserveCapacity(cases.count)
        for (done, patient) in cases.enumerated() {
            let truth = patient.truth ?? ""
            let known = knowledgeBase.disease(truth) != nil
            outcomes.append(
                CaseOutcome(
                    caseID: patient.id, truth: truth, truthInKnowledgeBase: known,
                    rank: known ? ranker.rank(of: truth, in: patient) : nil,
                    isCircular: circularity.isCircular(patient),
                    presentFindings: patient.presentTerms.count))
            progress(done + 1)
        }
        return outcomes
    }
}
