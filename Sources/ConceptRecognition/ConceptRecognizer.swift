import Clinical
import Ontology

/// Finds HPO phenotype concepts in English clinical text, with their context (negated, of a
/// relative, uncertain, historical), and the patient's age and sex where stated.
///
/// Build it once per dictionary; ``analyse(_:)`` is pure and may run on many texts at once.
/// Long texts are read in passages of about 32,000 characters cut at line or sentence ends,
/// so memory stays bounded.
public struct ConceptRecognizer: Sendable {
    public let dictionary: ConceptDictionary
    /// Scalars per passage before the next line or sentence end cuts it.
    let passageLength = 32_768

    /// Terms the dictionary covers: lab findings outside them are not reported.
    private let terms: Set<TermID>
    /// Word ids remembered across texts.
    private let wordCache = WordCache()

    public init(dictionary: ConceptDictionary) {
        self.dictionary = dictionary
        self.terms = Set(dictionary.entries.map(\.id))
    }

    public init(ontology: Ontology, options: ConceptDictionary.Options = .init()) {
        self.init(dictionary: ConceptDictionary(ontology: ontology, options: options))
    }

    /// Everything the recognizer reads in `text`.
    public func analyse(_ text: String) -> TextAnalysis {
        var analysis = TextAnalysis()
        var acronyms = AcronymResolver(dictionary: dictionary)
        let tokenizer = Tokenizer()
        var words = WordLookup(shared: wordCache)
        let matcher = PhraseMatcher(dictionary: dictionary)
        let classifier = ContextClassifier()
        let labs = LabValueReader()
        var firstTokens: [Token] = []
        for (range, offset) in passages(of: text) {
            let tokens = tokenizer.tokens(of: text[range], offset: offset)
            if firstTokens.isEmpty { firstTokens = tokens }
            let passage = Passage(tokens: tokens, dictionary: dictionary, words: &words)
            var matches = matcher.matches(in: passage)
            matches += acronyms.matches(in: passage, after: matches)
            matches.sort { $0.first < $1.first }
            var mentions: [ConceptMention] = []
            for match in matches {
                var mention = mention(for: match, in: passage)
                mention.context = classifier.context(of: match.first, match.last, in: passage)
                mentions.append(mention)
            }
            for reading in labs.readings(in: passage, text: text[range], offset: offset) {
                if let warning = reading.warning { analysis.warnings.append(warning) }
                if let mention = reading.mention, terms.contains(mention.id) { mentions.append(mention) }
            }
            analysis.mentions += mentions.sorted { $0.start < $1.start }
        }
        let demographics = DemographicsReader()
        if let age = demographics.age(in: text, tokens: firstTokens) {
            analysis.age = age.duration
            analysis.ageEvidence = age.evidence
        }
        if let sex = demographics.sex(in: firstTokens) {
            analysis.sex = sex.sex
            analysis.sexEvidence = sex.evidence
        }
        return analysis
    }

    private func mention(for match: PhraseMatch, in passage: Passage) -> ConceptMention {
        let entry = dictionary.entries[Int(match.entry)]
        var text = passage.tokens[match.first].text
        for (previous, next) in zip(match.tokenIndices, match.tokenIndices.dropFirst()) {
            let between = (previous + 1)..<next
            if between.contains(where: { passage.wordIDs[$0] >= 0 || passage.wordIDs[$0] == Passage.unknown }) {
                text += " … " + passage.tokens[next].text
                continue
            }
            var end = passage.tokens[previous].end
            for index in between.lowerBound...next {
                if end < passage.tokens[index].start { text += " " }
                text += passage.tokens[index].text
                end = passage.tokens[index].end
            }
        }
        return ConceptMention(
            id: entry.id, start: passage.tokens[match.first].start, end: passage.tokens[match.last].end,
            matchedText: text, synonym: entry.phrase, source: entry.source)
    }

    /// Ranges of `text` of about ``passageLength`` scalars, cut after a newline or a full stop
    /// (or any space when a passage runs far too long), with each range's scalar offset.
    private func passages(of text: String) -> [(Range<String.Index>, Int)] {
        var result: [(Range<String.Index>, Int)] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var startOffset = 0
        var offset = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            offset += 1
            let length = offset - startOffset
            let cut =
                (length >= passageLength && (scalar == "\n" || scalar == "."))
                || (length >= 2 * passageLength && scalar.properties.isWhitespace) || length >= 4 * passageLength
            if cut {
                result.append((start..<index, startOffset))
                start = index
                startOffset = offset
            }
        }
        if start < scalars.endIndex { result.append((start..<scalars.endIndex, startOffset)) }
        return result
    }
}
