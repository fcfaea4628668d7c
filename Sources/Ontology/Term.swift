/// One HPO term as the OBO release describes it.
public struct Term: Sendable, Equatable {
    public var id: TermID
    public var name: String
    public var definition: String?
    public var synonyms: [Synonym]
    /// Ids merged into this term; a case may still use them.
    public var alternateIDs: [TermID]
    /// Direct `is_a` parents.
    public var parents: [TermID]
    public var isObsolete: Bool
    /// For an obsolete term: the term that replaces it, if the release names one.
    public var replacedBy: TermID?
    /// For an obsolete term: terms the curators suggest considering instead.
    public var consider: [TermID]

    public init(
        id: TermID, name: String, definition: String? = nil, synonyms: [Synonym] = [],
        alternateIDs: [TermID] = [], parents: [TermID] = [], isObsolete: Bool = false,
        replacedBy: TermID? = nil, consider: [TermID] = []
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.synonyms = synonyms
        self.alternateIDs = alternateIDs
        self.parents = parents
        self.isObsolete = isObsolete
        self.replacedBy = replacedBy
        self.consider = consider
    }
}

/// A synonym of a term with its OBO scope (EXACT, BROAD, NARROW, RELATED) and optional type
/// (`layperson`, `abbreviation`, `plural_form`, `uk_spelling`, …).
public struct Synonym: Sendable, Equatable, Hashable {
    public enum Scope: String, Sendable, CaseIterable {
        case exact = "EXACT"
        case broad = "BROAD"
        case narrow = "NARROW"
        case related = "RELATED"
    }

    public var text: String
    public var scope: Scope
    public var type: String?

    public init(text: String, scope: Scope, type: String? = nil) {
        self.text = text
        self.scope = scope
        self.type = type
    }
}
