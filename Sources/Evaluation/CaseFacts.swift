import Clinical
import Knowledge

/// What evaluation needs to know about a case apart from any arm: its truth, whether the
/// knowledge base has it, whether the case is circular, how many findings it gave.
public struct CaseFacts: Sendable, Equatable {
    public var caseID: String
    public var truth: String
    public var truthInKnowledgeBase: Bool
    public var isCircular: Bool
    public var presentFindings: Int

    public init(caseID: String, truth: String, truthInKnowledgeBase: Bool, isCircular: Bool, presentFindings: Int) {
        self.caseID = caseID
        self.truth = truth
        self.truthInKnowledgeBase = truthInKnowledgeBase
        self.isCircular = isCircular
        self.presentFindings = presentFindings
    }

    /// The facts of a case with a truth, read against the knowledge base.
    public init(patient: PatientCase, knowledgeBase: KnowledgeBase) {
        let truth = patient.truth ?? ""
        self.init(
            caseID: patient.id, truth: truth, truthInKnowledgeBase: knowledgeBase.disease(truth) != nil,
            isCircular: Circularity(knowledgeBase: knowledgeBase).isCircular(patient),
            presentFindings: patient.presentTerms.count)
    }
}
