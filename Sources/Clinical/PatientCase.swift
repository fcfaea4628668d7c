import Ontology

/// A patient case as every ranker sees it: findings with status, age and sex.
///
/// Readers produce it from a ddx case, a phenopacket or (later) free text; `truth` and
/// `references` are carried for evaluation and never used for ranking.
public struct PatientCase: Sendable, Equatable {
    /// The case's own id, or one made from its position in a batch.
    public var id: String
    /// Findings as stated, after id resolution; never the ancestors they imply.
    public var findings: [Finding]
    /// Age as an ISO 8601 duration (`P34Y`, `P3M`), if stated.
    public var age: String?
    public var sex: Sex
    /// Free text the case carried, if any.
    public var text: String?
    /// The confirmed diagnosis, for evaluation only.
    public var truth: String?
    /// Publications the case comes from (e.g. `PMID:10077612`), for the circularity split.
    public var references: [String]
    /// Problems met while reading or normalising the case that did not stop it.
    public var warnings: [String]

    public init(
        id: String, findings: [Finding] = [], age: String? = nil, sex: Sex = .unknown,
        text: String? = nil, truth: String? = nil, references: [String] = [],
        warnings: [String] = []
    ) {
        self.id = id
        self.findings = findings
        self.age = age
        self.sex = sex
        self.text = text
        self.truth = truth
        self.references = references
        self.warnings = warnings
    }

    /// Ids of the findings observed.
    public var presentTerms: [TermID] { findings.filter { $0.status == .present }.map(\.id) }
    /// Ids of the findings stated as absent.
    public var absentTerms: [TermID] { findings.filter { $0.status == .absent }.map(\.id) }
}
