import Clinical
import ConceptRecognition
import Ontology

/// A case after ingestion, with what the text recognizer read (when the case had text):
/// the provenance of every text finding and the findings said of relatives.
public struct IngestedCase: Sendable {
    /// The case every ranker sees.
    public var patientCase: PatientCase
    /// The recognizer's reading of the case's text, if it had text.
    public var analysis: TextAnalysis?
    /// Findings said of relatives: one per term, with the first relative named.
    public var familyHistory: [FamilyFinding]

    private let patientMentions: [TermID: [ConceptMention]]
    private let familyMentions: [TermID: [ConceptMention]]

    public init(patientCase: PatientCase, analysis: TextAnalysis? = nil, familyHistory: [FamilyFinding] = []) {
        self.patientCase = patientCase
        self.analysis = analysis
        self.familyHistory = familyHistory
        self.patientMentions = Dictionary(grouping: analysis?.patientMentions ?? [], by: \.id)
        self.familyMentions = Dictionary(grouping: analysis?.familyMentions ?? [], by: \.id)
    }

    /// The text mentions of the patient's finding `id`.
    public func mentions(of id: TermID) -> [ConceptMention] { patientMentions[id] ?? [] }

    /// The text mentions of the relatives' finding `id`.
    public func familyMentions(of id: TermID) -> [ConceptMention] { familyMentions[id] ?? [] }
}

/// A phenotype the text attributes to a relative.
public struct FamilyFinding: Sendable, Equatable {
    public var id: TermID
    /// The relative as the text names them (`brother`), or `family` for `family history of`.
    public var relative: String
    public var status: Finding.Status

    public init(id: TermID, relative: String, status: Finding.Status) {
        self.id = id
        self.relative = relative
        self.status = status
    }
}
