import BinaryFormat
import Ontology

/// Reads concept dictionaries, turning a short or malformed read into ``DictionaryArchiveError/truncated``.
typealias DictionaryReader = ByteReader<DictionaryArchiveError>

/// The concept dictionary as bytes, so it can be built once and cached in the data directory.
///
/// Layout (little-endian): the magic `DDXCDICT`; the format version; a fingerprint of the
/// builder's recipe (``recipeFingerprint``); the knowledge base it was built from; the synonym
/// options; the payload's length and FNV-1a 64-bit checksum; then the payload — vocabulary in
/// id order, entries, acronyms, label words. The hash index is rebuilt on reading (a few
/// milliseconds), so the file stays compact and independent of the hash function's layout.
public enum DictionaryArchive {
    /// Bump when the layout changes.
    public static let formatVersion: UInt32 = 1
    /// Bump when the builder changes in a way ``recipeFingerprint`` cannot see.
    static let builderRevision: UInt64 = 5
    static let magic: [UInt8] = Array("DDXCDICT".utf8)

    /// The archive of `dictionary`, stamped with `knowledgeBase` (the version it was built from).
    public static func encode(_ dictionary: ConceptDictionary, knowledgeBase: String) -> [UInt8] {
        var payload = ByteWriter()
        let words = dictionary.wordsInIDOrder
        payload.append(UInt32(words.count))
        for word in words { payload.append(word) }
        payload.append(UInt32(dictionary.entries.count))
        for entry in dictionary.entries {
            payload.append(entry.id.rawValue)
            payload.append(entry.phrase)
            payload.append(UInt8(entry.source.rawValue))
            payload.append(UInt32(clamping: entry.depth))
            payload.append(entry.hasConjunction ? UInt8(1) : 0)
            appendWords(entry.words, to: &payload)
        }
        let acronyms = dictionary.acronymPairs
        payload.append(UInt32(acronyms.count))
        for (acronym, index) in acronyms {
            payload.append(acronym)
            payload.append(index)
        }
        let labels = dictionary.allLabelWords.sorted { $0.key < $1.key }
        payload.append(UInt32(labels.count))
        for (id, words) in labels {
            payload.append(id.rawValue)
            appendWords(words, to: &payload)
        }
        var archive = ByteWriter()
        archive.append(bytes: magic)
        archive.append(formatVersion)
        archive.append(recipeFingerprint)
        archive.append(knowledgeBase)
        append(dictionary.options, to: &archive)
        archive.append(UInt64(payload.bytes.count))
        archive.append(FNV1a64.hash(payload.bytes[...]))
        archive.append(bytes: payload.bytes)
        return archive.bytes
    }

    /// The dictionary in `bytes`, provided it was built by this builder, from `knowledgeBase`,
    /// with `options`; any damage or mismatch is an error, never a crash.
    public static func decode(
        _ bytes: [UInt8], knowledgeBase: String, options: ConceptDictionary.Options = .init()
    ) throws(DictionaryArchiveError) -> ConceptDictionary {
        var reader = DictionaryReader(bytes)
        guard (try? reader.readBytes(magic.count)).map({ $0.elementsEqual(magic) }) == true else {
            throw .notAnArchive
        }
        let version = try reader.readInteger() as UInt32
        guard version == formatVersion else { throw .formatVersion(found: version, expected: formatVersion) }
        guard try reader.readInteger() as UInt64 == recipeFingerprint else { throw .recipe }
        let builtFrom = try reader.readString()
        guard builtFrom == knowledgeBase else { throw .knowledgeBase(found: builtFrom, expected: knowledgeBase) }
        guard try readOptions(&reader) == options else { throw .options }
        let length = try reader.readInteger() as UInt64
        let sum = try reader.readInteger() as UInt64
        guard length == UInt64(reader.remaining) else { throw .truncated }
        let start = reader.offset
        guard FNV1a64.hash(bytes[start...]) == sum else { throw .checksum }
        return try readPayload(&reader, options: options)
    }

