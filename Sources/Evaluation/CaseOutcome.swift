/// How one arm did on one case with a known diagnosis: a ranker's placement of the truth, or
/// one reader's list for the case.
public struct CaseOutcome: Sendable, Equatable {
    public var caseID: String
    public var truth: String
    /// False when the knowledge base has no such disease: no phenotype-only ranker can find it.
    public var truthInKnowledgeBase: Bool
    /// 1-based rank of the true disease among all diseases, nil when not rankable. For a
    /// reader's list: the first rank whose answer names the truth under lenient grading.
    public var rank: Int?
    /// The case's publication is cited by the knowledge base's annotations of its own diagnosis.
    public var isCircular: Bool
    /// Number of observed findings the case gave.
    public var presentFindings: Int
    /// The reader whose list this is; nil for a model.
    public var readerID: String?
    /// For a reader's list: the first rank right under strict grading. Equal to ``rank`` for a model.
    public var strictRank: Int?

    public init(
        caseID: String, truth: String, truthInKnowledgeBase: Bool, rank: Int?, isCircular: Bool, presentFindings: Int,
        readerID: String? = nil, strictRank: Int?? = .none
    ) {
        self.caseID = caseID
        self.truth = truth
        self.truthInKnowledgeBase = truthInKnowledgeBase
        self.rank = rank
        self.isCircular = isCircular
        self.presentFindings = presentFindings
        self.readerID = readerID
        self.strictRank = strictRank ?? rank
    }
}
