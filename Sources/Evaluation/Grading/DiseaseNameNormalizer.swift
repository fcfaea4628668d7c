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
        key(tokens: tokens(of: name))
    }

    /// Both keys, reading the name once.
    public func keys(_ name: String) -> (literal: String, full: String) {
        let tokens = tokens(of: name)
        return (tokens.joined(separator: " "), key(tokens: tokens))
    }

    private func key(tokens: [String]) -> String {
        var words: [String] = []
        for token in tokens { words += expand(token) }
        var numbered: [String] = []
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1] : ""
            // A lone "i" or "v" ends many names as a numeral ("Thrombocytopenia I"); a lone "x" does not ("Fragile X").
            let isNumbered =
                Self.numberedWords.contains(previous) || (index == words.count - 1 && index > 0 && word != "x")
            numbered.append(RomanNumeral.arabic(word, afterNumberedWord: isNumbered) ?? word)
        }
        return numbered.filter { !Self.fillers.contains($0) }.sorted().joined(separator: " ")
    }

    private func tokens(of name: String) -> [String] {
        // Folding is slow on Linux: only names with non-ASCII letters need it.
        let folded =
            name.utf8.allSatisfy { $0 < 0x80 }
            ? name : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let scalars = Array(folded.lowercased().unicodeScalars)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func finish() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            // "Crohn's disease" → "crohn disease": a possessive 's is dropped.
            if scalar == "'" || scalar == "\u{2019}", index + 1 < scalars.count, scalars[index + 1] == "s",
                index + 2 == scalars.count || !Self.isAlphanumeric(scalars[index + 2])
            {
                index += 2
                continue
            }
            if Self.isAlphanumeric(scalar) { current.append(scalar) } else { finish() }
            index += 1
        }
        finish()
        return tokens
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) }
        return CharacterSet.alphanumerics.contains(scalar)
    }

    private func expand(_ token: String) -> [String] {
        if let whole = abbreviations[token] { return whole.split(separator: " ").map(String.init) }
        // An abbreviation followed by a number and perhaps a subtype letter: "sca3", "cmt1a".
        let letters = token.prefix { $0.isASCII && $0.isLetter }
        let rest = token.dropFirst(letters.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let suffix = rest.dropFirst(digits.count)
        guard letters.count >= 2, !digits.isEmpty, suffix.count <= 1, suffix.allSatisfy({ $0.isASCII && $0.isLetter }),
            let expansion = abbreviations[String(letters)]
        else { return [token] }
        return expansion.split(separator: " ").map(String.init) + [String(rest)]
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
