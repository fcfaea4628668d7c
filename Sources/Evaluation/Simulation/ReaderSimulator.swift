import Foundation
import Knowledge
import Statistics

/// Simulated readers for exercising the reader-study harness: every output it feeds is
/// SYNTHETIC and says nothing about clinicians.
///
/// A simulated reader is a noisy ranker. Unassisted, a reader starts from a "knowledge" list
/// (a weaker ranker's top 50, e.g. Resnik); with probability ``blindSpot`` the reader does not
/// know the true disease at all (it is struck from the list). Each candidate at 1-based place p
/// gets the key `log p + σ·z` (z standard normal, σ the reader's noise, drawn per reader between
/// 0.7 and 1.3 times ``noise``); the reader writes the `L` best keys (L uniform in 3…10).
/// Assisted, the reader also sees the assisting model's top 10; the key becomes
/// `w·log p_own + (1 − w)·log p_model + σ·z` with p = 51 (own) or 11 (model) for a candidate
/// missing from a list, and w = ``ownWeight``; a blind spot does not hide the model's suggestions.
/// Answers are written as ids (60%), as the disease's name, sometimes re-spelt (lower case, Arabic
/// numerals as Roman) (35%), or as a vague phrase the grader cannot resolve (5%).
public struct ReaderSimulator: Sendable {
    public var readers: Int
    public var seed: UInt64
    public var noise = 1.2
    public var blindSpot = 0.35
    public var ownWeight = 0.5

    public init(readers: Int, seed: UInt64) {
        self.readers = readers
        self.seed = seed
    }

    /// One case as the simulator sees it: the lists of the knowledge ranker and of the assisting model.
    public struct CaseLists: Sendable {
        public var caseID: String
        public var truth: String
        /// The knowledge ranker's ids, best first (50 are used).
        public var knowledge: [String]
        /// The assisting model's ids, best first (10 are used).
        public var assistant: [String]

        public init(caseID: String, truth: String, knowledge: [String], assistant: [String]) {
            self.caseID = caseID
            self.truth = truth
            self.knowledge = knowledge
            self.assistant = assistant
        }
    }

    static let vagueAnswers = [
        "unclear dysmorphic syndrome", "possible metabolic disorder", "genetic syndrome, unspecified",
        "connective tissue disorder NOS", "?mitochondrial",
    ]

    /// Responses for every case: one reader per case (cases dealt out in turn), two conditions,
    /// `unassisted` and `assisted`. `names` gives each disease's name.
    public func responses(for cases: [CaseLists], names: [String: String]) -> [ReaderResponse] {
        var generator = SeededGenerator(seed: seed)
        let noises = (0..<readers).map { _ in noise * (0.7 + 0.6 * Double(generator.next(below: 1_000_001)) / 1e6) }
        var rows: [ReaderResponse] = []
        for (index, lists) in cases.enumerated() {
            let reader = index % readers
            let readerID = String(format: "SYNTHETIC-reader-%02d", reader + 1)
            let blind = uniform(&generator) < blindSpot
            let own = Array(lists.knowledge.prefix(50)).filter { !(blind && $0 == lists.truth) }
            let assistant = Array(lists.assistant.prefix(10))
            for condition in ["unassisted", "assisted"] {
                let candidates = condition == "assisted" ? Array(Set(own).union(assistant)).sorted() : own
                let keyed = candidates.map { id -> (String, Double) in
                    let ownPlace = Double((own.firstIndex(of: id) ?? 50) + 1)
                    var key = log(ownPlace)
                    if condition == "assisted" {
                        let modelPlace = Double((assistant.firstIndex(of: id) ?? 10) + 1)
                        key = ownWeight * log(ownPlace) + (1 - ownWeight) * log(modelPlace)
                    }
                    return (id, key + noises[reader] * gaussian(&generator))
                }
                let length = 3 + generator.next(below: 8)
                let chosen = keyed.sorted { $0.1 < $1.1 }.prefix(length)
                for (offset, item) in chosen.enumerated() {
                    rows.append(
                        ReaderResponse(
                            readerID: readerID, caseID: lists.caseID, condition: condition, rank: offset + 1,
                            diagnosis: answer(for: item.0, names: names, using: &generator), line: 0))
                }
            }
        }
        return rows
    }

    private func answer(for id: String, names: [String: String], using generator: inout SeededGenerator) -> String {
        let roll = uniform(&generator)
        if roll < 0.05 { return Self.vagueAnswers[generator.next(below: Self.vagueAnswers.count)] }
        guard roll >= 0.65, let name = names[id] else { return id }
        switch generator.next(below: 3) {
        case 0: return name.lowercased()
        case 1: return name.replacingOccurrences(of: " 1", with: " I").replacingOccurrences(of: " 2", with: " II")
        default: return name
        }
    }

    private func uniform(_ generator: inout SeededGenerator) -> Double {
        Double(generator.next() >> 11) / Double(1 << 53)
    }

    /// Box–Muller.
    private func gaussian(_ generator: inout SeededGenerator) -> Double {
        let u1 = max(uniform(&generator), 1e-300)
        let u2 = uniform(&generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
