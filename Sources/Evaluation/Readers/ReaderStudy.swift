/// Turns graded reader responses into reader arms: one ``CaseOutcome`` per list (reader, case,
/// condition), with the first rank right under lenient and strict grading, and the answers
/// that still need a person's decision.
public struct ReaderStudy: Sendable {
    /// One reader arm's lists.
    public struct Arm: Sendable, Equatable {
        /// `readers:<condition>`.
        public var name: String
        public var condition: String
        /// One outcome per list, ordered by case (set order), then reader.
        public var outcomes: [CaseOutcome]
        /// Answers in this arm graded pending (not resolved, not adjudicated).
        public var pendingAnswers: Int
    }

    /// An answer that needs adjudication, with how often it was given and one example.
    public struct PendingAnswer: Sendable, Equatable {
        public var answer: String
        public var key: String
        public var count: Int
        public var exampleCase: String
        public var exampleTruth: String
    }

    public var arms: [Arm]
    public var pending: [PendingAnswer]
    /// Every graded answer, for storage: (response, grade).
    public var gradings: [(ReaderResponse, AnswerGrade)]

    /// Grades `responses` against the cases' truths. Conditions are ordered as they first
    /// appear in the responses; lists follow the order of `cases`.
    public init(responses: [ReaderResponse], cases: [CaseFacts], grader: AnswerGrader) {
        let facts = Dictionary(cases.map { ($0.caseID, $0) }, uniquingKeysWith: { first, _ in first })
        let order = Dictionary(cases.enumerated().map { ($1.caseID, $0) }, uniquingKeysWith: { first, _ in first })
        var conditions: [String] = []
        var lists: [ReaderResponse.ListKey: [(ReaderResponse, AnswerGrade)]] = [:]
        var pendingByKey: [String: PendingAnswer] = [:]
        var pendingOrder: [String] = []
        var gradings: [(ReaderResponse, AnswerGrade)] = []
        var known: [String: AnswerGrade] = [:]  // answers repeat: grade each (answer, truth) once
        for response in responses {
            guard let fact = facts[response.caseID] else { continue }
            if !conditions.contains(response.condition) { conditions.append(response.condition) }
            let memo = "\(response.diagnosis)\u{1F}\(fact.truth)"
            let grade = known[memo] ?? grader.grade(response.diagnosis, truth: fact.truth)
            known[memo] = grade
            lists[response.listKey, default: []].append((response, grade))
            gradings.append((response, grade))
            if grade == .pending {
                let key = grader.resolver.answerKey(response.diagnosis)
                if pendingByKey[key] == nil {
                    pendingOrder.append(key)
                    pendingByKey[key] = PendingAnswer(
                        answer: response.diagnosis, key: key, count: 0, exampleCase: response.caseID,
                        exampleTruth: fact.truth)
                }
                pendingByKey[key]?.count += 1
            }
        }
        arms = conditions.map { condition in
            let keys = lists.keys.filter { $0.condition == condition }.sorted {
                (order[$0.caseID] ?? 0, $0.readerID) < (order[$1.caseID] ?? 0, $1.readerID)
            }
            var pending = 0
            let outcomes = keys.compactMap { key -> CaseOutcome? in
                guard let fact = facts[key.caseID], let items = lists[key] else { return nil }
                pending += items.filter { $0.1 == .pending }.count
                let lenient = items.filter { $0.1.isLenientlyRight }.map(\.0.rank).min()
                let strict = items.filter { $0.1.isStrictlyRight }.map(\.0.rank).min()
                return CaseOutcome(
                    caseID: key.caseID, truth: fact.truth, truthInKnowledgeBase: fact.truthInKnowledgeBase,
                    rank: lenient, isCircular: fact.isCircular, presentFindings: fact.presentFindings,
                    readerID: key.readerID, strictRank: .some(strict))
            }
            return Arm(name: "readers:\(condition)", condition: condition, outcomes: outcomes, pendingAnswers: pending)
        }
        pending = pendingOrder.compactMap { pendingByKey[$0] }
        self.gradings = gradings
    }
}
