/// Resolves acronyms (`VSD`, `ID`) in context, across the passages of one text.
///
/// An acronym defined in the text (`intellectual disability (ID)`) means what its long form
/// matched; one defined after a phrase that is not a phenotype (`Marfan syndrome (MFS)`) is
/// never matched. Otherwise the dictionary's acronyms apply; when one means several terms,
/// the term already found in the text, or else the one most of whose label words the text
/// uses, wins.
struct AcronymResolver {
    let dictionary: ConceptDictionary
    /// Acronym → entry defined by the text, or nil when the text defined it as something else.
    private var definitions: [String: Int32?] = [:]
    /// Terms found so far in the text.
    private var seen: Set<Int32> = []

    init(dictionary: ConceptDictionary) {
        self.dictionary = dictionary
    }

    /// Acronym matches in the passage; `matches` are the phrase matches already made.
    mutating func matches(in passage: Passage, after matches: [PhraseMatch]) -> [PhraseMatch] {
        let endings = Dictionary(matches.map { ($0.last, $0.entry) }, uniquingKeysWith: { first, _ in first })
        for match in matches { seen.insert(dictionary.entries[Int(match.entry)].id.rawValue) }
        var found: [PhraseMatch] = []
        for index in 0..<passage.count where passage.tokens[index].isAcronym {
            let acronym = passage.tokens[index].text
            guard acronym.count <= 6, !namesATest(at: index, in: passage) else { continue }
            if isDefinition(at: index, in: passage) {
                if definitions[acronym] == nil { definitions[acronym] = .some(endings[index - 2]) }
                continue
            }
            let entry: Int32?
            if let defined = definitions[acronym] {
                entry = defined
            } else {
                entry = resolve(acronym, in: passage)
            }
            guard let entry else { continue }
            found.append(PhraseMatch(entry: entry, tokenIndices: [index]))
            seen.insert(dictionary.entries[Int(entry)].id.rawValue)
        }
        return found
    }

    /// Words that, right after an acronym, make it the name of a test or method (`MR
    /// spectroscopy`, `MR imaging`): the acronym is then not a finding.
    private static let testWords: Set<String> = [
        "spectroscopy", "imaging", "angiography", "angiogram", "venography", "scan", "scans", "sequence",
        "sequences", "images", "image", "signal", "tractography", "elastography",
    ]

    private func namesATest(at index: Int, in passage: Passage) -> Bool {
        index + 1 < passage.count && Self.testWords.contains(passage.lower[index + 1])
    }

    /// `… long form (ACRONYM)`: the acronym in parentheses right after other words.
    private func isDefinition(at index: Int, in passage: Passage) -> Bool {
        guard index >= 2, index + 1 < passage.count else { return false }
        return passage.tokens[index - 1].text == "(" && passage.tokens[index + 1].text == ")"
            && passage.tokens[index - 2].kind != .punctuation
    }

    private func resolve(_ acronym: String, in passage: Passage) -> Int32? {
        let candidates = dictionary.acronymEntries(acronym)
        guard candidates.count > 1 else { return candidates.first }
        if let known = candidates.first(where: { seen.contains(dictionary.entries[Int($0)].id.rawValue) }) {
            return known
        }
        let words = Set(passage.wordIDs.filter { $0 >= 0 })
        let scored = candidates.map { candidate in
            (candidate, dictionary.labelWords(of: dictionary.entries[Int(candidate)].id).filter(words.contains).count)
        }
        let best = scored.max { $0.1 < $1.1 }
        return best.map(\.0)
    }
}
