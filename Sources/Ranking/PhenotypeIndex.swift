import Knowledge
import Ontology

/// Disease phenotype profiles in the shape rankers need, built once from the knowledge base.
///
/// For every disease, its features are its positive, non-inheritance annotations. A disease
/// "reaches" a term when it has the term or a descendant of it; the frequency with which it
/// reaches the term is the largest frequency among those annotations. The index keeps, per
/// term, the list of diseases that reach it with that frequency (posting lists), which lets a
/// ranker score every disease for a query term by walking the query term's ancestors.
public struct PhenotypeIndex: Sendable {
    /// One annotated feature of a disease.
    public struct Feature: Sendable, Equatable {
        public var term: Int32
        /// Annotated frequency in 0...1, or nil when the annotation gives none.
        public var frequency: Float?
    }

    public let knowledgeBase: KnowledgeBase
    public let informationContent: InformationContent
    /// Per disease (parallel to `knowledgeBase.diseases`), its features, most frequent first.
    public let features: [[Feature]]
    /// Per disease, term positions it is annotated as NOT having.
    public let negated: [[Int32]]
    /// Per term, the diseases annotated as NOT having it.
    public let negatedDiseases: [[Int32]]
    /// Per term, the diseases that reach it.
    public let postingDiseases: [[Int32]]
    /// Per term, parallel to ``postingDiseases``: the largest frequency with which the disease
    /// reaches the term, or `-1` when none of the annotations involved gives a frequency.
    public let postingFrequencies: [[Float]]
    /// Per term, parallel to ``postingDiseases``: the disease's most frequent feature at or
    /// below the term (the one whose frequency ``postingFrequencies`` holds).
    public let postingFeatures: [[Int32]]

    public var ontology: Ontology { knowledgeBase.ontology }
    public var diseaseCount: Int { knowledgeBase.diseases.count }

    public init(knowledgeBase: KnowledgeBase) {
        let ontology = knowledgeBase.ontology
        var features: [[Feature]] = []
        var negated: [[Int32]] = []
        features.reserveCapacity(knowledgeBase.diseases.count)
        for annotations in knowledgeBase.annotationsByDisease {
            var positive: [Int32: Float?] = [:]
            var negative: Set<Int32> = []
            for annotation in annotations where annotation.aspect != .inheritance {
                guard let position = ontology.position(of: annotation.term) else { continue }
                if annotation.isNegated || annotation.frequency?.value == 0 {
                    if annotation.isNegated { negative.insert(position) }
                    continue
                }
                let frequency = annotation.frequency.map { Float($0.value) }
                if let existing = positive[position] {
                    positive[position] = Self.larger(existing, frequency)
                } else {
                    positive[position] = frequency
                }
            }
            features.append(
                positive.map { Feature(term: $0.key, frequency: $0.value) }
                    .sorted { ($0.frequency ?? -1, $1.term) > ($1.frequency ?? -1, $0.term) })
            negated.append(negative.sorted())
        }
        let ic = InformationContent(ontology: ontology, annotations: features.map { $0.map(\.term) })
        let postings = Self.postings(ontology: ontology, features: features)
        self.knowledgeBase = knowledgeBase
        self.informationContent = ic
        self.features = features
        self.negated = negated
        var negatedDiseases = Array(repeating: [Int32](), count: ontology.count)
        for (disease, terms) in negated.enumerated() {
            for term in terms { negatedDiseases[Int(term)].append(Int32(disease)) }
        }
        self.negatedDiseases = negatedDiseases
        self.postingDiseases = postings.diseases
        self.postingFrequencies = postings.frequencies
        self.postingFeatures = postings.features
    }

    /// How a disease reaches a term: with this frequency, or nil when no annotation involved gives one.
    public struct Reach: Sendable, Equatable {
        public var frequency: Float?
    }

    /// Whether `disease` reaches `term`, and with what frequency.
    public func frequency(of disease: Int32, reaching term: Int32) -> Reach? {
        guard let entry = postingEntry(of: disease, reaching: term) else { return nil }
        let frequency = postingFrequencies[Int(term)][entry]
        return Reach(frequency: frequency < 0 ? nil : frequency)
    }

    /// Where `disease` sits in the posting list of `term`, if it reaches the term.
    /// Posting lists are in disease order, so this is a binary search — written without
    /// data-dependent branches (the halving picks with a select), because which way each step
    /// goes is unpredictable and mispredicted branches dominated its cost.
    func postingEntry(of disease: Int32, reaching term: Int32) -> Int? {
        postingDiseases[Int(term)].withUnsafeBufferPointer { diseases in
            guard !diseases.isEmpty else { return nil }
            // Invariant: the first entry ≥ disease is at base or after base + length - 1.
            var base = 0
            var length = diseases.count
            while length > 1 {
                let half = length &>> 1
                base = diseases[base &+ half] < disease ? base &+ half : base
                length &-= half
            }
            let entry = base &+ (diseases[base] < disease ? 1 : 0)
            return entry < diseases.count && diseases[entry] == disease ? entry : nil
        }
    }

    private static func larger(_ a: Float?, _ b: Float?) -> Float? {
        switch (a, b) {
        case (nil, nil): nil
        case (let x?, nil): x
        case (nil, let y?): y
        case (let x?, let y?): max(x, y)
        }
    }

    /// Features are most frequent first, so the first feature to reach a term is the one with
    /// the largest frequency there.
    private static func postings(ontology: Ontology, features: [[Feature]]) -> (
        diseases: [[Int32]], frequencies: [[Float]], features: [[Int32]]
    ) {
        var diseases = Array(repeating: [Int32](), count: ontology.count)
        var frequencies = Array(repeating: [Float](), count: ontology.count)
        var strongest = Array(repeating: [Int32](), count: ontology.count)
        var reachedBy = Array(repeating: Int32(-1), count: ontology.count)  // -1: not reached yet
        var reachedFrequency = Array(repeating: Float(-1), count: ontology.count)
        var reached: [Int32] = []
        for (disease, list) in features.enumerated() {
            for feature in list {
                for ancestor in ontology.ancestorIndices[Int(feature.term)] where reachedBy[Int(ancestor)] < 0 {
                    reachedBy[Int(ancestor)] = feature.term
                    reachedFrequency[Int(ancestor)] = feature.frequency ?? -1
                    reached.append(ancestor)
                }
            }
            for term in reached {
                diseases[Int(term)].append(Int32(disease))
                frequencies[Int(term)].append(reachedFrequency[Int(term)])
                strongest[Int(term)].append(reachedBy[Int(term)])
                reachedBy[Int(term)] = -1
            }
            reached.removeAll(keepingCapacity: true)
        }
        return (diseases, frequencies, strongest)
    }
}
