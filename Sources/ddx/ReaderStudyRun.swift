import Evaluation
import Foundation
import Knowledge

/// The reader-study part of `ddx eval`: imports responses (or takes them from the study
/// database), applies adjudications, grades, stores the gradings and writes the adjudication
/// CSV of answers still pending.
struct ReaderStudyRun {
    var readersPath: String?
    var studyPath: String
    var adjudicationPath: String
    /// Ids of cases read but not evaluated, for clearer refusals.
    var excludedCaseIDs: Set<String> = []

    /// What the run produced.
    struct Result {
        var study: ReaderStudy
        var refusedRows: Int
        var source: String
    }

    func run(cases: [CaseFacts], knowledgeBase: KnowledgeBase) throws -> Result {
        let store: StudyStore
        do {
            store = try StudyStore(path: studyPath)
        } catch {
            guard readersPath != nil else {
                throw CommandFailure("\(studyPath): cannot open the study database: \(error)")
            }
            Terminal.warning("\(studyPath): cannot open the study database (\(error)); the study is not kept")
            store = try StudyStore()
        }
        var refused = 0
        var responses: [ReaderResponse]
        var source = readersPath ?? studyPath
        if let readersPath {
            let read: ResponseFileReader.Result
            do {
                read = try ResponseFileReader(caseIDs: Set(cases.map(\.caseID)), excludedCaseIDs: excludedCaseIDs).read(
                    path: readersPath)
            } catch {
                throw CommandFailure(error.description)
            }
            for error in read.errors { Terminal.error(error.description) }
            refused = read.errors.count
            responses = read.responses
            try store.replaceResponses(responses, source: readersPath)
        } else {
            responses = try store.responses()
            source = try store.responsesSource() ?? studyPath
            guard !responses.isEmpty else {
                throw CommandFailure(
                    "\(studyPath): the study holds no reader responses; import them with --readers FILE")
            }
            let known = Set(cases.map(\.caseID))
            let outside = responses.filter { !known.contains($0.caseID) }.count
            if outside > 0 { Terminal.warning("\(outside) stored responses name cases outside this set; left out") }
        }
        let resolver = DiagnosisResolver(diseases: knowledgeBase.diseases)
        let file = AdjudicationFile(path: adjudicationPath)
        let adjudicated = try applyAdjudicationFile(file, resolver: resolver, store: store)
        let grader = AnswerGrader(resolver: resolver, adjudications: try store.adjudications().decisions)
        let study = ReaderStudy(responses: responses, cases: cases, grader: grader)
        try store.saveGradings(
            study.gradings, truths: Dictionary(cases.map { ($0.caseID, $0.truth) }, uniquingKeysWith: { a, _ in a }))
        try writeAdjudicationFile(
            file, decided: adjudicated, pending: study.pending, resolver: resolver, kb: knowledgeBase)
        if !study.pending.isEmpty {
            Terminal.note(
                "\(study.pending.count) distinct answers (\(study.pending.map(\.count).reduce(0, +)) in all) await "
                    + "adjudication, counted wrong until decided: fill in the decision column of \(adjudicationPath) "
                    + "(a disease id or \"wrong\") and run again")
        }
        return Result(study: study, refusedRows: refused, source: source)
    }

    /// Reads the people's decisions from the CSV into the study; returns the decided rows.
    private func applyAdjudicationFile(_ file: AdjudicationFile, resolver: DiagnosisResolver, store: StudyStore) throws
        -> [AdjudicationFile.Row]
    {
        let (rows, errors) = file.read()
        for error in errors { Terminal.error(error.description) }
        var decided: [AdjudicationFile.Row] = []
        var decisions: [(key: String, answer: String, decision: Adjudications.Decision)] = []
        for row in rows {
            guard let decision = Adjudications.Decision(text: row.decision) else { continue }
            decided.append(row)
            decisions.append((resolver.answerKey(row.answer), row.answer, decision))
        }
        try store.saveAdjudications(decisions)
        return decided
    }

    private func writeAdjudicationFile(
        _ file: AdjudicationFile, decided: [AdjudicationFile.Row], pending: [ReaderStudy.PendingAnswer],
        resolver: DiagnosisResolver, kb: KnowledgeBase
    ) throws {
        guard !decided.isEmpty || !pending.isEmpty else { return }
        let rows =
            decided
            + pending.map { answer in
                let suggestion = resolver.suggestions(for: answer.answer).first
                return AdjudicationFile.Row(
                    answer: answer.answer, decision: "", count: answer.count, exampleCase: answer.exampleCase,
                    exampleTruth: answer.exampleTruth, suggestion: suggestion.map { "\($0.id) \($0.name)" } ?? "")
            }
        do {
            try file.write(rows)
        } catch {
            Terminal.warning("\(file.path): cannot write the adjudication file: \(error.localizedDescription)")
        }
    }
}
