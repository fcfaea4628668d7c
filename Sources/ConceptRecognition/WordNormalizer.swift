import Foundation

/// Reduces a word to the form the dictionary and the text are compared in.
///
/// Lower case, accents folded (`Sjögren` → `sjogren`), British spellings made American
/// (`oedema` → `edema`, `haemorrhage` → `hemorrhage`, `tumour` → `tumor`) and one suffix
/// stripped, so that inflections and adjective/noun pairs meet: `nails`/`nail`,
/// `hypoplastic`/`hypoplasia`, `scoliotic`/`scoliosis`, `anemic`/`anemia`, `delayed`/`delay`.
/// Both sides go through the same function, so a crude stem is harmless as long as two
/// different medical words rarely share one.
public struct WordNormalizer: Sendable {
    public init() {}

    /// The comparison form of one word token.
    public func normalize(_ word: String) -> String {
        var form = word.lowercased()
        if !form.utf8.allSatisfy({ $0 < 0x80 }) {
            form = form.folding(options: [.diacriticInsensitive], locale: nil)
        }
        if let singular = Self.latinPlurals[form] { form = singular }
        if form.hasSuffix("ae"), form.count > 4 { form.removeLast() }
        form = Self.americanSpelling(form)
        let stem = Self.stem(form)
        return Self.equivalents[stem] ?? stem
    }

    /// Latin plurals whose singular the suffix rules would not reach.
    private static let latinPlurals: [String: String] = [
        "nevi": "nevus", "naevi": "nevus", "foci": "focus", "bronchi": "bronchus", "calculi": "calculus",
        "nuclei": "nucleus", "teeth": "tooth", "feet": "foot", "phalanges": "phalanx", "digiti": "digitus",
    ]

    /// Stems that mean the same in a phenotype phrase: one stands for all.
    private static let equivalents: [String: String] = [
        "anomal": "abnorm", "abnormalit": "abnorm", "malformation": "abnorm", "numer": "multipl",
        "cutane": "skin", "pulmonar": "lung", "hepat": "liver", "cardiac": "heart", "ocul": "eye", "faci": "fac",
        "dent": "tooth", "ren": "kidney",
    ]

    /// The lower-case form used to look up stop words and context cues.
    public func lowercase(_ word: String) -> String { word.lowercased() }

    static func americanSpelling(_ word: String) -> String {
        guard word.count > 4 else { return word }
        var form = word
        if form.contains("ae") { form = form.replacingOccurrences(of: "ae", with: "e") }
        if form.contains("oe") { form = form.replacingOccurrences(of: "oe", with: "e") }
        if form.hasSuffix("our") || form.hasSuffix("ours") { form = form.replacingOccurrences(of: "our", with: "or") }
        return form
    }

    /// Ordered suffix rules: the first that fits (leaving at least three letters) is applied.
    private static let suffixes: [(suffix: String, replacement: String)] = [
        ("ically", ""), ("ally", ""), ("ities", "it"), ("cular", "cl"), ("eous", "e"), ("ous", ""), ("ments", ""), ("astic", "as"),
        ("asias", "as"), ("asia", "as"), ("otic", "os"), ("osis", "os"), ("oses", "os"), ("ical", ""),
        ("ment", ""), ("ity", "it"), ("ies", ""), ("ism", ""), ("ing", ""), ("ed", ""), ("ly", ""), ("ic", ""),
        ("ia", ""), ("al", ""), ("ar", ""), ("es", ""), ("as", ""), ("s", ""), ("y", ""), ("e", ""), ("a", ""),
    ]

    static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 3 else { return word }
        for (suffix, replacement) in suffixes where word.hasSuffix(suffix) {
            let minimum = suffix == "ia" || suffix == "ic" || suffix == "ly" ? 4 : 3
            guard utf8.count - suffix.utf8.count >= minimum else { continue }
            if suffix == "y", let before = word.dropLast().last, "aeiou".contains(before) { continue }
            if suffix == "s", word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }
}
