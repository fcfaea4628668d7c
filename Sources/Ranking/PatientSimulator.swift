import Clinical
import Ontology

/// Simulated patients drawn from the knowledge base's disease profiles, for training.
///
/// A patient of disease d shows each feature of d with its annotated frequency (features
/// without one at `missingFrequency`), at least one; a share of findings is recorded less
/// precisely (replaced by a parent, as clinicians often do); a few unrelated findings are
/// added as noise; and, like real case reports, some features of d the patient does not show
/// are listed as excluded, with a few excluded features of unrelated diseases.
public struct PatientSimulator: Sendable {
    public struct Settings: Sendable, Equatable {
        public var missingFrequency: Double = 0.5
        /// Findings stated per patient are drawn between these two (fewer when the draw gives fewer).
        public var minimumFindings = 3
        public var maximumFindings = 20
        /// Probability that a finding is replaced by one of its parents.
        public var imprecision = 0.25
        /// Expected number of unrelated findings.
        public var noiseFindings = 1.0
        /// Probability that a feature the patient lacks is listed as excluded.
        public var exclusionRate = 0.15
        public var maximumExcluded = 8

        public init() {}
    }

    public let index: PhenotypeIndex
    public let settings: Settings
    /// Positions of terms used as disease features, to draw noise from.
    private let featurePool: [Int32]

    public init(index: PhenotypeIndex, settings: Settings = Settings()) {
        self.index = index
        self.settings = settings
        self.featurePool = index.features.flatMap { $0.map(\.term) }
    }

    /// One simulated patient of the disease at `disease`, drawn with `generator`.
    public func patient(of disease: Int, using generator: inout some RandomNumberGenerator) -> PatientCase {
        let features = index.features[disease]
        let ontology = index.ontology
        var present: [Int32] = []
        var lacking: [Int32] = []
        for feature in features {
            let frequency = feature.frequency.map(Double.init) ?? settings.missingFrequency
            if Double.random(in: 0..<1, using: &generator) < frequency {
                present.append(feature.term)
            } else {
                lacking.append(feature.term)
            }
        }
        if present.isEmpty, let any = features.randomElement(using: &generator) { present.append(any.term) }
        present.shuffle(using: &generator)
        // Clinicians state a handful of findings as often as a full list: draw how many.
        let limit = Int.random(
            in: min(settings.minimumFindings, settings.maximumFindings)...settings.maximumFindings, using: &generator)
        present = Array(present.prefix(limit)).map { term in
            let parents = ontology.parentIndices[Int(term)]
            guard !parents.isEmpty, Double.random(in: 0..<1, using: &generator) < settings.imprecision else {
                return term
            }
            return parents.randomElement(using: &generator) ?? term
        }
        var noise = settings.noiseFindings
        while noise > 0, Double.random(in: 0..<1, using: &generator) < noise,
            let term = featurePool.randomElement(using: &generator)
        {
            present.append(term)
            noise -= 1
        }
        var absent = lacking.filter { _ in Double.random(in: 0..<1, using: &generator) < settings.exclusionRate }
        if Double.random(in: 0..<1, using: &generator) < 0.3, let term = featurePool.randomElement(using: &generator) {
            absent.append(term)
        }
        absent = Array(absent.shuffled(using: &generator).prefix(settings.maximumExcluded))
        let findings =
            present.map { Finding(id: ontology.terms[Int($0)].id, status: .present) }
            + absent.map { Finding(id: ontology.terms[Int($0)].id, status: .absent) }
        return PatientCase(
            id: "simulated:\(index.knowledgeBase.diseases[disease].id)", findings: findings,
            truth: index.knowledgeBase.diseases[disease].id)
    }

    /// Adds the pertinent negatives a clinician writes to set a case apart from its look-alikes:
    /// frequent features of one or two competing diseases (from `competitors`, best first) that
    /// the true disease does not have, stated as absent. Real case reports mostly exclude
    /// features of the true disease; without such examples a model would learn that every
    /// excluded feature points towards the diseases that have it.
    public func addingDifferentialNegatives(
        to patient: PatientCase, competitors: [Int32], using generator: inout some RandomNumberGenerator
    ) -> PatientCase {
        guard let truthID = patient.truth, let truth = index.knowledgeBase.position(ofDisease: truthID) else {
            return patient
        }
        let rivals = competitors.prefix(20).filter { $0 != truth }.shuffled(using: &generator).prefix(2)
        var result = patient
        for rival in rivals {
            let telling = index.features[Int(rival)].filter { feature in
                (feature.frequency ?? 0.5) >= 0.5 && index.frequency(of: truth, reaching: feature.term) == nil
            }
            guard let feature = telling.randomElement(using: &generator) else { continue }
            result.findings.append(Finding(id: index.ontology.terms[Int(feature.term)].id, status: .absent))
        }
        return result
    }
}
