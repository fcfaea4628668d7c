import Ontology

/// A ranked list of candidate diseases for one case, and what produced it.
public struct Differential: Sendable, Equatable {
    public var caseID: String
    public var entries: [DifferentialEntry]
    /// The knowledge base version, e.g. `hp/releases/2025-01-16`.
    public var knowledgeBase: String
    /// The model name and version.
    public var model: String
    public var warnings: [String]

    public init(caseID: String, entries: [DifferentialEntry], knowledgeBase: String, model: String, warnings: [String])
    {
        self.caseID = caseID
        self.entries = entries
        self.knowledgeBase = knowledgeBase
        self.model = model
        self.warnings = warnings
    }
}

/// One candidate of a differential.
public struct DifferentialEntry: Sendable, Equatable {
    public var rank: Int
    public var diseaseID: String
    public var name: String
    public var score: Double
    public var evidence: Evidence

    public init(rank: Int, diseaseID: String, name: String, score: Double, evidence: Evidence) {
        self.rank = rank
        self.diseaseID = diseaseID
        self.name = name
        self.score = score
        self.evidence = evidence
    }
}

/// Why a candidate scored as it did: the findings that support it and those against it.
public struct Evidence: Sendable, Equatable {
    /// Observed findings and the disease feature each was matched to.
    public var supporting: [FindingMatch]
    /// Findings that count against the disease: excluded findings the disease usually shows,
    /// or observed findings the disease is annotated as not having.
    public var against: [FindingConflict]
    /// Excluded findings that match the disease's features: pertinent negatives, which name
    /// features of the diseases under consideration (weighted as the ranker scores them).
    public var pertinentNegatives: [FindingMatch]

    public init(
        supporting: [FindingMatch] = [], against: [FindingConflict] = [], pertinentNegatives: [FindingMatch] = []
    ) {
        self.supporting = supporting
        self.against = against
        self.pertinentNegatives = pertinentNegatives
    }
}

/// An observed finding matched to a disease feature through their most informative common
/// ancestor; `weight` is what the match added to the score.
public struct FindingMatch: Sendable, Equatable {
    public var query: TermID
    public var diseaseTerm: TermID
    public var commonAncestor: TermID
    public var frequency: Double?
    public var weight: Double

    public init(query: TermID, diseaseTerm: TermID, commonAncestor: TermID, frequency: Double?, weight: Double) {
        self.query = query
        self.diseaseTerm = diseaseTerm
        self.commonAncestor = commonAncestor
        self.frequency = frequency
        self.weight = weight
    }
}

/// A finding that argues against a disease; `weight` is negative, what it took off the score.
public struct FindingConflict: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The patient does not have a feature the disease shows.
        case excludedButExpected = "excluded_but_expected"
        /// The patient has a feature the disease is annotated as not showing.
        case observedButNegated = "observed_but_negated"
    }

    public var query: TermID
    public var diseaseTerm: TermID
    public var kind: Kind
    public var frequency: Double?
    public var weight: Double

    public init(query: TermID, diseaseTerm: TermID, kind: Kind, frequency: Double?, weight: Double) {
        self.query = query
        self.diseaseTerm = diseaseTerm
        self.kind = kind
        self.frequency = frequency
        self.weight = weight
    }
}
