import Statistics

/// The result of `ddx eval`: every arm on the same cases, and paired tests between arms.
public struct EvaluationReport: Sendable, Equatable {
    /// A paired comparison of two arms at one k.
    public struct Comparison: Sendable, Equatable {
        public var a: String
        public var b: String
        public var k: Int
        public var test: McNemarTest
    }

    /// A case whose truth the knowledge base does not have.
    public struct MissingTruth: Sendable, Equatable {
        public var caseID: String
        public var truth: String

        public init(caseID: String, truth: String) {
            self.caseID = caseID
            self.truth = truth
        }
    }

    /// All cases read, including those that cannot be evaluated.
    public var cases: Int
    /// Cases whose truth is in the knowledge base.
    public var evaluable: Int
    public var circular: Int
    public var missing: [MissingTruth]
    public var arms: [ArmReport]
    public var comparisons: [Comparison]

    /// Builds the report from each arm's outcomes over the same cases in the same order.
    public init(arms runs: [(name: String, outcomes: [CaseOutcome])], bootstrap: Bootstrap = Bootstrap()) {
        let first = runs.first?.outcomes ?? []
        cases = first.count
        evaluable = first.filter(\.truthInKnowledgeBase).count
        circular = first.filter { $0.truthInKnowledgeBase && $0.isCircular }.count
        missing = first.filter { !$0.truthInKnowledgeBase }.map { MissingTruth(caseID: $0.caseID, truth: $0.truth) }
        arms = runs.map { ArmReport(name: $0.name, outcomes: $0.outcomes, bootstrap: bootstrap) }
        comparisons = Self.pairwise(arms)
    }

    /// McNemar between every pair of arms at k = 1 and k = 10, pairing by case.
    static func pairwise(_ arms: [ArmReport]) -> [Comparison] {
        var comparisons: [Comparison] = []
        for (i, a) in arms.enumerated() {
            for b in arms[(i + 1)...] {
                for k in [1, 10] {
                    let pairs = zip(a.outcomes, b.outcomes).map { x, y in
                        ((x.rank ?? .max) <= k, (y.rank ?? .max) <= k)
                    }
                    comparisons.append(Comparison(a: a.name, b: b.name, k: k, test: McNemarTest(pairs: pairs)))
                }
            }
        }
        return comparisons
    }
}
