import Ontology

/// The immutable, in-memory knowledge base every ranker reads: the ontology, the diseases
/// and their annotations, and where they came from.
public struct KnowledgeBase: Sendable {
    public let info: KnowledgeBaseInfo
    public let ontology: Ontology
    /// All diseases, in a stable order (by id).
    public let diseases: [Disease]
    /// Annotations of each disease, parallel to ``diseases``.
    public let annotationsByDisease: [[Annotation]]

    private let positionByDisease: [String: Int32]

    /// Groups `annotations` by disease; annotations of unknown diseases and terms that are
    /// not in the ontology are dropped.
    public init(info: KnowledgeBaseInfo, ontology: Ontology, diseases: [Disease], annotations: [Annotation]) {
        let sorted = diseases.sorted { $0.id < $1.id }
        var positions: [String: Int32] = [:]
        for (position, disease) in sorted.enumerated() { positions[disease.id] = Int32(position) }
        var grouped = Array(repeating: [Annotation](), count: sorted.count)
        for annotation in annotations {
            guard let position = positions[annotation.diseaseID], ontology.position(of: annotation.term) != nil
            else { continue }
            grouped[Int(position)].append(annotation)
        }
        self.info = info
        self.ontology = ontology
        self.diseases = sorted
        self.annotationsByDisease = grouped
        self.positionByDisease = positions
    }

    /// The version string outputs name: the HPO release, e.g. `hp/releases/2025-01-16`.
    public var version: String { info.hpoRelease }

    /// Position of a disease in ``diseases``.
    public func position(ofDisease id: String) -> Int32? { positionByDisease[id] }

    /// The disease with this id, if the knowledge base has it.
    public func disease(_ id: String) -> Disease? {
        positionByDisease[id].map { diseases[Int($0)] }
    }

    /// Every reference (PMID:…, OMIM:…) cited by the disease's annotations.
    public func references(ofDisease id: String) -> Set<String> {
        guard let position = positionByDisease[id] else { return [] }
        return Set(annotationsByDisease[Int(position)].flatMap(\.references))
    }

    /// Number of annotation rows kept.
    public var annotationCount: Int { annotationsByDisease.reduce(0) { $0 + $1.count } }
}
