/// What people decided about answers the grader could not resolve, keyed by
/// ``DiagnosisResolver/answerKey(_:)``.
public struct Adjudications: Sendable, Equatable {
    /// One decision: the answer names this disease, or it is wrong.
    public enum Decision: Sendable, Equatable, Hashable {
        case disease(String)
        case wrong

        /// `wrong` or a disease id; nil for an empty or unreadable decision.
        public init?(text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased() == "wrong" {
                self = .wrong
            } else if let id = DiagnosisResolver.canonicalID(trimmed) {
                self = .disease(id)
            } else {
                return nil
            }
        }

        /// `wrong` or the id, as written in files.
        public var text: String {
            switch self {
            case .disease(let id): id
            case .wrong: "wrong"
            }
        }
    }

    public var decisions: [String: Decision]

    public init(decisions: [String: Decision] = [:]) {
        self.decisions = decisions
    }

    public subscript(key: String) -> Decision? { decisions[key] }
}
