import Foundation
import Ontology

/// The phrases the recognizer looks for, indexed for matching in any word order.
///
/// Every phrase becomes the multiset of its normalised content words; a multiset is found by
/// an order-independent 64-bit hash (the sum of its words' hashes), so a window of text can be
/// extended word by word and looked up in constant time. Acronyms (`VSD`, `IUGR`) are kept
/// apart and matched case-sensitively.
public struct ConceptDictionary: Sendable, Equatable {
    /// Which synonyms go in besides labels and exact synonyms.
    public struct Options: Sendable, Equatable {
        public var includeRelated: Bool
        public var includeNarrow: Bool
        /// Subtree the dictionary is restricted to (the phenotypic-abnormality branch).
        public var root: TermID

        public init(
            includeRelated: Bool = true, includeNarrow: Bool = false, root: TermID = Ontology.phenotypicAbnormality
        ) {
            self.includeRelated = includeRelated
            self.includeNarrow = includeNarrow
            self.root = root
        }
    }

    /// The synonyms it was built with.
    public let options: Options
    /// Normalised word → vocabulary id.
    public let vocabulary: [String: Int32]
    public let entries: [DictionaryEntry]
    /// Multiset hash → indices into ``entries``.
    let entriesByKey: [UInt64: [Int32]]
    /// Acronym as written → indices into ``entries``.
    let entriesByAcronym: [String: [Int32]]
    /// The most content words any phrase has.
    public let longestPhrase: Int
    /// Each term's label as vocabulary ids.
    private let labelWordsByID: [TermID: [Int32]]
    /// One-word entries that match only as written (or in the plural), lowercased: layperson
    /// synonyms (`Sleepy` and `sleep`) and `-ing`/`-ism` nouns (`Jumping` and `jump`) share
    /// their stem with a different everyday word.
    let literalForms: [Int32: String]

    /// Builds the dictionary from the live terms under `options.root`, plus `supplement`
    /// (acronyms ddx adds where the ontology lacks them; ids not in the branch are ignored).
    public init(ontology: Ontology, options: Options = .init(), supplement: [(String, TermID)] = Abbreviations.common) {
        var builder = Builder()
        guard let rootPosition = ontology.position(of: options.root) else {
            self.init(builder: builder, options: options)
            return
        }
        for position in ontology.descendantIndices(of: rootPosition).sorted() {
            let term = ontology.terms[Int(position)]
            guard !term.isObsolete else { continue }
            let depth = ontology.ancestorIndices[Int(position)].count
            builder.add(term.name, id: term.id, source: .label, depth: depth)
            for shorter in Self.shortenedLabels(term.name) {
                builder.add(shorter, id: term.id, source: .shortenedLabel, depth: depth)
            }
            for synonym in term.synonyms {
                guard let source = Self.source(of: synonym, options: options) else { continue }
                builder.add(synonym.text, id: term.id, source: source, depth: depth)
            }
        }
        for (acronym, id) in supplement {
            guard let position = ontology.position(of: id), !ontology.terms[Int(position)].isObsolete,
                ontology.isAncestor(options.root, of: id)
            else { continue }
            builder.add(acronym, id: id, source: .supplement, depth: ontology.ancestorIndices[Int(position)].count)
        }
        self.init(builder: builder, options: options)
    }

    private init(builder: Builder, options: Options) {
        self.init(
            options: options, vocabulary: builder.vocabulary, entries: builder.entries, acronyms: builder.acronyms,
            labelWords: builder.labelWords)
    }

    /// Reassembles a dictionary from its parts as an archive holds them (`words` in id order).
    init(
        options: Options, words: [String], entries: [DictionaryEntry], acronyms: [(String, Int32)],
        labelWords: [TermID: [Int32]]
    ) {
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(words.count)
        for (id, word) in words.enumerated() { vocabulary[word] = Int32(id) }
        self.init(
            options: options, vocabulary: vocabulary, entries: entries, acronyms: acronyms, labelWords: labelWords)
    }

