import Clinical

/// What the recognizer read in one text: concept mentions in text order, and the patient's
/// age and sex where the text states them.
public struct TextAnalysis: Sendable, Equatable {
    public var mentions: [ConceptMention]
    /// ISO 8601 duration (`P34Y`, `P3M`), when stated.
    public var age: String?
    /// The phrase the age was read from.
    public var ageEvidence: String?
    public var sex: Sex
    /// The word the sex was read from.
    public var sexEvidence: String?
    public var warnings: [String]

    public init(
        mentions: [ConceptMention] = [], age: String? = nil, ageEvidence: String? = nil, sex: Sex = .unknown,
        sexEvidence: String? = nil, warnings: [String] = []
    ) {
        self.mentions = mentions
        self.age = age
        self.ageEvidence = ageEvidence
        self.sex = sex
        self.sexEvidence = sexEvidence
        self.warnings = warnings
    }

    /// Mentions about the patient (not relatives).
    public var patientMentions: [ConceptMention] { mentions.filter { !$0.context.isFamilyHistory } }
    /// Mentions said of relatives.
    public var familyMentions: [ConceptMention] { mentions.filter(\.context.isFamilyHistory) }
}
