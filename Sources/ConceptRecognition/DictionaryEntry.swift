import Ontology

/// One phrase of the concept dictionary: a term's label or synonym, as words to match.
public struct DictionaryEntry: Sendable, Equatable {
    /// Where the phrase comes from, best first: ties between terms go to the better source.
    public enum Source: Int, Sendable, Comparable, CustomStringConvertible {
        case label = 0
        case exactSynonym
        case laypersonSynonym
        case abbreviation
        /// A label shortened by ddx (`Abnormal rib morphology` → `Abnormal rib`).
        case shortenedLabel
        case relatedSynonym
        case narrowSynonym
        case supplement
        /// A laboratory value outside its reference range (the "synonym" is the rule).
        case labValue

        public static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .label: "label"
            case .exactSynonym: "exact synonym"
            case .laypersonSynonym: "layperson synonym"
            case .abbreviation: "abbreviation"
            case .shortenedLabel: "shortened label"
            case .relatedSynonym: "related synonym"
            case .narrowSynonym: "narrow synonym"
            case .supplement: "ddx abbreviation list"
            case .labValue: "lab value"
            }
        }
    }

    public var id: TermID
    /// The phrase as the ontology writes it.
    public var phrase: String
    public var source: Source
    /// The phrase's content words as vocabulary ids, sorted (a multiset: order does not matter).
    public var words: [Int32]
    /// How many ancestors the term has: more means more specific.
    public var depth: Int
    /// Whether the phrase itself joins words with `and`/`or` (`Cleft lip and palate`); only
    /// such phrases may match across a conjunction in the text.
    public var hasConjunction: Bool

    public init(id: TermID, phrase: String, source: Source, words: [Int32], depth: Int, hasConjunction: Bool = false) {
        self.id = id
        self.phrase = phrase
        self.source = source
        self.words = words
        self.depth = depth
        self.hasConjunction = hasConjunction
    }

    /// True when this entry should win over `other` for the same words.
    func isPreferred(over other: DictionaryEntry) -> Bool {
        if source != other.source { return source < other.source }
        if depth != other.depth { return depth > other.depth }
        return id < other.id
    }
}
