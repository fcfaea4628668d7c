import Ontology

/// One row of phenotype.hpoa: a disease annotated with an HPO term.
public struct Annotation: Sendable, Equatable {
    /// The hpoa aspect: phenotypic abnormality, inheritance, clinical course, modifier.
    public enum Aspect: String, Sendable, CaseIterable {
        case phenotype = "P"
        case inheritance = "I"
        case clinicalCourse = "C"
        case modifier = "M"
        case history = "H"
    }

    public var diseaseID: String
    public var term: TermID
    /// The `NOT` qualifier: the disease is stated not to show the feature.
    public var isNegated: Bool
    public var frequency: Frequency?
    public var onset: TermID?
    /// `MALE` or `FEMALE` where the feature is limited to one sex.
    public var sex: String?
    public var modifiers: [TermID]
    /// Sources of the annotation: `PMID:…`, `OMIM:…`, `ORPHA:…`, `ISBN:…`.
    public var references: [String] {
        get { referenceList.isEmpty ? [] : referenceList.split(separator: ";").map(String.init) }
        set { referenceList = newValue.joined(separator: ";") }
    }
    /// The references as the file writes them, `;`-separated: one string instead of an array
    /// per row keeps loading the 270,000 rows of a release fast.
    public var referenceList: String
    /// Evidence code: IEA, PCS or TAS.
    public var evidence: String
    public var aspect: Aspect
    public var biocuration: String

    public init(
        diseaseID: String, term: TermID, isNegated: Bool = false, frequency: Frequency? = nil,
        onset: TermID? = nil, sex: String? = nil, modifiers: [TermID] = [],
        references: [String] = [], evidence: String = "", aspect: Aspect = .phenotype,
        biocuration: String = ""
    ) {
        self.diseaseID = diseaseID
        self.term = term
        self.isNegated = isNegated
        self.frequency = frequency
        self.onset = onset
        self.sex = sex
        self.modifiers = modifiers
        self.referenceList = references.joined(separator: ";")
        self.evidence = evidence
        self.aspect = aspect
        self.biocuration = biocuration
    }
}
