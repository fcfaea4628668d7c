import Foundation

/// Turns a disease name into a key under which spellings of the same name meet: case,
/// diacritics, punctuation, Roman and Arabic numerals ("type II" = "type 2"), word order,
/// filler words and common abbreviations ("NF1" = "neurofibromatosis type 1") are ignored.
///
/// ```swift
/// let normalizer = DiseaseNameNormalizer()
/// normalizer.key("Neurofibromatosis, type I") == normalizer.key("NF1")   // true
/// normalizer.key("Gaucher disease, type II") == normalizer.key("gaucher type 2 disease")  // true
/// ```
public struct DiseaseNameNormalizer: Sendable {
    /// Abbreviations, lowercase, and what they stand for. An abbreviation followed by a number
    /// (`sca3`, `cmt1a`) is split first.
    public var abbreviations: [String: String]

    public init(abbreviations: [String: String] = DiseaseNameNormalizer.commonAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// Words that carry no meaning for matching names.
    static let fillers: Set<String> = ["the", "of", "a", "an", "and", "type", "form"]
    /// Words after which a single Roman numeral letter (i, v, x) is read as a number.
    static let numberedWords: Set<String> = ["type", "group", "class", "grade", "form", "stage", "factor", "complex"]

    /// A light key: case, diacritics, punctuation and spacing only. Used for strict grading.
    public func literalKey(_ name: String) -> String {
        tokens(of: name).joined(separator: " ")
    }

    /// The full key: ``literalKey(_:)`` plus abbreviations, numerals, filler words, word order.
    public func key(_ name: String) -> String {
        var words: [String] = []
        for token in tokens(of: name) { words += expand(token) }
        var numbered: [String] = []
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1] : ""
            numbered.append(RomanNumeral.arabic(word, afterNumberedWord: Self.numberedWords.contains(previous)) ?? word)
        }
        return numbered.filter { !Self.fillers.contains($0) }.sorted().joined(separator: " ")
    }

    private func tokens(of name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let possessiveFree = folded.replacingOccurrences(of: "'s\\b", with: "", options: .regularExpression)
            .replacingOccurrences(of: "’s\\b", with: "", options: .regularExpression)
        let spaced = String(
            possessiveFree.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " })
        return spaced.split(separator: " ").map(String.init)
    }

    private func expand(_ token: String) -> [String] {
        if let whole = abbreviations[token] { return whole.split(separator: " ").map(String.init) }
        guard let match = token.wholeMatch(of: /([a-z]{2,})([0-9]+[a-z]?)/),
            let expansion = abbreviations[String(match.1)]
        else { return [token] }
        return expansion.split(separator: " ").map(String.init) + [String(match.2)]
    }

    /// Common clinical abbreviations of disease names (lowercase).
    public static let commonAbbreviations: [String: String] = [
        "nf": "neurofibromatosis", "eds": "ehlers danlos syndrome", "tsc": "tuberous sclerosis",
        "cf": "cystic fibrosis", "oi": "osteogenesis imperfecta", "dmd": "duchenne muscular dystrophy",
        "bmd": "becker muscular dystrophy", "sma": "spinal muscular atrophy", "pku": "phenylketonuria",
        "als": "amyotrophic lateral sclerosis", "fap": "familial adenomatous polyposis",
        "mps": "mucopolysaccharidosis", "sca": "spinocerebellar ataxia", "cmt": "charcot marie tooth disease",
        "lgmd": "limb girdle muscular dystrophy", "mody": "maturity onset diabetes of the young",
        "pcd": "primary ciliary dyskinesia", "adpkd": "polycystic kidney disease",
        "sed": "spondyloepiphyseal dysplasia", "syn": "syndrome", "synd": "syndrome", "dz": "disease",
        "def": "deficiency", "defic": "deficiency", "mnd": "motor neuron disease",
    ]
}
