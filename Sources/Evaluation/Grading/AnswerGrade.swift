/// How one answer of a reader's list compares with the case's true diagnosis.
public enum AnswerGrade: String, Sendable, Equatable, CaseIterable {
    /// The truth's own id.
    case exactID = "exact_id"
    /// Free text equal to the truth's name up to case, punctuation and spacing.
    case exactName = "exact_name"
    /// A person decided the answer names the truth's own id.
    case adjudicatedExact = "adjudicated_exact"
    /// Another knowledge-base id of the same disease (same normalised name).
    case sameDisease = "same_disease"
    /// Free text matching the truth's name after full normalisation.
    case normalizedName = "normalized_name"
    /// A person decided the answer names another id of the same disease.
    case adjudicatedSameDisease = "adjudicated_same_disease"
    /// Names another disease, or a person decided it is wrong.
    case wrong
    /// Not resolved and not yet adjudicated: counted wrong, and reported as pending.
    case pending

    /// Right under strict grading: exact id, exact name, or adjudicated to the exact id.
    public var isStrictlyRight: Bool { [.exactID, .exactName, .adjudicatedExact].contains(self) }
    /// Right under lenient grading: anything that names the truth's disease.
    public var isLenientlyRight: Bool {
        isStrictlyRight || [.sameDisease, .normalizedName, .adjudicatedSameDisease].contains(self)
    }
}
