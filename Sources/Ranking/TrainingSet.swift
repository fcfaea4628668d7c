import Clinical
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
        var examples: [TrainingExample] = []
        examples.reserveCapacity(patients.count)
        var realCount = 0
        var negatives = SeededGenerator(seed: seed &+ 1)
        for (done, original) in patients.enumerated() {
            var patient = original
            let simulated = done >= realCases.count
            if simulated && Double.random(in: 0..<1, using: &negatives) < differentialNegativeShare {
                let competitors = stage.candidates(CaseQuery(patient, ontology: index.ontology)).diseases
                patient = simulator.addingDifferentialNegatives(
                    to: patient, competitors: competitors, using: &negatives)
            }
            let prepared =
                withoutClassicalScores
                ? TrainingExample(
                    withoutClassicalScores: patient, stage: stage, index: index, randomCount: stage.count,
                    using: &negatives)
                : TrainingExample(patient, stage: stage, index: index)
            if let example = prepared {
                examples.append(example)
                if done < realCases.count { realCount += 1 }
            }
            if done % 500 == 0 || done == patients.count - 1 { progress(done + 1, patients.count) }
        }
        self.examples = examples
        self.real = realCount
        self.simulated = examples.count - realCount
    }
}
