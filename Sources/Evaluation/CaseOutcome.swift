/// How one ranker did on one case with a known diagnosis.
public struct CaseOutcome: Sendable, Equatable {
    public var caseID: String
    public var truth: String
    /// False when the knowledge base has no such disease: no phenotype-only ranker can find it.
    public var truthInKnowledgeBase: Bool
    /// 1-based rank of the true disease among all diseases, nil when not rankable.
    public var rank: Int?
    /// The case's publication is cited by the knowledge base's annotations of its own diagnosis.
    public var isCircular: Bool
    /// Number of observed findings the case gave.
    public var presentFindings: Int

    public init(
        caseID: String, truth: String, truthInKnowledgeBase: Bool, rank: Int?, isCircular: Bool, presentFindings: Int
    ) {
        self.caseID = caseID
        self.truth = truth
        self.truthInKnowledgeBase = truthInKnowledgeBase
        self.rank = rank
        self.isCircular = isCircular
        self.presentFindings = presentFindings
    }
}
