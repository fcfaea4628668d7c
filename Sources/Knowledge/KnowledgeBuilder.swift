import Foundation
import Ontology

/// Builds the SQLite knowledge base from an `hp.obo` and a `phenotype.hpoa`, the files of any
/// HPO release, so a monthly update needs no new code.
public struct KnowledgeBuilder: Sendable {
    public init() {}

    /// What a build produced.
    public struct Summary: Sendable {
        public var info: KnowledgeBaseInfo
        public var terms: Int
        public var diseases: Int
        public var annotations: Int
        /// Annotation rows whose term the ontology does not have.
        public var unknownTerms: Int
    }

    public func build(ontologyFile: URL, annotationFile: URL, into store: URL, log: (String) -> Void) throws -> Summary
    {
        log("reading \(ontologyFile.lastPathComponent)…")
        let ontology = try OBOParser().parse(try readText(ontologyFile), file: ontologyFile.path)
        log("reading \(annotationFile.lastPathComponent)…")
        let hpoa = try HPOAParser().parse(try readText(annotationFile), file: annotationFile.path)
        let info = KnowledgeBaseInfo(
            hpoRelease: ontology.release.isEmpty ? "hp/releases/\(hpoa.version)" : ontology.release,
            annotationVersion: hpoa.version,
            checksums: [
                ontologyFile.lastPathComponent: try FileChecksum.sha256(of: ontologyFile),
                annotationFile.lastPathComponent: try FileChecksum.sha256(of: annotationFile),
            ])
        let known = hpoa.annotations.filter { ontology.position(of: $0.term) != nil }
        log(
            "writing \(store.lastPathComponent) (\(ontology.count) terms, \(hpoa.diseases.count) diseases, \(known.count) annotations)…"
        )
        try KnowledgeStore.write(
            ontology: ontology, diseases: hpoa.diseases, annotations: known, info: info, to: store)
        return Summary(
            info: info, terms: ontology.count, diseases: hpoa.diseases.count, annotations: known.count,
            unknownTerms: hpoa.annotations.count - known.count)
    }

    private func readText(_ url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SetupError.io("cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SetupError.build("\(url.path) is not UTF-8 text")
        }
        return text
    }
}
