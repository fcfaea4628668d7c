/// Pairs the outcomes of two arms for a paired test (SPEC): two reader arms by (reader, case),
/// a reader arm with a model arm by case (each list with the model's outcome on its case), two
/// model arms by case. Only items present in both arms are paired.
enum ArmPairing {
    /// `(a right, b right)` at top-k for every pair.
    static func pairs(_ a: ArmReport, _ b: ArmReport, k: Int) -> [(Bool, Bool)] {
        func right(_ outcome: CaseOutcome) -> Bool { (outcome.rank ?? .max) <= k }
        let byReader = a.kind == .readers && b.kind == .readers
        func key(_ outcome: CaseOutcome) -> String {
            byReader ? "\(outcome.readerID ?? "")\u{1F}\(outcome.caseID)" : outcome.caseID
        }
        // Index the side with at most one outcome per key: a model arm, or either of two reader arms.
        if a.kind == .model && b.kind == .readers {
            let models = Dictionary(a.outcomes.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            return b.outcomes.compactMap { list in models[key(list)].map { (right($0), right(list)) } }
        }
        let indexed = Dictionary(b.outcomes.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        return a.outcomes.compactMap { outcome in indexed[key(outcome)].map { (right(outcome), right($0)) } }
    }
}
