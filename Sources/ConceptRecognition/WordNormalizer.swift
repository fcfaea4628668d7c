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
    ///
    /// "Signs" and "changes" of an organ are its abnormality (`neurological signs`, `white
    /// matter changes`). "Malformation" is not: it means abnormal *morphology*, and reading it
    /// as "abnormality" made `cardiovascular malformations` outrank `Cardiovascular
    /// abnormality`; the ontology lists malformation synonyms itself.
    private static let equivalents: [String: String] = [
        "anomal": "abnorm", "abnormalit": "abnorm", "sign": "abnorm", "chang": "abnorm", "numer": "multipl",
        "cutane": "skin", "pulmonar": "lung", "hepat": "liver", "cardiac": "heart", "ocul": "eye", "faci": "fac",
        "dent": "tooth", "ren": "kidney", "ophthalm": "eye", "ophthalmolog": "eye", "otic": "ear",
        "auditor": "hear", "reduc": "decreas", "diminish": "decreas",
    ]

    /// The lower-case form used to look up stop words and context cues.
    public func lowercase(_ word: String) -> String { word.lowercased() }

    static func americanSpelling(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 4 else { return word }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (byte == UInt8(ascii: "a") || byte == UInt8(ascii: "o")) && next == UInt8(ascii: "e") {
                output.append(UInt8(ascii: "e"))  // haem → hem, oedema → edema
                index += 2
                changed = true
                continue
            }
            if byte == UInt8(ascii: "o"), next == UInt8(ascii: "u"), index + 2 < bytes.count,
                bytes[index + 2] == UInt8(ascii: "r"),
                index + 3 == bytes.count || (index + 4 == bytes.count && bytes[index + 3] == UInt8(ascii: "s"))
            {
                output.append(UInt8(ascii: "o"))  // tumour → tumor
                index += 2
                changed = true
                continue
            }
            output.append(byte)
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : word
    }

    /// Ordered suffix rules: the first that fits (leaving at least three letters) is applied.
    private static let suffixes: [(suffix: String, replacement: String)] = [
        ("ically", ""), ("ally", ""), ("ities", "it"), ("cular", "cl"), ("eous", "e"), ("ous", ""), ("ments", ""),
        ("astic", "as"),
        ("asias", "as"), ("asia", "as"), ("otic", "os"), ("osis", "os"), ("oses", "os"), ("ical", ""),
        ("ment", ""), ("ity", "it"), ("ies", ""), ("ism", ""), ("ing", ""), ("ed", ""), ("ly", ""), ("ic", ""),
        ("ia", ""), ("al", ""), ("ar", ""), ("es", ""), ("as", ""), ("s", ""), ("y", ""), ("e", ""), ("a", ""),
    ]

    private static let suffixBytes: [(suffix: [UInt8], replacement: [UInt8], minimum: Int)] = suffixes.map {
        let minimum = $0.suffix == "ia" || $0.suffix == "ic" || $0.suffix == "ly" ? 4 : 3
        return (Array($0.suffix.utf8), Array($0.replacement.utf8), minimum)
    }

    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 3 else { return word }
        for (suffix, replacement, minimum) in suffixBytes where bytes.count - suffix.count >= minimum {
            guard bytes.suffix(suffix.count).elementsEqual(suffix) else { continue }
            let before = bytes[bytes.count - suffix.count - 1]
            if suffix == [UInt8(ascii: "y")], isVowel(before) { continue }
            if suffix == [UInt8(ascii: "s")],
                before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i")
            {
                return word
            }
            return String(decoding: bytes.dropLast(suffix.count) + replacement, as: UTF8.self)
        }
        return word
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o")
            || byte == UInt8(ascii: "u")
    }
}
