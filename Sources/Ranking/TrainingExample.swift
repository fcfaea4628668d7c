import Clinical

/// One case prepared for training the re-ranker: its finding bag, its candidates and which
/// candidate is the true disease.
public struct TrainingExample: Sendable {
    public var bag: FindingBag
    public var candidates: CandidateStage.Candidates
    /// Position of the truth among the candidates.
    public var truth: Int

    /// Prepares a case whose truth the knowledge base has; when the classical stage misses the
    /// truth, it replaces the last candidate (with the lowest standardised score), so every
    /// example teaches something. Nil when the truth is unknown.
    public init?(_ patient: PatientCase, stage: CandidateStage, index: PhenotypeIndex) {
        guard let truthID = patient.truth, let disease = index.knowledgeBase.position(ofDisease: truthID) else {
            return nil
        }
        let query = CaseQuery(patient, ontology: index.ontology)
        guard !query.present.isEmpty else { return nil }
        var candidates = stage.candidates(query)
        guard !candidates.diseases.isEmpty else { return nil }
        if let found = candidates.diseases.firstIndex(of: disease) {
            truth = found
        } else {
            candidates.diseases[candidates.diseases.count - 1] = disease
            candidates.standardized[candidates.standardized.count - 1] = candidates.standardized.min() ?? 0
            truth = candidates.diseases.count - 1
        }
        bag = FindingBag(query: query, index: index)
        self.candidates = candidates
    }

    /// Prepares a case for a network that scores diseases without the classical stage: the
    /// candidates are the classical stage's best (hard negatives), the truth and `randomCount`
    /// diseases drawn at random (so the network also learns to rank down unrelated ones); the
    /// classical scores are withheld (all zero).
    public init?<Generator: RandomNumberGenerator>(
        withoutClassicalScores patient: PatientCase, stage: CandidateStage, index: PhenotypeIndex, randomCount: Int,
        using generator: inout Generator
    ) {
        guard var example = TrainingExample(patient, stage: stage, index: index) else { return nil }
        let truth = example.candidates.diseases[example.truth]
        var diseases = example.candidates.diseases
        var chosen = Set(diseases)
        while diseases.count < example.candidates.diseases.count + randomCount && chosen.count < index.diseaseCount {
            let disease = Int32.random(in: 0..<Int32(index.diseaseCount), using: &generator)
            if chosen.insert(disease).inserted { diseases.append(disease) }
        }
        example.candidates = CandidateStage.Candidates(
            diseases: diseases, standardized: [Float](repeating: 0, count: diseases.count))
        example.truth = diseases.firstIndex(of: truth) ?? 0
        self = example
    }
}