    /// A dictionary from its entries, built or read back: the lookup indexes are made here, in
    /// entry order, for both. `acronyms` pairs an acronym as written with its entry.
    private init(
        options: Options, vocabulary: [String: Int32], entries: [DictionaryEntry], acronyms: [(String, Int32)],
        labelWords: [TermID: [Int32]]
    ) {
        var byKey: [UInt64: [Int32]] = [:]
        byKey.reserveCapacity(entries.count)
        var longest = 0
        for (index, entry) in entries.enumerated() where !entry.words.isEmpty {
            byKey[Self.key(of: entry.words), default: []].append(Int32(index))
            longest = max(longest, entry.words.count)
        }
        var byAcronym: [String: [Int32]] = [:]
        for (acronym, index) in acronyms { byAcronym[acronym, default: []].append(index) }
        self.options = options
        self.vocabulary = vocabulary
        self.entries = entries
        self.entriesByKey = byKey
        self.entriesByAcronym = byAcronym
        self.longestPhrase = longest
        self.labelWordsByID = labelWords
        self.literalForms = Self.literalForms(of: entries)
    }

    private static func literalForms(of entries: [DictionaryEntry]) -> [Int32: String] {
        var forms: [Int32: String] = [:]
        for (index, entry) in entries.enumerated() where entry.words.count == 1 {
            let written = entry.phrase.lowercased()
            if entry.source == .laypersonSynonym || written.hasSuffix("ing") || written.hasSuffix("ism") {
                forms[Int32(index)] = written
            }
        }
        return forms
    }

    /// The vocabulary in id order (ids are dense, from 0).
    var wordsInIDOrder: [String] {
        var words = [String](repeating: "", count: vocabulary.count)
        for (word, id) in vocabulary { words[Int(id)] = word }
        return words
    }

    /// Every acronym with its entries, in entry order.
    var acronymPairs: [(String, Int32)] {
        entriesByAcronym.flatMap { acronym, indices in indices.map { (acronym, $0) } }.sorted { $0.1 < $1.1 }
    }

    /// Every term's label words.
    var allLabelWords: [TermID: [Int32]] { labelWordsByID }

    /// A phrase's key: the wrapping sum of its words' hashes.
    static func key(of words: [Int32]) -> UInt64 {
        words.reduce(UInt64(0)) { $0 &+ hash($1) }
    }

    /// The vocabulary ids of a term's label (empty for terms outside the dictionary).
    public func labelWords(of id: TermID) -> [Int32] { labelWordsByID[id] ?? [] }

    private static func source(of synonym: Synonym, options: Options) -> DictionaryEntry.Source? {
        switch synonym.scope {
        case .exact:
            if synonym.type == "layperson" { return .laypersonSynonym }
            if synonym.type == "abbreviation" { return .abbreviation }
            return .exactSynonym
        case .related:
            if synonym.type == "layperson" && options.includeRelated { return .laypersonSynonym }
            return options.includeRelated ? .relatedSynonym : nil
        case .narrow: return options.includeNarrow ? .narrowSynonym : nil
        case .broad: return nil
        }
    }

    /// A label as texts write it: `Abnormal rib morphology` → `Abnormal rib` and `rib
    /// malformation` (texts rarely say "morphology"; a malformation is an abnormal morphology);
    /// `Localized skin lesion` → `skin lesion` (nor do they always say where);
    /// `Increased circulating IgG concentration` → `Increased IgG`.
    static func shortenedLabels(_ label: String) -> [String] {
        if label.hasPrefix("Localized ") { return [String(label.dropFirst("Localized ".count))] }
        if label.contains(" circulating "), label.hasSuffix(" concentration") {
            return [
                String(label.dropLast(" concentration".count)).replacingOccurrences(of: " circulating ", with: " ")
            ]
        }
        guard label.hasPrefix("Abnormal "), label.hasSuffix(" morphology") else { return [] }
        let organ = label.dropFirst("Abnormal ".count).dropLast(" morphology".count)
        return ["Abnormal \(organ)", "\(organ) malformation"]
    }

