/// The words of NegEx/ConText-style context rules, lower case, as token sequences.
enum ContextCues {
    /// Before a finding: it is absent.
    static let negationBefore: [[String]] = phrases([
        "no", "not", "without", "denies", "denied", "deny", "negative for", "absence of", "free of",
        "never", "none", "lack of", "lacks", "lacked", "lacking", "no evidence of", "no signs of", "no sign of",
        "ruled out", "excluded", "non", "nor", "neither", "did not have", "does not have", "unremarkable for",
        "no history of", "no family history of", "there was no", "there were no",
    ])
    /// After a finding: it is absent.
    static let negationAfter: [[String]] = phrases([
        "absent", "was absent", "were absent", "not present", "was not present", "were not present", "not seen",
        "not observed", "not detected", "was negative", "were negative", "was excluded", "were excluded",
        "ruled out", "was ruled out", "were ruled out", "not found", "was not found", "were not found",
        "was not observed", "were not observed", "was not noted", "were not noted", "not noted",
    ])
    /// Before a finding: it is uncertain.
    static let uncertaintyBefore: [[String]] = phrases([
        "possible", "possibly", "probable", "probably", "suspected", "suspicion of", "suspect", "rule out", "r/o",
        "questionable", "query", "may have", "might have", "likely", "concern for", "concerning for",
        "cannot be excluded", "could not be excluded", "differential", "versus", "vs",
    ])
    /// After a finding: it is uncertain.
    static let uncertaintyAfter: [[String]] = phrases([
        "cannot be excluded", "could not be excluded", "is suspected", "was suspected", "was questioned",
    ])
    /// Before a finding: it is in the past.
    static let historicalBefore: [[String]] = phrases([
        "history of", "previous", "previously", "prior", "past", "formerly", "had been", "resolved",
    ])
    /// Words that end a trigger's scope.
    static let terminators: Set<String> = [
        "but", "however", "although", "though", "except", "apart", "aside", "whereas", "while", "yet", "which",
        "who", "because", "since", "presented", "presents", "showed", "shows", "developed", "revealed",
        "demonstrated", "exhibited", "had", "has", "later", "then", "subsequently", "whom", "now",
    ]
    /// Relatives whose findings go to family history (lower case, singular and plural).
    static let relatives: Set<String> = [
        "mother", "father", "brother", "brothers", "sister", "sisters", "sibling", "siblings", "sib", "sibs",
        "aunt", "aunts", "uncle", "uncles", "cousin", "cousins", "grandmother", "grandfather", "grandparents",
        "grandparent", "son", "sons", "daughter", "daughters", "niece", "nieces", "nephew", "nephews",
        "relative", "relatives", "twin", "mom", "dad", "grandson", "granddaughter", "half-brother",
        "half-sister", "stepbrother", "stepsister",
    ]
    /// Words naming the patient: a relative named before them is not the subject.
    static let patientWords: Set<String> = [
        "he", "she", "patient", "proband", "boy", "girl", "child", "infant", "man", "woman", "index",
    ]

    /// Every word that ends some cue, and every word that starts one: most words are neither,
    /// so the scan skips them with one set look-up.
    private static let lastWords: Set<String> = Set(
        (negationBefore + uncertaintyBefore + historicalBefore).compactMap(\.last))
    private static let firstWords: Set<String> = Set((negationAfter + uncertaintyAfter).compactMap(\.first))

    /// The cues of `cues` whose last word is `word` (none when no cue ends with it).
    static func endingWith(_ word: String, in cues: [[String]]) -> [[String]] {
        lastWords.contains(word) ? cues.filter { $0.last == word } : []
    }

    /// The cues of `cues` whose first word is `word`.
    static func startingWith(_ word: String, in cues: [[String]]) -> [[String]] {
        firstWords.contains(word) ? cues.filter { $0.first == word } : []
    }

    private static func phrases(_ list: [String]) -> [[String]] {
        list.map { phrase in
            Tokenizer().tokens(of: phrase[...]).map { $0.text.lowercased() }
        }
    }
}
