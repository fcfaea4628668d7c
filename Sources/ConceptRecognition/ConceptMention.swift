import Ontology

/// One phenotype concept found in a text, with why it was found and what the text says of it.
public struct ConceptMention: Sendable, Equatable {
    /// The live HPO term.
    public var id: TermID
    /// Offsets of the mention (Unicode scalars, end exclusive) in the analysed text.
    public var start: Int
    public var end: Int
    /// The words of the text that matched, as written (with `…` where words were skipped).
    public var matchedText: String
    /// The ontology's phrase (label or synonym) that matched.
    public var synonym: String
    public var source: DictionaryEntry.Source
    /// What the surrounding words say about the finding.
    public var context: MentionContext

    public init(
        id: TermID, start: Int, end: Int, matchedText: String, synonym: String, source: DictionaryEntry.Source,
        context: MentionContext = MentionContext()
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.matchedText = matchedText
        self.synonym = synonym
        self.source = source
        self.context = context
    }
}

/// The ConText assertions about one mention, each with the cue that triggered it.
public struct MentionContext: Sendable, Equatable {
    /// The text says the patient does not have it (`no seizures`, `cataracts were absent`).
    public var negation: String?
    /// Said of a relative, not the patient (`her brother had cataracts`): the relative.
    public var relative: String?
    /// Hedged (`possible`, `rule out`): kept, but marked.
    public var uncertainty: String?
    /// In the past (`history of`, `previously`): kept, but marked.
    public var historical: String?

    public init(negation: String? = nil, relative: String? = nil, uncertainty: String? = nil, historical: String? = nil)
    {
        self.negation = negation
        self.relative = relative
        self.uncertainty = uncertainty
        self.historical = historical
    }

    public var isNegated: Bool { negation != nil }
    public var isFamilyHistory: Bool { relative != nil }
}
