import Clinical
import ConceptRecognition
import Foundation
import Knowledge
import Ontology

/// Turns a case as read into the case every ranker sees: the one seam every interface
/// (`ddx rank`, `ddx normalize`, `ddx eval`, the daemon) goes through.
///
/// Free text (a vignette, or a ddx case's `text`) goes through the concept recognizer: each
/// phenotype it names becomes a finding (absent when negated), findings said of relatives go
/// to ``IngestedCase/familyHistory``, and age and sex are taken from the text when the case
/// does not state them. Then stated HPO findings are resolved and merged (``CaseNormalizer``).
public struct CaseIngestor: Sendable {
    public let knowledgeBase: KnowledgeBase
    private let normalizer: CaseNormalizer
    private let recognizer: LazyRecognizer

    /// An ingestor that makes its text recognizer on first use — from `dictionaryCache` when
    /// given (built and saved there if the file is missing or stale), else built in memory —
    /// or uses `recognizer`. `note` hears how the dictionary was obtained and how long it took.
    public init(
        knowledgeBase: KnowledgeBase, recognizer: ConceptRecognizer? = nil, dictionaryCache: DictionaryCache? = nil,
        note: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.knowledgeBase = knowledgeBase
        self.normalizer = CaseNormalizer(ontology: knowledgeBase.ontology)
        self.recognizer = LazyRecognizer(
            knowledgeBase: knowledgeBase, prebuilt: recognizer, cache: dictionaryCache, note: note)
    }

    /// Makes the text recognizer now (reading or building the concept dictionary) instead of on
    /// the first text case: a daemon calls this at start-up so no request pays for it.
    public func prepareRecognizer() {
        _ = recognizer.get()
    }

    /// The case with resolved, merged and consistent findings and a warning for each change.
    public func ingest(_ patientCase: PatientCase) -> PatientCase {
        ingestDetailed(patientCase).patientCase
    }

    /// The ingested case with the recognizer's provenance and family history.
    public func ingestDetailed(_ patientCase: PatientCase) -> IngestedCase {
        guard let text = patientCase.text, !text.isEmpty else {
            return IngestedCase(patientCase: normalizer.normalize(patientCase))
        }
        let analysis = recognizer.get().analyse(text)
        var merged = patientCase
        let stated = Set(patientCase.findings.map(\.id))
        for finding in TextFindings.patientFindings(analysis) where !stated.contains(finding.id) {
            merged.findings.append(finding)
        }
        if merged.age == nil, let age = analysis.age { merged.age = age }
        if merged.sex == .unknown { merged.sex = analysis.sex }
        merged.warnings += analysis.warnings
        if analysis.mentions.isEmpty {
            merged.warnings.append("no phenotype concepts recognised in the text")
        } else if analysis.patientMentions.isEmpty {
            merged.warnings.append("the text names phenotypes only of relatives; no findings for the patient")
        }
        return IngestedCase(
            patientCase: normalizer.normalize(merged), analysis: analysis,
            familyHistory: TextFindings.familyHistory(analysis))
    }
}

/// The text recognizer, made once on first use and shared by copies of the ingestor.
private final class LazyRecognizer: @unchecked Sendable {
    private let knowledgeBase: KnowledgeBase
    private let cache: DictionaryCache?
    private let note: @Sendable (String) -> Void
    private let lock = NSLock()
    private var recognizer: ConceptRecognizer?

    init(
        knowledgeBase: KnowledgeBase, prebuilt: ConceptRecognizer?, cache: DictionaryCache?,
        note: @escaping @Sendable (String) -> Void
    ) {
        self.knowledgeBase = knowledgeBase
        self.recognizer = prebuilt
        self.cache = cache
        self.note = note
    }

    func get() -> ConceptRecognizer {
        lock.lock()
        defer { lock.unlock() }
        if let recognizer { return recognizer }
        let started = Date()
        let dictionary: ConceptDictionary
        if let cache {
            let (cached, outcome) = cache.dictionary(for: knowledgeBase)
            dictionary = cached
            let seconds = String(format: "%.3f s", Date().timeIntervalSince(started))
            switch outcome {
            case .loaded: note("concept dictionary read from \(cache.file.path) in \(seconds)")
            case .rebuilt(let reason): note("concept dictionary built and cached in \(seconds) (\(reason))")
            case .unsaved(let reason): note("concept dictionary built in \(seconds); not cached: \(reason)")
            }
        } else {
            dictionary = ConceptDictionary(ontology: knowledgeBase.ontology)
            note(String(format: "concept dictionary built in %.3f s", Date().timeIntervalSince(started)))
        }
        let made = ConceptRecognizer(dictionary: dictionary)
        recognizer = made
        return made
    }
}
