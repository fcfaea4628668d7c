/// Grades reader answers against true diagnoses: exact id, the same disease under another id,
/// free text matched to disease names, and people's adjudications for the rest. Nothing that
/// is unresolved is counted as right.
public struct AnswerGrader: Sendable {
    public let resolver: DiagnosisResolver
    public var adjudications: Adjudications

    public init(resolver: DiagnosisResolver, adjudications: Adjudications = Adjudications()) {
        self.resolver = resolver
        self.adjudications = adjudications
    }

    /// The grade of `answer` for a case whose true diagnosis is `truth`.
    public func grade(_ answer: String, truth: String) -> AnswerGrade {
        if let decision = adjudications[resolver.answerKey(answer)] {
            guard case .disease(let id) = decision else { return .wrong }
            if id == truth { return .adjudicatedExact }
            return resolver.equivalents(of: truth).contains(id) ? .adjudicatedSameDisease : .wrong
        }
        switch resolver.resolve(answer) {
        case .knownID(let id):
            if id == truth { return .exactID }
            return resolver.equivalents(of: truth).contains(id) ? .sameDisease : .wrong
        case .unknownID(let id):
            return id == truth ? .exactID : .pending
        case .name(let literal, let normalized):
            if literal.contains(truth) { return .exactName }
            let truthDisease = resolver.equivalents(of: truth)
            return normalized.contains(where: truthDisease.contains) ? .normalizedName : .wrong
        case .unresolved:
            return .pending
        }
    }

    /// Whether `answer` needs a person's decision: it resolves to nothing and has none yet.
    public func needsAdjudication(_ answer: String) -> Bool {
        guard adjudications[resolver.answerKey(answer)] == nil else { return false }
        switch resolver.resolve(answer) {
        case .unresolved, .unknownID: return true
        case .knownID, .name: return false
        }
    }
}
