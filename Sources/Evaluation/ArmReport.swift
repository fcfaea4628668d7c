import Statistics

/// One arm's results: over all evaluable cases and split by circularity.
public struct ArmReport: Sendable, Equatable {
    /// A ranker, or readers under one condition.
    public enum Kind: String, Sendable, Equatable {
        case model, readers
    }

    /// One reader's figures within a reader arm.
    public struct ReaderSummary: Sendable, Equatable {
        public var readerID: String
        public var summary: ArmSummary
    }

    /// `model:baseline`, `readers:assisted`, …
    public var name: String
    public var kind: Kind
    /// Lenient grading for reader arms (the headline figures).
    public var all: ArmSummary
    public var circular: ArmSummary
    public var nonCircular: ArmSummary
    /// Reader arms: strict grading (exact id, exact name, adjudicated to the exact id).
    public var strict: ArmSummary?
    /// Reader arms: answers pending adjudication (counted wrong).
    public var pendingAnswers: Int
    /// Reader arms: each reader's figures (lenient; no intervals over a reader's few cases).
    public var readers: [ReaderSummary]
    /// The outcomes behind the figures: for a model, evaluable cases in case order; for readers,
    /// every list.
    public var outcomes: [CaseOutcome]

    /// A model arm: only cases whose truth the knowledge base has count.
    public init(name: String, outcomes: [CaseOutcome], bootstrap: Bootstrap) {
        let evaluable = outcomes.filter(\.truthInKnowledgeBase)
        self.name = name
        kind = .model
        self.outcomes = evaluable
        all = ArmSummary(ranks: evaluable.map(\.rank), bootstrap: bootstrap)
        circular = ArmSummary(ranks: evaluable.filter(\.isCircular).map(\.rank), bootstrap: bootstrap)
        nonCircular = ArmSummary(ranks: evaluable.filter { !$0.isCircular }.map(\.rank), bootstrap: bootstrap)
        strict = nil
        pendingAnswers = 0
        readers = []
    }

    /// A reader arm: `n` counts lists (SPEC), all lists of the set's cases (a reader can name by id
    /// a truth the knowledge base lacks); the circular and non-circular splits, like a model's,
    /// hold only cases whose truth the knowledge base has. Intervals resample cases.
    public init(readerArm arm: ReaderStudy.Arm, bootstrap: Bootstrap) {
        func summary(_ lists: [CaseOutcome], strict: Bool = false) -> ArmSummary {
            ArmSummary(
                ranks: lists.map { strict ? $0.strictRank : $0.rank }, clusters: lists.map(\.caseID),
                bootstrap: bootstrap)
        }
        name = arm.name
        kind = .readers
        outcomes = arm.outcomes
        all = summary(arm.outcomes)
        circular = summary(arm.outcomes.filter(\.isCircular))
        nonCircular = summary(arm.outcomes.filter { !$0.isCircular && $0.truthInKnowledgeBase })
        strict = summary(arm.outcomes, strict: true)
        pendingAnswers = arm.pendingAnswers
        let readerIDs = Array(Set(arm.outcomes.compactMap(\.readerID))).sorted()
        readers = readerIDs.map { reader in
            ReaderSummary(
                readerID: reader, summary: ArmSummary(ranks: arm.outcomes.filter { $0.readerID == reader }.map(\.rank)))
        }
    }
}
