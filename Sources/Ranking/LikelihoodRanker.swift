import Clinical
import Foundation
import Knowledge

/// The transparent classical ranker (`--model baseline`): a frequency-aware likelihood ratio.
///
/// For an observed term q and a disease d, let a be a common ancestor of q and a feature of
/// d, f the frequency with which d shows a (the largest annotated frequency among d's
/// features under a) and IC the information content. Reaching q from a costs the share of
/// a's diseases that also have q, so P(q | d) ≈ f · e^(IC(a) − IC(q)), while in the
/// background P(q) ≈ e^(−IC(q)). Their ratio, mixed with a noise rate η for findings the
/// disease model does not explain and with frequencies damped by an exponent α, is
///
///     LR(q, d) = η + (1 − η) · f^α · e^(IC(a)),
///
/// maximised over a. With α = 0 this is Resnik's similarity on an exponential scale. The
/// score is the sum of log LR over the observed terms.
///
/// Excluded findings are used the way they behave in real case reports, as measured on the
/// development phenopackets (Evaluation/baseline.md): a penalty log(1 − κ·f) for an excluded
/// feature the disease shows lowered accuracy at every κ tried, because reports list as
/// excluded the features of the diseases being weighed — often features the true disease has
/// at low frequency. So κ = 0 by default, and instead each excluded term adds β times its
/// match value: a pertinent negative is evidence of which diseases were under consideration.
/// Observed terms the disease is annotated as not having (NOT) cost a fixed log penalty.
public struct LikelihoodRanker: Ranker {
    /// The model's constants, chosen on the development split (see Evaluation/).
    public struct Parameters: Sendable, Equatable {
        /// η: probability that an observed finding is unrelated to the disease.
        public var noise: Float = 0.05
        /// Frequency assumed for annotations that give none.
        public var missingFrequency: Float = 0.5
        /// α: how strongly frequencies weigh matches, LR ∝ f^α (0 ignores them, 1 is the plain ratio).
        public var frequencyExponent: Float = 0.25
        /// κ: how far an excluded finding that the disease shows always lowers its likelihood.
        public var exclusionStrength: Float = 0
        /// β: weight of an excluded finding's match to the disease's features, as evidence that
        /// the disease was under consideration (pertinent negatives name features of the
        /// diseases a clinician or curator was weighing).
        public var pertinenceWeight: Float = 0.25
        /// Log penalty for an observed finding under a NOT annotation.
        public var negatedPenalty: Float = -2
        /// Ancestors below this information content are skipped (they reach nearly all diseases).
        public var minimumInformation: Float = 1

        public init() {}

        /// Sets one constant by name (`noise`, `missing_frequency`, `frequency_exponent`,
        /// `exclusion_strength`, `negated_penalty`, `minimum_information`), for tuning runs.
        public mutating func set(_ name: String, to value: Float) throws(ParameterError) {
            switch name {
            case "noise": noise = value
            case "missing_frequency": missingFrequency = value
            case "frequency_exponent": frequencyExponent = value
            case "exclusion_strength": exclusionStrength = value
            case "negated_penalty": negatedPenalty = value
            case "pertinence_weight": pertinenceWeight = value
            case "minimum_information": minimumInformation = value
            default: throw ParameterError(name: name)
            }
        }
    }