    /// The hash of one vocabulary word; a phrase's key is the wrapping sum over its words.
    @inline(__always)
    static func hash(_ word: Int32) -> UInt64 {
        var z = UInt64(bitPattern: Int64(word)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The best entry whose words are exactly `words` (sorted), given their hash `key`.
    func bestEntry(key: UInt64, words: @autoclosure () -> [Int32], acrossConjunction: Bool = false) -> Int32? {
        guard let candidates = entriesByKey[key] else { return nil }
        let words = words()
        var best: Int32?
        for index in candidates where entries[Int(index)].words == words {
            if acrossConjunction && !entries[Int(index)].hasConjunction { continue }
            if let current = best, !entries[Int(index)].isPreferred(over: entries[Int(current)]) { continue }
            best = index
        }
        return best
    }

    /// Entries for an acronym as written, best first.
    func acronymEntries(_ acronym: String) -> [Int32] {
        (entriesByAcronym[acronym] ?? []).sorted { entries[Int($0)].isPreferred(over: entries[Int($1)]) }
    }

    /// What makes two phrases the same entry.
    private struct Signature: Hashable {
        var id: TermID
        var words: [Int32]
        var acronym: String?
    }

    /// Accumulates phrases into the indexes.
    private struct Builder {
        var vocabulary: [String: Int32] = [:]
        var entries: [DictionaryEntry] = []
        /// Acronyms as written, with their entries, in entry order.
        var acronyms: [(String, Int32)] = []
        var labelWords: [TermID: [Int32]] = [:]
        var seen: Set<Signature> = []
        let tokenizer = Tokenizer()
        let normalizer = WordNormalizer()

        mutating func add(_ phrase: String, id: TermID, source: DictionaryEntry.Source, depth: Int) {
            let tokens = Self.joiningPrefixes(tokenizer.tokens(of: phrase[...])).filter { $0.kind != .punctuation }
            if tokens.count == 1, tokens[0].isAcronym, tokens[0].text.count <= 6 {
                addAcronym(tokens[0].text, phrase: phrase, id: id, source: source, depth: depth)
                return
            }
            let content = tokens.filter { !StopWords.all.contains($0.text.lowercased()) }
            guard !content.isEmpty else { return }
            var words: [Int32] = []
            for token in content {
                let form = normalized(token.text)
                if let known = vocabulary[form] {
                    words.append(known)
                } else {
                    let next = Int32(vocabulary.count)
                    vocabulary[form] = next
                    words.append(next)
                }
            }
            words.sort()
            if source == .label { labelWords[id] = words }
            if words.count == 1, content[0].text.count < 3 { return }
            guard seen.insert(Signature(id: id, words: words, acronym: nil)).inserted else { return }
            let conjunction =
                phrase.contains(",")
                || tokens.contains { StopWords.coordinators.contains($0.text.lowercased()) }
            entries.append(
                DictionaryEntry(
                    id: id, phrase: phrase, source: source, words: words, depth: depth, hasConjunction: conjunction))
        }

        var forms: [String: String] = [:]

        /// `pre-auricular` → one token `preauricular`, as the text side reads it.
        static func joiningPrefixes(_ tokens: [Token]) -> [Token] {
            var result: [Token] = []
            var index = 0
            while index < tokens.count {
                if index + 2 < tokens.count, StopWords.joinablePrefixes.contains(tokens[index].text.lowercased()),
                    tokens[index + 1].text == "-", tokens[index + 2].kind == .word
                {
                    result.append(
                        Token(
                            kind: .word, text: tokens[index].text + tokens[index + 2].text, start: tokens[index].start,
                            end: tokens[index + 2].end))
                    index += 3
                    continue
                }
                result.append(tokens[index])
                index += 1
            }
            return result
        }

        /// The normalised form of a word, remembered: phrases share most of their words.
        mutating func normalized(_ word: String) -> String {
            if let known = forms[word] { return known }
            let form = normalizer.normalize(word)
            forms[word] = form
            return form
        }

        mutating func addAcronym(
            _ acronym: String, phrase: String, id: TermID, source: DictionaryEntry.Source, depth: Int
        ) {
            guard seen.insert(Signature(id: id, words: [], acronym: acronym)).inserted else { return }
            acronyms.append((acronym, Int32(entries.count)))
            entries.append(DictionaryEntry(id: id, phrase: phrase, source: source, words: [], depth: depth))
        }
    }
}
