import Statistics

/// The result of `ddx eval`: every arm on the same cases, and paired tests between arms.
public struct EvaluationReport: Sendable, Equatable {
    /// A paired comparison of two arms at one k.
    public struct Comparison: Sendable, Equatable {
        public var a: String
        public var b: String
        public var k: Int
        public var test: McNemarTest
        /// Pairs compared (cases, or lists for reader arms).
        public var pairs: Int
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
    /// Per reader, each reader condition against the reference condition.
    public var assistance: [AssistanceEffect]
    /// Top-1 and top-10 per arm by the number of observed findings.
    public var byFindings: [FindingsBin]
    /// The cases in set order, with what each arm did (for the per-case table).
    public var caseFacts: [CaseFacts]

    /// Builds the report from each model arm's outcomes over the same cases in the same order.
    public init(arms runs: [(name: String, outcomes: [CaseOutcome])], bootstrap: Bootstrap = Bootstrap()) {
        let facts = (runs.first?.outcomes ?? []).map {
            CaseFacts(
                caseID: $0.caseID, truth: $0.truth, truthInKnowledgeBase: $0.truthInKnowledgeBase,
                isCircular: $0.isCircular, presentFindings: $0.presentFindings)
        }
        self.init(cases: facts, modelArms: runs, readerArms: [], bootstrap: bootstrap)
    }

    /// Builds the report from model arms (one outcome per case of `cases`, in order) and reader arms.
    public init(
        cases facts: [CaseFacts], modelArms runs: [(name: String, outcomes: [CaseOutcome])],
        readerArms: [ReaderStudy.Arm], bootstrap: Bootstrap = Bootstrap()
    ) {
        caseFacts = facts
        cases = facts.count
        evaluable = facts.filter(\.truthInKnowledgeBase).count
        circular = facts.filter { $0.truthInKnowledgeBase && $0.isCircular }.count
        missing = facts.filter { !$0.truthInKnowledgeBase }.map { MissingTruth(caseID: $0.caseID, truth: $0.truth) }
        arms =
            runs.map { ArmReport(name: $0.name, outcomes: $0.outcomes, bootstrap: bootstrap) }
            + readerArms.map { ArmReport(readerArm: $0, bootstrap: bootstrap) }
        comparisons = Self.pairwise(arms)
        assistance = AssistanceEffect.effects(readerArms: arms.filter { $0.kind == .readers })
        byFindings = FindingsBin.bins(arms: arms)
    }

    /// McNemar between every pair of arms at k = 1 and k = 10 (see ``ArmPairing``).
    static func pairwise(_ arms: [ArmReport]) -> [Comparison] {
        var comparisons: [Comparison] = []
        for (i, a) in arms.enumerated() {
            for b in arms[(i + 1)...] {
                for k in [1, 10] {
                    let pairs = ArmPairing.pairs(a, b, k: k)
                    comparisons.append(
                        Comparison(a: a.name, b: b.name, k: k, test: McNemarTest(pairs: pairs), pairs: pairs.count))
                }
            }
        }
        return comparisons
    }
}
