import Statistics

/// One arm's results: over all evaluable cases and split by circularity.
public struct ArmReport: Sendable, Equatable {
    /// `model:baseline`, `model:resnik`, …
    public var name: String
    public var all: ArmSummary
    public var circular: ArmSummary
    public var nonCircular: ArmSummary
    /// The outcomes behind the figures, in case order (evaluable cases only).
    public var outcomes: [CaseOutcome]

    public init(name: String, outcomes: [CaseOutcome], bootstrap: Bootstrap) {
        let evaluable = outcomes.filter(\.truthInKnowledgeBase)
        self.name = name
        self.outcomes = evaluable
        all = ArmSummary(ranks: evaluable.map(\.rank), bootstrap: bootstrap)
        circular = ArmSummary(ranks: evaluable.filter(\.isCircular).map(\.rank), bootstrap: bootstrap)
        nonCircular = ArmSummary(ranks: evaluable.filter { !$0.isCircular }.map(\.rank), bootstrap: bootstrap)
    }
}
