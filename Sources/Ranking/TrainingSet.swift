import Clinical
import FastFeedforward
import Statistics

/// The examples a neural ranker learns from: simulated patients of every disease plus the
/// training side of the real cases, each prepared with its candidates.
public struct TrainingSet: Sendable {
    public var examples: [TrainingExample]
    public var simulated: Int
    public var real: Int

    /// - Parameters:
    ///   - differentialNegativeShare: share of simulated patients that also state, as absent,
    ///     telling features of competing diseases (see ``PatientSimulator/addingDifferentialNegatives(to:competitors:using:)``).
    ///   - realCases: cases with truths (the training side of a publication split).
    ///   - simulatedPerDisease: simulated patients drawn per disease.
    ///   - progress: called with (done, total) while examples are prepared.
    public init(
        index: PhenotypeIndex, stage: CandidateStage, realCases: [PatientCase], simulatedPerDisease: Int,
        differentialNegativeShare: Double = 0.5, withoutClassicalScores: Bool = false, seed: UInt64,
        progress: (Int, Int) -> Void
    ) {
        let simulator = PatientSimulator(index: index)
        var generator = SeededGenerator(seed: seed)
        var patients = realCases
        for _ in 0..<simulatedPerDisease {
            for disease in index.knowledgeBase.diseases.indices where !index.features[disease].isEmpty {
                patients.append(simulator.patient(of: disease, using: &generator))
            }
        }
        let preparation = Preparation(
            index: index, stage: stage, simulator: simulator, patients: patients, realCount: realCases.count,
            differentialNegativeShare: differentialNegativeShare, withoutClassicalScores: withoutClassicalScores,
            seed: seed)
        var examples: [TrainingExample] = []
        examples.reserveCapacity(patients.count)
        var realCount = 0
        let round = 2048
        for start in stride(from: 0, to: patients.count, by: round) {
            let positions = start..<min(patients.count, start + round)
            let prepared = ParallelRange.map(count: positions.count, minimumChunk: 64) {
                preparation.example(at: start + $0)
            }
            for (offset, example) in prepared.enumerated() {
                guard let example else { continue }
                examples.append(example)
                if start + offset < realCases.count { realCount += 1 }
            }
            progress(positions.upperBound, patients.count)
        }
        self.examples = examples
        self.real = realCount
        self.simulated = examples.count - realCount
    }

    /// How one patient becomes an example. Each patient draws from its own generator, seeded
    /// from the set's seed and its position, so the examples are the same however the work is
    /// spread over threads.
    private struct Preparation: Sendable {
        let index: PhenotypeIndex
        let stage: CandidateStage
        let simulator: PatientSimulator
        let patients: [PatientCase]
        let realCount: Int
        let differentialNegativeShare: Double
        let withoutClassicalScores: Bool
        let seed: UInt64

        func example(at position: Int) -> TrainingExample? {
            var patient = patients[position]
            var generator = SeededGenerator(seed: (seed &+ 1) &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15)
            let simulated = position >= realCount
            if simulated && Double.random(in: 0..<1, using: &generator) < differentialNegativeShare {
                let competitors = stage.candidates(CaseQuery(patient, ontology: index.ontology)).diseases
                patient = simulator.addingDifferentialNegatives(
                    to: patient, competitors: competitors, using: &generator)
            }
            if withoutClassicalScores {
                return TrainingExample(
                    withoutClassicalScores: patient, stage: stage, index: index, randomCount: stage.count,
                    using: &generator)
            }
            return TrainingExample(patient, stage: stage, index: index)
        }
    }
}