    /// An unknown parameter name.
    public struct ParameterError: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown parameter '\(name)': use noise, missing_frequency, frequency_exponent, exclusion_strength, "
                + "negated_penalty or minimum_information"
        }
    }

    public let parameters: Parameters
    public var modelVersion: String { "baseline-lr-1" }
    let index: PhenotypeIndex
    let scorer: PostingScorer
    private let explainer: EvidenceExplainer
    /// Per term, per posting entry: log(1 − κ f) for an excluded term.
    let exclusionPenalties: [[Float]]

    public init(index: PhenotypeIndex, parameters: Parameters = Parameters()) {
        let value = Self.matchValue(parameters)
        self.index = index
        self.parameters = parameters
        self.scorer = PostingScorer(index: index, minimumInformation: parameters.minimumInformation, value: value)
        self.explainer = EvidenceExplainer(scorer: scorer)
        let penalty = Self.exclusionPenalty(parameters)
        self.exclusionPenalties = index.postingFrequencies.map { list in list.map { penalty($0 < 0 ? nil : $0) } }
    }

    public var knowledgeBaseVersion: String { index.knowledgeBase.version }

    static func matchValue(_ parameters: Parameters) -> @Sendable (Float, Float?) -> Float {
        { information, frequency in
            let f = frequency ?? parameters.missingFrequency
            let weight = parameters.frequencyExponent == 1 ? f : pow(f, parameters.frequencyExponent)
            let ratio = parameters.noise + (1 - parameters.noise) * weight * exp(information)
            return max(0, log(ratio))
        }
    }

    static func exclusionPenalty(_ parameters: Parameters) -> @Sendable (Float?) -> Float {
        { frequency in
            let f = frequency ?? parameters.missingFrequency
            return log(max(1e-6, 1 - parameters.exclusionStrength * f))
        }
    }

    /// Total log likelihood ratio per disease.
    func scores(_ query: CaseQuery) -> [Float] {
        var totals = Array(repeating: Float(0), count: index.diseaseCount)
        var scratch = [Float](repeating: 0, count: index.diseaseCount)
        let pertinent = parameters.pertinenceWeight == 0 ? [] : query.absent
        scorer.accumulate(
            query.present.map { ($0, 1) } + pertinent.map { ($0, parameters.pertinenceWeight) }, into: &totals,
            scratch: &scratch)
        for term in query.absent where parameters.exclusionStrength > 0 {
            for (entry, disease) in index.postingDiseases[Int(term)].enumerated() {
                totals[Int(disease)] += exclusionPenalties[Int(term)][entry]
            }
        }
        if parameters.negatedPenalty < 0 { addNegatedPenalties(query, to: &totals) }
        return totals
    }

    private func addNegatedPenalties(_ query: CaseQuery, to totals: inout [Float]) {
        forEachNegatedConflict(query) { totals[Int($0)] += parameters.negatedPenalty }
    }

    /// Calls `body` once per (observed term, disease annotated as not having it or an ancestor).
    func forEachNegatedConflict(_ query: CaseQuery, _ body: (Int32) -> Void) {
        for term in query.present {
            var penalised: Set<Int32> = []
            for ancestor in index.ontology.ancestorIndices[Int(term)] {
                for disease in index.negatedDiseases[Int(ancestor)] where penalised.insert(disease).inserted {
                    body(disease)
                }
            }
        }
    }

    public func rank(_ patient: PatientCase, top: Int) -> Differential {
        let query = CaseQuery(patient, ontology: index.ontology)
        return differential(for: patient, query: query) {
            let scores = scores(query)
            let entries = TopSelection.topIndices(scores, count: top).enumerated().map { offset, disease in
                DifferentialEntry(
                    rank: offset + 1, diseaseID: index.knowledgeBase.diseases[disease].id,
                    name: index.knowledgeBase.diseases[disease].name, score: Double(scores[disease]),
                    evidence: evidence(query, disease: disease))
            }
            return Array(entries)
        }
    }

    /// The findings for and against one disease, as this ranker weighs them.
    func evidence(_ query: CaseQuery, disease: Int) -> Evidence {
        Evidence(
            supporting: explainer.matches(query.present, disease: disease),
            against: explainer.against(
                query, disease: disease, penalty: Self.exclusionPenalty(parameters),
                negatedPenalty: parameters.negatedPenalty),
            pertinentNegatives: parameters.pertinenceWeight == 0
                ? [] : explainer.matches(query.absent, disease: disease, scale: parameters.pertinenceWeight))
    }

    public func rank(of diseaseID: String, in patient: PatientCase) -> Int? {
        guard let disease = index.knowledgeBase.position(ofDisease: diseaseID) else { return nil }
        return TopSelection.rank(of: Int(disease), in: scores(CaseQuery(patient, ontology: index.ontology)))
    }
}