    private static func readPayload(
        _ reader: inout DictionaryReader, options: ConceptDictionary.Options
    ) throws(DictionaryArchiveError) -> ConceptDictionary {
        let wordCount = try reader.readCount(itemSize: 4)
        var words: [String] = []
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount { words.append(try reader.readString()) }
        guard Set(words).count == words.count else { throw .truncated }
        let entryCount = try reader.readCount(itemSize: 14)
        var entries: [DictionaryEntry] = []
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let id = TermID(try reader.readInteger() as Int32)
            let phrase = try reader.readString()
            guard let source = DictionaryEntry.Source(rawValue: Int(try reader.readInteger() as UInt8)) else {
                throw .truncated
            }
            let depth = Int(try reader.readInteger() as UInt32)
            let conjunction = try reader.readInteger() as UInt8 != 0
            let entryWords = try readWords(&reader, vocabularySize: wordCount)
            entries.append(
                DictionaryEntry(
                    id: id, phrase: phrase, source: source, words: entryWords, depth: depth,
                    hasConjunction: conjunction))
        }
        let acronymCount = try reader.readCount(itemSize: 8)
        var acronyms: [(String, Int32)] = []
        acronyms.reserveCapacity(acronymCount)
        for _ in 0..<acronymCount {
            let acronym = try reader.readString()
            let index = try reader.readInteger() as Int32
            guard index >= 0, Int(index) < entries.count else { throw .truncated }
            acronyms.append((acronym, index))
        }
        let labelCount = try reader.readCount(itemSize: 8)
        var labelWords: [TermID: [Int32]] = [:]
        labelWords.reserveCapacity(labelCount)
        for _ in 0..<labelCount {
            let id = TermID(try reader.readInteger() as Int32)
            labelWords[id] = try readWords(&reader, vocabularySize: wordCount)
        }
        guard reader.remaining == 0 else { throw .truncated }
        return ConceptDictionary(
            options: options, words: words, entries: entries, acronyms: acronyms, labelWords: labelWords)
    }

    private static func appendWords(_ words: [Int32], to writer: inout ByteWriter) {
        writer.append(UInt32(words.count))
        for word in words { writer.append(word) }
    }

    private static func readWords(
        _ reader: inout DictionaryReader, vocabularySize: Int
    ) throws(DictionaryArchiveError) -> [Int32] {
        let count = try reader.readCount(itemSize: 4)
        var words: [Int32] = []
        words.reserveCapacity(count)
        for _ in 0..<count {
            let word = try reader.readInteger() as Int32
            guard word >= 0, Int(word) < vocabularySize else { throw .truncated }
            words.append(word)
        }
        return words
    }

    private static func append(_ options: ConceptDictionary.Options, to writer: inout ByteWriter) {
        writer.append(options.includeRelated ? UInt8(1) : 0)
        writer.append(options.includeNarrow ? UInt8(1) : 0)
        writer.append(options.root.rawValue)
    }

    private static func readOptions(
        _ reader: inout DictionaryReader
    ) throws(DictionaryArchiveError) -> ConceptDictionary.Options {
        let related = try reader.readInteger() as UInt8 != 0
        let narrow = try reader.readInteger() as UInt8 != 0
        let root = TermID(try reader.readInteger() as Int32)
        return ConceptDictionary.Options(includeRelated: related, includeNarrow: narrow, root: root)
    }

    /// A fingerprint of what the builder does besides reading the ontology: stop words,
    /// prefixes, conjunctions, the abbreviation supplement, and how sample words are tokenised
    /// and normalised. A cache written by a builder that reads phrases differently is rebuilt.
    public static let recipeFingerprint: UInt64 = {
        var parts: [String] = ["revision \(builderRevision)"]
        parts += StopWords.all.sorted() + ["|"] + StopWords.joinablePrefixes.sorted() + ["|"]
        parts += StopWords.coordinators.sorted() + ["|"]
        parts += Abbreviations.common.map { "\($0.0)=\($0.1.rawValue)" }
        let normalizer = WordNormalizer()
        parts += probeWords.map { normalizer.normalize($0) }
        parts += Tokenizer().tokens(of: probePhrase[...]).map { "\($0.kind)\($0.text)" }
        return FNV1a64.hash(Array(parts.joined(separator: "\u{1F}").utf8)[...])
    }()

    private static let probeWords = [
        "abnormalities", "anomalies", "malformations", "hypoplastic", "hypoplasia", "dysplasias", "scoliotic",
        "scoliosis", "anaemic", "delayed", "nails", "naevi", "vertebrae", "oedema", "haemorrhage", "tumours",
        "cutaneous", "pulmonary", "hepatic", "cardiac", "ocular", "facial", "dental", "renal", "teeth", "feet",
        "phalanges", "microcephalic", "muscular", "osseous", "deformities", "developmental", "retardation",
        "hypotonia", "seizures", "Sjögren", "hypertelorism", "kyphoses", "syndactyly", "palatal", "numerous",
        "dysmorphic", "ventricular", "clinodactyly", "ears", "eyes", "hypotonic", "hearing", "fingers", "shortness",
        "signs", "changes", "reduced", "diminished", "auditory", "otic", "ophthalmic", "ophthalmological",
    ]

    private static let probePhrase = "Café-au-lait spots, pre-auricular (tags) 2/3 of VSD's; Ehlers–Danlos IgA 4.5"
}
